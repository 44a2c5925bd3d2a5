import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readContent, RESERVED_PATHS } from '../../../site/lib/content-source.ts';
import { formatProblem } from '../../../domain/content/index.ts';
import { category, contentError as msg, newItem, status, unitKind } from '../../../domain/labels/zh-CN.ts';

/** The message a code list gives for a value outside it: every code with its label. */
const oneOf = (labels: Record<string, string>) => msg.oneOf(Object.entries(labels).map(([code, label]) => `${code}（${label}）`).join('、'));
import { baseItem, markdown, writeContent, type Data } from '../../helpers/content-fixture.ts';

const ITEM_FILE = 'content/items/2026/DC-2026-014.md';

/** The problems of a content folder, as the lines editors see. */
function problemsOf(dir: string): string[] {
  return readContent(dir, path.dirname(dir)).problems.map(formatProblem);
}

function withItem(overrides: Data, body?: string): string[] {
  return problemsOf(writeContent({ items: { '2026/DC-2026-014.md': { data: baseItem(overrides), ...(body !== undefined ? { body } : {}) } } }));
}

describe('content schema', () => {
  it('accepts the valid baseline and reads every collection', () => {
    const dir = writeContent();
    const content = readContent(dir, path.dirname(dir));
    expect(content.problems).toEqual([]);
    expect(content.items.map((i) => i.id)).toEqual(['DC-2026-014']);
    expect(content.units).toHaveLength(3);
    expect(content.regions).toHaveLength(2);
    expect(content.notices.map((n) => n.id)).toEqual(['2026-03-01-launch']);
  });

  it.each([
    [{ deadline: '2026-02-30' }, `${ITEM_FILE}: deadline ${msg.date}`],
    [{ deadline: '2026/06/30' }, `${ITEM_FILE}: deadline ${msg.date}`],
    [{ assignedOn: undefined }, `${ITEM_FILE}: assignedOn ${msg.missing}`],
    [{ title: '' }, `${ITEM_FILE}: title ${msg.required}`],
    [{ title: '很'.repeat(61) }, `${ITEM_FILE}: title ${msg.maxLength(60)}`],
    [{ progress: 120 }, `${ITEM_FILE}: progress ${msg.progress}`],
    [{ progress: '四十' }, `${ITEM_FILE}: progress ${msg.progress}`],
    [{ status: 'done' }, `${ITEM_FILE}: status ${oneOf(status)}`],
    [{ category: '杂项' }, `${ITEM_FILE}: category ${oneOf(category)}`],
    [{ deadlin: '2026-06-30' }, `${ITEM_FILE}: ${msg.unknownField('deadlin')}`],
    [{ deadline: '2026-01-31' }, `${ITEM_FILE}: deadline ${msg.deadlineBeforeAssigned}`],
    [{ status: 'completed', progress: 100, outcome: '已完成。' }, `${ITEM_FILE}: completedOn ${msg.completedNeedsDate}`],
    [{ status: 'completed', progress: 100, completedOn: '2026-05-01' }, `${ITEM_FILE}: outcome ${msg.completedNeedsOutcome}`],
    [{ status: 'completed', progress: 90, completedOn: '2026-05-01', outcome: '已完成。' }, `${ITEM_FILE}: progress ${msg.completedProgress}`],
    [{ completedOn: '2026-05-01' }, `${ITEM_FILE}: completedOn ${msg.notCompletedHasDate}`],
    [{ status: 'suspended' }, `${ITEM_FILE}: statusReason ${msg.suspendedNeedsReason}`],
    [{ statusReason: '等待上级批复。' }, `${ITEM_FILE}: statusReason ${msg.reasonOnlySuspended}`],
    [{ supportUnits: ['water'] }, `${ITEM_FILE}: supportUnits ${msg.leadInSupport}`],
    [{ id: 'DC-26-14' }, `${ITEM_FILE}: id ${msg.itemId}`],
    [
      { extensions: [{ requestedOn: '2026-06-01', newDeadline: '2026-06-15', reason: '雨季施工受限。', approvedBy: '市政府督查室' }] },
      `${ITEM_FILE}: extensions[0].newDeadline ${msg.extensionNotLater}`,
    ],
    [
      { extensions: [{ requestedOn: '2026-06-01', newDeadline: '2026-09-30', reason: '雨季施工受限。' }] },
      `${ITEM_FILE}: extensions[0].approvedBy ${msg.missing}`,
    ],
    [{ updates: [{ date: '2026-03-01', unit: 'water', text: '' }] }, `${ITEM_FILE}: updates[0].text ${msg.required}`],
  ])('rejects %o with the exact Chinese message', (overrides, expected) => {
    expect(withItem(overrides)).toEqual([expected]);
  });

  it('checks references to units and regions', () => {
    expect(withItem({ leadUnit: 'nosuch' })).toEqual([`${ITEM_FILE}: leadUnit ${msg.unknownUnit('nosuch')}`]);
    expect(withItem({ supportUnits: ['housing', 'ghost'] })).toEqual([`${ITEM_FILE}: supportUnits[1] ${msg.unknownUnit('ghost')}`]);
    expect(withItem({ updates: [{ date: '2026-03-01', unit: 'nobody', text: '完成。' }] })).toEqual([
      `${ITEM_FILE}: updates[0].unit ${msg.unknownUnit('nobody')}`,
    ]);
    expect(withItem({ region: 'atlantis' })).toEqual([`${ITEM_FILE}: region ${msg.unknownRegion('atlantis')}`]);
  });

  it('requires the id to match the file name and year folder', () => {
    const dir = writeContent({ items: { '2025/DC-2026-014.md': { data: baseItem() } } });
    expect(problemsOf(dir)).toEqual([`content/items/2025/DC-2026-014.md: id ${msg.yearMismatch('2025')}`]);
    const dir2 = writeContent({ items: { '2026/DC-2026-015.md': { data: baseItem() } } });
    expect(problemsOf(dir2)).toEqual([`content/items/2026/DC-2026-015.md: id ${msg.idMismatch('DC-2026-015')}`]);
  });

  it('accepts Chinese labels for code lists', () => {
    const dir = writeContent({ items: { '2026/DC-2026-014.md': { data: baseItem({ status: '办理中', category: '民生实事', source: '人大建议' }) } } });
    const content = readContent(dir, path.dirname(dir));
    expect(content.problems).toEqual([]);
    expect(content.items[0]!.data).toMatchObject({ status: 'in_progress', category: 'livelihood', source: 'npc_proposal' });
  });

  it('reports missing attachments, missing front matter, bad YAML and empty bodies', () => {
    expect(withItem({ attachments: [{ title: '方案', file: 'attachments/DC-2026-014/plan.pdf' }] })).toEqual([
      `${ITEM_FILE}: attachments[0].file ${msg.missingFile('content/attachments/DC-2026-014/plan.pdf')}`,
    ]);
    expect(withItem({ attachments: [{ title: '方案', file: '../secret.txt' }] })).toEqual([
      `${ITEM_FILE}: attachments[0].file ${msg.badPath}`,
    ]);
    expect(problemsOf(writeContent({ items: { '2026/DC-2026-014.md': '没有元数据块的正文' } }))).toEqual([
      `${ITEM_FILE}: ${msg.frontmatter}`,
    ]);
    expect(withItem({}, '')).toEqual([`${ITEM_FILE}: ${msg.emptyBody}`]);
  });

  it('reports every YAML syntax error in Chinese, at its line counted in the file (front matter included)', () => {
    const text = ['---', 'id: DC-2026-014', 'title: 城区: 供水', 'summary: 好', 'summary: 坏', '\tprogress: 1', '---', '正文'].join('\n');
    expect(problemsOf(writeContent({ items: { '2026/DC-2026-014.md': text } }))).toEqual([
      `${ITEM_FILE}:3: ${msg.yaml(3, msg.yamlError.BLOCK_AS_IMPLICIT_KEY!)}`,
      `${ITEM_FILE}:5: ${msg.yaml(5, msg.yamlError.DUPLICATE_KEY!)}`,
      `${ITEM_FILE}:6: ${msg.yaml(6, msg.yamlError.TAB_AS_INDENT!)}`,
    ]);
  });

  it('reports YAML errors of a whole-YAML file at its own lines', () => {
    const dir = writeContent({ files: { 'regions.yaml': '- id: chengguan\n  name: 城关街道\n  kind: subdistrict\n- id: qingshi\n name: 青石镇\n' } });
    const [first] = problemsOf(dir);
    expect(first).toMatch(/^content\/regions\.yaml:5: /);
  });

  it('reports every problem of a file in one pass: schema, references, dates and body together', () => {
    const data = baseItem({
      deadline: '2026-06-31',
      leadUnit: 'ghost',
      deadlin: '2026-06-30',
      progress: '四十',
      updates: [{ date: '2026-01-15', unit: 'nobody', text: '提前完成了管网普查。' }],
    });
    const dir = writeContent({ items: { '2026/DC-2026-014.md': { data, body: '' } } });
    expect(readContent(dir, path.dirname(dir), { today: '2026-05-01' }).problems.map(formatProblem).sort()).toEqual(
      [
        `${ITEM_FILE}: deadline ${msg.date}`,
        `${ITEM_FILE}: progress ${msg.progress}`,
        `${ITEM_FILE}: ${msg.unknownField('deadlin')}`,
        `${ITEM_FILE}: leadUnit ${msg.unknownUnit('ghost')}`,
        `${ITEM_FILE}: updates[0].date ${msg.beforeAssigned}`,
        `${ITEM_FILE}: updates[0].unit ${msg.unknownUnit('nobody')}`,
        `${ITEM_FILE}: ${msg.emptyBody}`,
      ].sort(),
    );
  });

  it('refuses dates that contradict each other or the build date', () => {
    const today = '2026-05-01';
    const problems = (overrides: Data) => {
      const dir = writeContent({ items: { '2026/DC-2026-014.md': { data: baseItem(overrides) } } });
      return readContent(dir, path.dirname(dir), { today }).problems.map(formatProblem);
    };
    expect(problems({ updates: [{ date: '2026-01-31', unit: 'water', text: '开始普查。' }] })).toEqual([`${ITEM_FILE}: updates[0].date ${msg.beforeAssigned}`]);
    expect(problems({ assignedOn: '2026-05-02', deadline: '2026-06-30', updates: [] })).toEqual([`${ITEM_FILE}: assignedOn ${msg.afterToday(today)}`]);
    expect(problems({ updates: [{ date: '2026-05-20', unit: 'water', text: '完成。' }] })).toEqual([`${ITEM_FILE}: updates[0].date ${msg.afterToday(today)}`]);
    expect(problems({ extensions: [{ requestedOn: '2026-01-20', newDeadline: '2026-09-30', reason: '雨季施工受限。', approvedBy: '市政府督查室' }] })).toEqual([
      `${ITEM_FILE}: extensions[0].requestedOn ${msg.beforeAssigned}`,
    ]);
  });

  it('refuses the placeholder body new:item writes until it is replaced', () => {
    expect(withItem({}, newItem.bodyPlaceholder)).toEqual([`${ITEM_FILE}: ${msg.placeholderBody}`]);
  });

  it('validates units, regions and notices', () => {
    const units = [{ id: 'water', name: '示例市水务局', shortName: '水务局', kind: 'bureau', phone: '12', address: '人民路' }];
    expect(problemsOf(writeContent({ units, items: {} }))).toEqual([
      `content/units/water.yaml: kind ${oneOf(unitKind)}`,
      `content/units/water.yaml: phone ${msg.phone}`,
    ]);
    expect(problemsOf(writeContent({ regions: [{ id: 'Bad Id', name: '城关街道', kind: 'subdistrict' }], items: {}, units: [] }))).toEqual([
      `content/regions.yaml: [0].id ${msg.slug}`,
    ]);
    expect(problemsOf(writeContent({ notices: { '2026-03-01-launch.md': markdown({ title: '平台上线', date: '3月1日' }, '正文。') } }))).toEqual([
      `content/notices/2026-03-01-launch.md: date ${msg.date}`,
    ]);
    expect(problemsOf(writeContent({ pages: { 'items.md': markdown({ title: '冲突', updated: '2026-01-01' }, '正文') } }))[0]).toBe(
      `content/pages/items.md: ${msg.reservedSlug([...RESERVED_PATHS].join('、'))}`,
    );
  });
});
