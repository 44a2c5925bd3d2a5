/**
 * 立项督办 through the staff API on both DynamoDB engines: two accepted submissions become one item draft, the
 * export writes one item file into a temp copy of content/ (content check, origin, the citizen's text only when
 * allowed and then redacted), a second export writes nothing, and both citizens' lookups name the item. Bad
 * input: a submission not accepted (409 naming the field), a unit (403), an unknown lead unit or region (422).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import yaml from 'js-yaml';
import { chinaDate } from '../../domain/dates.ts';
import { urls } from '../../domain/urls.ts';
import { promotion, redaction } from '../../domain/labels/zh-CN.ts';
import { exportItemDrafts } from '../../scripts/lib/item-drafts.ts';
import { readContent } from '../../site/lib/content-source.ts';
import { root as repoRoot } from '../helpers/paths.ts';
import { staffTestApi, type StaffTestApi } from '../helpers/staff.ts';

const engines = Object.entries(inject('engines'));
const LIMITS = { submit: { capacity: 10_000, perSeconds: 60 }, submitUnverified: { capacity: 10_000, perSeconds: 60 }, lookup: { capacity: 10_000, perSeconds: 60 } };
/** What the reviewer chooses for the new item (units and region of the sample content). */
const CHOICE = { title: '城关片区夜间施工噪声扰民问题', category: 'livelihood', region: 'chengguan', leadUnit: 'urban', supportUnits: ['housing'] };

describe.each(engines)('立项督办 on %s', (_engine, endpoint) => {
  let s: StaffTestApi;
  beforeAll(async () => {
    s = await staffTestApi(endpoint, { limits: LIMITS });
  });

  const version = async (t: string) => (await s.request('GET', `/api/staff/submissions/${t}`, s.tokens.reviewer)).json.submission.version as number;
  const accept = async (t: string) => expect((await s.act(t, s.tokens.reviewer, { action: 'accept', version: await version(t) })).status).toBe(200);
  const later = () => chinaDate(new Date(s.clock.now.getTime() + 60 * 86_400_000));
  const promote = async (numbers: string[], token = s.tokens.reviewer, over: Record<string, unknown> = {}) =>
    s.request('POST', '/api/staff/item-drafts', token, { submissions: await Promise.all(numbers.map(async (t) => ({ trackingNumber: t, version: await version(t) }))), ...CHOICE, deadline: later(), ...over });
  const exportTo = (contentDir: string) =>
    exportItemDrafts({ api: 'http://staff.test', token: s.tokens.reviewer, contentDir, today: chinaDate(s.clock.now), fetch: (url, init) => Promise.resolve(s.staff.request(url, init)) });

  describe('two submissions → one item', () => {
    const open = '夜里两点还在施工，吵得孩子睡不着，我叫王小明，电话 13912345678。';
    const closed = '工地夜间施工噪声很大，希望有关部门管一管，住在人民路18号3栋501室。';
    let allowed: { trackingNumber: string; password: string };
    let notAllowed: { trackingNumber: string; password: string };
    let contentDir: string;
    let file: string;
    let first: Awaited<ReturnType<typeof exportItemDrafts>>;
    beforeAll(async () => {
      allowed = await s.submit({ kind: 'clue', content: open, allowPublish: true, contact: { name: '王小明', phone: '13912345678' }, privacyConsent: true });
      notAllowed = await s.submit({ kind: 'clue', content: closed, allowPublish: false });
      for (const t of [allowed, notAllowed]) await accept(t.trackingNumber);
      expect((await promote([allowed.trackingNumber, notAllowed.trackingNumber])).status).toBe(201);
      contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'ducha-drafts-')), 'content');
      cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
      first = await exportTo(contentDir);
      file = path.join(path.dirname(contentDir), first.written[0] ?? '');
    });

    it('writes one item file with the next free number of the year', () => {
      const year = chinaDate(s.clock.now).slice(0, 4);
      const used = readdirSync(path.join(repoRoot, 'content/items', year)).map((f) => Number(f.slice(8, -3)));
      expect(first.written).toEqual([`content/items/${year}/DC-${year}-${String(Math.max(0, ...used) + 1).padStart(3, '0')}.md`]);
    });

    it('passes the content check with the whole directory', () => {
      expect(readContent(contentDir, path.dirname(contentDir), { today: chinaDate(s.clock.now) }).problems).toEqual([]);
    });

    it('names both submissions as its origin, with the chosen units and deadline, 办理中', () => {
      const front = yaml.load(readFileSync(file, 'utf8').split('---\n')[1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, any>;
      expect(front).toMatchObject({ status: 'in_progress', leadUnit: CHOICE.leadUnit, supportUnits: CHOICE.supportUnits, deadline: later(), origin: { kind: 'public_clue', trackingNumbers: [allowed.trackingNumber, notAllowed.trackingNumber] } });
    });

    it('quotes the citizen who allowed publication, redacted, and never the other', () => {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(redaction.name);
      expect(text).toContain(redaction.mobile);
      expect(text).not.toContain('王小明');
      expect(text).not.toContain('13912345678');
      expect(text).not.toContain('工地夜间施工噪声很大');
    });

    it('writes nothing on a second run', async () => {
      const before = readdirSync(path.dirname(file));
      const again = await exportTo(contentDir);
      expect(again.written).toEqual([]);
      expect(readdirSync(path.dirname(file))).toEqual(before);
    });

    // One build (on one engine: the page does not depend on it) of the temp content with the new item.
    it.runIf(_engine === engines[0]![0])('builds the item page saying 源自群众留言 with both tracking numbers', { timeout: 300_000 }, async () => {
      const work = path.dirname(contentDir);
      await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build.ts'), '--content', contentDir, '--out', path.join(work, 'dist'), '--cache', path.join(work, 'cache')], {
        cwd: repoRoot,
        env: { ...process.env, DUCHA_AS_OF: chinaDate(s.clock.now), ASTRO_TELEMETRY_DISABLED: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      const html = readFileSync(path.join(work, 'dist', urls.item(path.basename(file, '.md')), 'index.html'), 'utf8');
      const row = /<tr><th scope="row">([^<]*)<\/th><td>([\s\S]*?)<\/td><\/tr>/g;
      const origin = [...html.matchAll(row)].find((m) => m[1] === promotion.originHeading);
      expect(origin?.[2]).toContain(allowed.trackingNumber);
      expect(origin?.[2]).toContain(notAllowed.trackingNumber);
    });

    it('answers the no-JS lookup with a link to the item', async () => {
      const id = path.basename(file, '.md');
      const res = await s.api.post('/api/feedback/lookup', new URLSearchParams({ trackingNumber: notAllowed.trackingNumber, password: notAllowed.password }).toString(), { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' });
      const html = await res.text();
      expect(html).toContain(`${promotion.promotedPrefix}</strong><a href="${urls.item(id)}">${id}</a>`);
    });

    it('shows both citizens the item in their lookup', async () => {
      const id = path.basename(file, '.md');
      for (const t of [allowed, notAllowed]) {
        const res = await s.api.post('/api/feedback/lookup', { trackingNumber: t.trackingNumber, password: t.password });
        const body = (await res.json()) as Record<string, any>;
        expect(body.promotedTo).toBe(id);
        expect(body.history.map((e: { note?: string }) => e.note)).toContain(promotion.lookupLine(id));
      }
    });
  });

  describe('bad input', () => {
    it('refuses a submission not accepted yet with 409 naming the field', async () => {
      const { trackingNumber } = await s.submit({ kind: 'clue' });
      const res = await promote([trackingNumber]);
      expect(res.status).toBe(409);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(['submissions']);
    });

    it('refuses a unit with 403', async () => {
      const { trackingNumber } = await s.submit({ kind: 'clue' });
      await accept(trackingNumber);
      expect((await promote([trackingNumber], s.tokens.water)).status).toBe(403);
    });

    it('refuses an unknown lead unit with 422 naming the field', async () => {
      const { trackingNumber } = await s.submit({ kind: 'clue' });
      await accept(trackingNumber);
      const res = await promote([trackingNumber], s.tokens.reviewer, { leadUnit: 'nowhere' });
      expect(res.status).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(['leadUnit']);
    });

    it('refuses a region the site does not have with 422 naming the field', async () => {
      const { trackingNumber } = await s.submit({ kind: 'clue' });
      await accept(trackingNumber);
      const res = await promote([trackingNumber], s.tokens.reviewer, { region: 'nowhere' });
      expect(res.status).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(['region']);
    });

    it('refuses promoting a submission twice with 409', async () => {
      const { trackingNumber } = await s.submit({ kind: 'clue' });
      await accept(trackingNumber);
      expect((await promote([trackingNumber])).status).toBe(201);
      expect((await promote([trackingNumber])).status).toBe(409);
    });
  });
});
