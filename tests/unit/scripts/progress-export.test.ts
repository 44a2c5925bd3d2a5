/**
 * npm run progress:export's file editing (scripts/lib/item-file.ts) on a copy of the sample content: an
 * approved progress report and an extension change exactly the expected lines of the item file (the
 * editor's comment and key order kept); a second run changes nothing; an editor's later hand edit is a
 * conflict, never overwritten; an item an editor broke is skipped with the content check's message while
 * the rest go through.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, asOfDate } from '../../../domain/dates.ts';
import { decideReport, itemRevision, newReport, type ReportFields, type ReportRecord } from '../../../domain/items/report.ts';
import { contentError, reportError, reportLabels } from '../../../domain/labels/zh-CN.ts';
import { applyProgressReports, APPLIED_FILE } from '../../../scripts/lib/item-file.ts';
import { readContent } from '../../../site/lib/content-source.ts';
import { readItemFacts } from '../../../site/lib/site-facts.ts';

const source = path.resolve(import.meta.dirname, '../../../content');
const today = asOfDate();
const facts = readItemFacts(source);
/** Two open items without extensions, with updates. */
const [item, other] = facts.filter((i) => i.status === 'in_progress' && i.extensions?.length === 0 && (i.updates ?? 0) > 0 && i.deadline! > today);
const COMMENT = '# 编辑备注：进度以督查室审核通过的报送为准';

let dir: string;
const fileOf = (id: string) => path.join(dir, 'items', id.split('-')[1]!, `${id}.md`);
const reviewer = { sub: 'r1', name: '审核员', role: 'reviewer' as const };

/** A report on `id` by its lead unit, approved, based on the file as it is now. */
function approved(id: string, fields: ReportFields, n: number): ReportRecord {
  const lead = facts.find((i) => i.id === id)!.leadUnit!;
  const at = `${today}T0${n}:00:00.000Z`;
  const r = newReport({ sub: 'u1', name: '报送员', role: 'unit', unit: lead }, { id: `RP-${n}`, itemId: id, rev: itemRevision(readFileSync(fileOf(id), 'utf8')), fields }, at);
  const d = decideReport(reviewer, r, { action: 'approve', version: 1 }, at, reportLabels.approvedBy);
  if (!d.ok) throw new Error(d.message);
  return d.next;
}
const progressFields = (id: string): ReportFields => ({ kind: 'progress', date: today, text: '完成第二批设备安装调试', progress: Math.min(100, facts.find((i) => i.id === id)!.progress! + 5) });

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'ducha-progress-')), 'content');
  cpSync(source, dir, { recursive: true });
  // The editor's own comment above `progress:`, which the export must keep.
  const f = fileOf(item!.id);
  writeFileSync(f, readFileSync(f, 'utf8').replace(/^progress:/m, `${COMMENT}\nprogress:`));
});

describe('progress:export', () => {
  it('changes exactly the expected lines: the update, the progress, the extension record', () => {
    const before = readFileSync(fileOf(item!.id), 'utf8');
    const p = progressFields(item!.id) as Extract<ReportFields, { kind: 'progress' }>;
    const newDeadline = addDays(item!.deadline!, 30);
    const reports = [approved(item!.id, p, 1), approved(item!.id, { kind: 'extension', newDeadline, reason: '设备到货推迟需顺延安装' }, 2)];
    const result = applyProgressReports(dir, reports, { today });
    expect(result).toEqual({ changed: [{ id: item!.id, reports: ['RP-1', 'RP-2'] }], skipped: [], conflicts: [] });
    // The expectation, from the file as it was: the new lines where they belong, every other line as it was.
    const lines = before.split('\n');
    const end = lines.indexOf('---', 1);
    const updatesAt = lines.indexOf('updates:');
    let updatesEnd = updatesAt + 1;
    while (/^\s+\S/.test(lines[updatesEnd]!) || lines[updatesEnd]!.startsWith('-')) updatesEnd++;
    const expected = [...lines];
    expected.splice(updatesEnd, 0, `  - date: ${today}`, `    unit: ${item!.leadUnit}`, `    text: ${p.text}`);
    expected[expected.indexOf(`progress: ${item!.progress}`)] = `progress: ${p.progress}`;
    expected.splice(lines.findIndex((l) => l.startsWith('deadline:')) + 1, 0, 'extensions:', `  - requestedOn: ${today}`, `    newDeadline: ${newDeadline}`, '    reason: 设备到货推迟需顺延安装', `    approvedBy: ${reportLabels.approvedBy}`);
    const after = readFileSync(fileOf(item!.id), 'utf8');
    expect(after).toBe(expected.join('\n'));
    expect(after).toContain(COMMENT);
    expect(after.split('\n').slice(end + 8)).toEqual(lines.slice(end)); // the body, byte for byte
  });

  it('passes the content check with the result', () => {
    applyProgressReports(dir, [approved(item!.id, progressFields(item!.id), 1)], { today });
    expect(readContent(dir, path.dirname(dir), { ledger: false, today }).problems).toEqual([]);
  });

  it('changes nothing when run a second time', () => {
    const reports = [approved(item!.id, progressFields(item!.id), 1)];
    applyProgressReports(dir, reports, { today });
    const once = [readFileSync(fileOf(item!.id), 'utf8'), readFileSync(path.join(dir, 'items', APPLIED_FILE), 'utf8')];
    expect(applyProgressReports(dir, reports, { today })).toEqual({ changed: [], skipped: [], conflicts: [] });
    expect([readFileSync(fileOf(item!.id), 'utf8'), readFileSync(path.join(dir, 'items', APPLIED_FILE), 'utf8')]).toEqual(once);
  });

  it("reports a conflict, and writes nothing, when an editor edited the item after the report's version", () => {
    const report = approved(item!.id, progressFields(item!.id), 1);
    const edited = readFileSync(fileOf(item!.id), 'utf8').replace(/^summary: (.*)$/m, 'summary: $1（已修订）');
    writeFileSync(fileOf(item!.id), edited);
    expect(applyProgressReports(dir, [report], { today }).conflicts).toEqual([reportError.exportConflict(item!.id, 'RP-1')]);
    expect(readFileSync(fileOf(item!.id), 'utf8')).toBe(edited);
  });

  it("applies a second report based on the export's own earlier write", () => {
    applyProgressReports(dir, [approved(item!.id, progressFields(item!.id), 1)], { today });
    const second = approved(item!.id, { kind: 'extension', newDeadline: addDays(item!.deadline!, 30), reason: '设备到货推迟需顺延安装' }, 2);
    expect(applyProgressReports(dir, [second], { today }).changed).toEqual([{ id: item!.id, reports: ['RP-2'] }]);
  });

  it("skips an item an editor broke with the content check's message; the rest go through", () => {
    const reports = [approved(item!.id, progressFields(item!.id), 1), approved(other!.id, progressFields(other!.id), 2)];
    const broken = readFileSync(fileOf(other!.id), 'utf8').replace(/^progress: .*$/m, 'progress: 很多');
    writeFileSync(fileOf(other!.id), broken);
    const result = applyProgressReports(dir, reports, { today });
    expect(result.changed.map((c) => c.id)).toEqual([item!.id]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toContain(`progress ${contentError.progress}`);
    expect(readFileSync(fileOf(other!.id), 'utf8')).toBe(broken);
  });
});
