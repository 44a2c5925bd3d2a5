import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readContent } from '../../../site/lib/content-source.ts';
import { formatProblem } from '../../../domain/content/index.ts';
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
    [{ deadline: '2026-02-30' }, `${ITEM_FILE}: deadline 不是有效日期 (YYYY-MM-DD)`],
    [{ deadline: '2026/06/30' }, `${ITEM_FILE}: deadline 不是有效日期 (YYYY-MM-DD)`],
    [{ assignedOn: undefined }, `${ITEM_FILE}: assignedOn 缺少此字段`],
    [{ title: '' }, `${ITEM_FILE}: title 不能为空`],
    [{ title: '很'.repeat(61) }, `${ITEM_FILE}: title 不能超过 60 个字`],
    [{ progress: 120 }, `${ITEM_FILE}: progress 必须是 0 到 100 之间的整数`],
    [{ progress: '四十' }, `${ITEM_FILE}: progress 必须是 0 到 100 之间的整数`],
    [{ status: 'done' }, `${ITEM_FILE}: status 必须是以下之一：assigned（已交办）、in_progress（办理中）、completed（已办结）、suspended（暂缓办理）`],
    [{ category: '杂项' }, `${ITEM_FILE}: category 必须是以下之一：key_task（重点工作）、leader_instruction（领导批示）、livelihood（民生实事）、special（专项督查）、public_request（群众诉求）`],
    [{ deadlin: '2026-06-30' }, `${ITEM_FILE}: 不是可识别的字段（deadlin），请检查拼写`],
    [{ deadline: '2026-01-31' }, `${ITEM_FILE}: deadline 不能早于交办日期 assignedOn`],
    [{ status: 'completed', progress: 100, outcome: '已完成。' }, `${ITEM_FILE}: completedOn 状态为已办结时必须填写 completedOn`],
    [{ status: 'completed', progress: 100, completedOn: '2026-05-01' }, `${ITEM_FILE}: outcome 状态为已办结时必须填写 outcome（办结情况）`],
    [{ status: 'completed', progress: 90, completedOn: '2026-05-01', outcome: '已完成。' }, `${ITEM_FILE}: progress 状态为已办结时进度必须为 100`],
    [{ completedOn: '2026-05-01' }, `${ITEM_FILE}: completedOn 只有状态为已办结（completed）时才能填写`],
    [{ status: 'suspended' }, `${ITEM_FILE}: statusReason 状态为暂缓办理时必须填写 statusReason（暂缓原因）`],
    [{ statusReason: '等待上级批复。' }, `${ITEM_FILE}: statusReason 只有状态为暂缓办理（suspended）时才能填写`],
    [{ supportUnits: ['water'] }, `${ITEM_FILE}: supportUnits 配合单位中不应包含牵头单位`],
    [{ id: 'DC-26-14' }, `${ITEM_FILE}: id 格式应为 DC-年份-三位以上序号，如 DC-2026-014`],
    [
      { extensions: [{ requestedOn: '2026-06-01', newDeadline: '2026-06-15', reason: '雨季施工受限。', approvedBy: '市政府督查室' }] },
      `${ITEM_FILE}: extensions[0].newDeadline 必须晚于此前的办理时限`,
    ],
    [
      { extensions: [{ requestedOn: '2026-06-01', newDeadline: '2026-09-30', reason: '雨季施工受限。' }] },
      `${ITEM_FILE}: extensions[0].approvedBy 缺少此字段`,
    ],
    [{ updates: [{ date: '2026-03-01', unit: 'water', text: '' }] }, `${ITEM_FILE}: updates[0].text 不能为空`],
  ])('rejects %o with the exact Chinese message', (overrides, expected) => {
    expect(withItem(overrides)).toEqual([expected]);
  });

  it('checks references to units and regions', () => {
    expect(withItem({ leadUnit: 'nosuch' })).toEqual([`${ITEM_FILE}: leadUnit 引用了不存在的责任单位 “nosuch”（应为 content/units/ 下的文件名）`]);
    expect(withItem({ supportUnits: ['housing', 'ghost'] })).toEqual([`${ITEM_FILE}: supportUnits[1] 引用了不存在的责任单位 “ghost”（应为 content/units/ 下的文件名）`]);
    expect(withItem({ updates: [{ date: '2026-03-01', unit: 'nobody', text: '完成。' }] })).toEqual([
      `${ITEM_FILE}: updates[0].unit 引用了不存在的责任单位 “nobody”（应为 content/units/ 下的文件名）`,
    ]);
    expect(withItem({ region: 'atlantis' })).toEqual([`${ITEM_FILE}: region 引用了不存在的区域 “atlantis”（见 content/regions.yaml）`]);
  });

  it('requires the id to match the file name and year folder', () => {
    const dir = writeContent({ items: { '2025/DC-2026-014.md': { data: baseItem() } } });
    expect(problemsOf(dir)).toEqual(['content/items/2025/DC-2026-014.md: id 的年份与所在目录 2025 不一致']);
    const dir2 = writeContent({ items: { '2026/DC-2026-015.md': { data: baseItem() } } });
    expect(problemsOf(dir2)).toEqual(['content/items/2026/DC-2026-015.md: id 与文件名不一致，应为 DC-2026-015']);
  });

  it('accepts Chinese labels for code lists', () => {
    const dir = writeContent({ items: { '2026/DC-2026-014.md': { data: baseItem({ status: '办理中', category: '民生实事', source: '人大建议' }) } } });
    const content = readContent(dir, path.dirname(dir));
    expect(content.problems).toEqual([]);
    expect(content.items[0]!.data).toMatchObject({ status: 'in_progress', category: 'livelihood', source: 'npc_proposal' });
  });

  it('reports missing attachments, missing front matter, bad YAML and empty bodies', () => {
    expect(withItem({ attachments: [{ title: '方案', file: 'attachments/DC-2026-014/plan.pdf' }] })).toEqual([
      `${ITEM_FILE}: attachments[0].file 附件文件不存在：content/attachments/DC-2026-014/plan.pdf`,
    ]);
    expect(withItem({ attachments: [{ title: '方案', file: '../secret.txt' }] })).toEqual([
      `${ITEM_FILE}: attachments[0].file 必须是 content/ 下的相对路径，不能包含 ..`,
    ]);
    expect(problemsOf(writeContent({ items: { '2026/DC-2026-014.md': '没有元数据块的正文' } }))).toEqual([
      `${ITEM_FILE}: 缺少 Markdown 文件开头的 --- 元数据块`,
    ]);
    const badYaml = problemsOf(writeContent({ items: { '2026/DC-2026-014.md': '---\ntitle: [未闭合\n---\n正文' } }));
    expect(badYaml).toHaveLength(1);
    expect(badYaml[0]).toMatch(new RegExp(`^${ITEM_FILE}: YAML 格式错误：`));
    expect(withItem({}, '')).toEqual([`${ITEM_FILE}: 正文（事项内容）不能为空`]);
  });

  it('validates units, regions and notices', () => {
    const units = [{ id: 'water', name: '示例市水务局', shortName: '水务局', kind: 'bureau', phone: '12', address: '人民路' }];
    expect(problemsOf(writeContent({ units, items: {} }))).toEqual([
      'content/units/water.yaml: kind 必须是以下之一：city_department（市直部门）、township（乡镇街道）、state_enterprise（国有企业）、other（其他单位）',
      'content/units/water.yaml: phone 不是有效的电话号码（如 0000-12345678 或 12345678）',
    ]);
    expect(problemsOf(writeContent({ regions: [{ id: 'Bad Id', name: '城关街道', kind: 'subdistrict' }], items: {}, units: [] }))).toEqual([
      'content/regions.yaml: [0].id 只能包含小写字母、数字和连字符，如 water-bureau',
    ]);
    expect(problemsOf(writeContent({ notices: { '2026-03-01-launch.md': markdown({ title: '平台上线', date: '3月1日' }, '正文。') } }))).toEqual([
      'content/notices/2026-03-01-launch.md: date 不是有效日期 (YYYY-MM-DD)',
    ]);
    expect(problemsOf(writeContent({ pages: { 'items.md': markdown({ title: '冲突', updated: '2026-01-01' }, '正文') } }))[0]).toMatch(
      /^content\/pages\/items\.md: 文件名只能包含小写字母、数字和连字符，且不能是网站已使用的路径/,
    );
  });
});
