/**
 * `npm run build` as an editor's merge meets it: a rebuild renders the changed item's page again, keeps the
 * pages nothing changed for from the last build, and drops the page of a deleted item; a build that would not
 * fit in the memory it is given stops before it starts, in Chinese, naming the size and what to do.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseItem, markdown, writeContent } from '../../helpers/content-fixture.ts';
import { root } from '../../helpers/paths.ts';
import { neededBytes } from '../../../scripts/lib/build-memory.ts';

function build(content: string, out: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--content', content, '--out', out, '--cache', path.join(out, '..', 'cache')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DUCHA_AS_OF: '2026-11-26', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const items = {
  '2026/DC-2026-014.md': { data: baseItem() },
  '2026/DC-2026-015.md': { data: baseItem({ id: 'DC-2026-015', title: '城区排水管网改造' }) },
  '2026/DC-2026-016.md': { data: baseItem({ id: 'DC-2026-016', title: '城区路灯改造' }) },
};

describe('a rebuild after an editor’s merge', () => {
  const content = writeContent({ items });
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ducha-rebuild-')), 'dist');
  const page = (id: string) => path.join(out, 'items', id, 'index.html');

  it('renders the changed item again, keeps the others, and drops a deleted item’s page', { timeout: 120_000 }, () => {
    expect(build(content, out).code).toBe(0);
    const before = { changed: statSync(page('DC-2026-014')).mtimeMs, kept: statSync(page('DC-2026-015')).mtimeMs };
    const file = path.join(content, 'items/2026/DC-2026-014.md');
    writeFileSync(file, markdown(baseItem({ summary: '改造城区老旧供水管网 15 公里。' })));
    rmSync(path.join(content, 'items/2026/DC-2026-016.md'));
    const r = build(content, out);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(page('DC-2026-014'), 'utf8')).toContain('改造城区老旧供水管网 15 公里。');
    expect(statSync(page('DC-2026-014')).mtimeMs).toBeGreaterThan(before.changed);
    expect(statSync(page('DC-2026-015')).mtimeMs).toBe(before.kept);
    expect(existsSync(page('DC-2026-016'))).toBe(false);
  });
});

describe('a build too large for its memory', () => {
  it('stops before it starts, naming the number of items and what to do', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ducha-oom-')), 'dist');
    const limitMb = Math.floor(neededBytes(1) / 1024 / 1024) - 1;
    const r = build(writeContent(), out, { DUCHA_BUILD_MEMORY_MB: String(limitMb) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^构建未开始：内容有 1 个督查事项，预计需要约 [\d.]+ GB 内存/);
    expect(r.stderr).toContain('DUCHA_BUILD_MEMORY_MB');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
