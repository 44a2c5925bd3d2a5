/**
 * Synthetic content for the build benchmark: a city with 16 units and 10 regions and any number of items
 * with varied Chinese titles, bodies and timelines (deterministic for a given count). Items spread over the
 * years up to 2026 at about 10,000 a year, at least three years: 10,000 items are 2024–2026, 100,000 a
 * province's ten years 2017–2026.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const dump = (data: unknown) => yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA });

/** The day the synthetic city is built as of: nothing in it is dated later (the content check refuses that). */
export const SYNTHETIC_AS_OF = '2026-11-26';

const REGIONS = [
  ['chengguan', '城关街道', 'subdistrict'], ['hexi', '河西街道', 'subdistrict'], ['nanyuan', '南苑街道', 'subdistrict'],
  ['beihu', '北湖街道', 'subdistrict'], ['qingshi', '青石镇', 'township'], ['songling', '松岭镇', 'township'],
  ['baisha', '白沙镇', 'township'], ['liuxi', '柳溪乡', 'town'], ['taoyuan', '桃源乡', 'town'], ['yunshan', '云山乡', 'town'],
] as const;
const UNITS = [
  ['water', '水务局'], ['housing', '住房和城乡建设局'], ['transport', '交通运输局'], ['education', '教育局'],
  ['health', '卫生健康委员会'], ['environment', '生态环境局'], ['planning', '自然资源和规划局'], ['urban', '城市管理局'],
  ['market', '市场监督管理局'], ['civil', '民政局'], ['hrss', '人力资源和社会保障局'], ['agriculture', '农业农村局'],
  ['finance', '财政局'], ['govservice', '政务服务和数据管理局'], ['medical', '医疗保障局'], ['culture', '文化广电旅游局'],
] as const;
const OBJECTS = ['老旧小区', '供水管网', '农村公路', '背街小巷', '农贸市场', '公共停车场', '社区养老服务站', '中小学校舍', '污水处理站', '垃圾中转站',
  '公交线路', '河道堤防', '路灯照明', '村卫生室', '便民服务中心', '口袋公园', '雨污管网', '充电设施', '菜市场', '体育健身场地', '农田水利', '冷链物流中心'];
const ACTIONS = ['改造提升', '专项整治', '新建扩建', '维修养护', '规范管理', '优化调整', '提质增效', '排查治理'];
const DETAILS = ['完成现场踏勘并形成问题清单', '编制实施方案并报市政府审定', '完成施工招标，确定施工单位', '主体工程开工建设',
  '完成工程量的一半以上', '组织相关部门联合验收', '召开居民议事会征求意见', '落实专项资金并拨付到位', '开展“回头看”检查',
  '对发现的问题逐项销号', '约谈进度滞后的施工单位', '完成全部点位整改'];
const REASONS = ['雨季影响施工', '居民意见尚未统一', '资金拨付程序较长', '涉及管线迁改', '需等待上级审批'];
/** A province's items in one year: the benchmark's larger sizes spread over more years. */
const ITEMS_PER_YEAR = 10_000;
const STATUSES = ['assigned', 'in_progress', 'in_progress', 'completed', 'completed', 'completed', 'suspended'] as const;
const CATEGORIES = ['key_task', 'leader_instruction', 'livelihood', 'special', 'public_request'] as const;
const SOURCES = ['higher_level', 'leader_instruction', 'meeting', 'public_report', 'npc_proposal', 'cppcc_proposal'] as const;

/** A tiny deterministic PRNG (mulberry32), so a given item count always yields the same content. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Write a complete content folder with `count` items; returns its path (`<dir>/content`). */
export function writeSyntheticContent(dir: string, count: number): string {
  const content = path.join(dir, 'content');
  const rnd = prng(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  mkdirSync(path.join(content, 'units'), { recursive: true });
  writeFileSync(path.join(content, 'regions.yaml'), dump(REGIONS.map(([id, name, kind]) => ({ id, name, kind }))));
  UNITS.forEach(([id, name], i) =>
    writeFileSync(
      path.join(content, 'units', `${id}.yaml`),
      dump({ id, name: `示例市${name}`, shortName: name.slice(0, 12), kind: 'city_department', phone: `0000-8${String(1000000 + i).slice(1)}`, address: `示例市人民路 ${i + 1} 号` }),
    ),
  );
  const yearCount = Math.min(10, Math.max(3, Math.ceil(count / ITEMS_PER_YEAR)));
  const years = Array.from({ length: yearCount }, (_, i) => 2027 - yearCount + i);
  const perYear = new Map<number, number>();
  for (let n = 0; n < count; n++) {
    const year = years[n % years.length]!;
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const id = `DC-${year}-${String(seq).padStart(3, '0')}`;
    const [regionId, regionName] = pick(REGIONS);
    const lead = pick(UNITS);
    const support = UNITS.filter((u) => u !== lead && rnd() < 0.12).map((u) => u[0]);
    const object = pick(OBJECTS);
    const action = pick(ACTIONS);
    const assignedOn = addDays(`${year}-01-01`, Math.floor(rnd() * (year === 2026 ? 320 : 360)));
    const deadline = addDays(assignedOn, 60 + Math.floor(rnd() * 240));
    let status: (typeof STATUSES)[number] = pick(STATUSES);
    if (assignedOn > '2026-11-01') status = 'assigned';
    const extensions = rnd() < 0.2 ? [{ requestedOn: addDays(deadline, -10), newDeadline: addDays(deadline, 30 + Math.floor(rnd() * 90)), reason: pick(REASONS), approvedBy: '市政府督查室' }] : [];
    let completedOn = status === 'completed' ? addDays(assignedOn, 30 + Math.floor(rnd() * 400)) : undefined;
    if (completedOn && completedOn > SYNTHETIC_AS_OF) {
      status = 'in_progress';
      completedOn = undefined;
    }
    const updateCount = 3 + Math.floor(rnd() * 4);
    const updates = Array.from({ length: updateCount }, (_, k) => ({
      date: addDays(assignedOn, 5 + k * 20 + Math.floor(rnd() * 15)),
      unit: k % 3 === 2 && support[0] ? support[0] : lead[0],
      text: `${regionName}${object}${pick(DETAILS)}，涉及 ${1 + Math.floor(rnd() * 60)} 处点位、${10 + Math.floor(rnd() * 900)} 户群众。`,
    })).filter((u) => u.date <= (completedOn ?? SYNTHETIC_AS_OF));
    const data = {
      id,
      title: `${regionName}${object}${action}（第 ${seq} 批）`.slice(0, 60),
      summary: `对${regionName}范围内的${object}实施${action}，惠及群众约 ${100 + Math.floor(rnd() * 5000)} 人。`,
      category: pick(CATEGORIES),
      source: pick(SOURCES),
      region: regionId,
      leadUnit: lead[0],
      supportUnits: support,
      assignedOn,
      deadline,
      extensions,
      status,
      ...(status === 'suspended' ? { statusReason: pick(REASONS) } : {}),
      progress: status === 'completed' ? 100 : status === 'assigned' ? 0 : 10 + Math.floor(rnd() * 80),
      updates,
      ...(completedOn ? { outcome: `${regionName}${object}${action}全面完成，经验收合格。`, completedOn } : {}),
      tags: [object, action],
    };
    const body = `${regionName}${object}问题群众反映较多。根据${lead[1]}排查，存在设施老化、管理不到位等情况。\n\n要求：${DETAILS.slice(0, 3).map((d) => pick(DETAILS) ?? d).join('；')}。`;
    const file = path.join(content, 'items', String(year), `${id}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\n${dump(data)}---\n${body}\n`);
  }
  mkdirSync(path.join(content, 'notices'), { recursive: true });
  writeFileSync(path.join(content, 'notices', '2026-01-01-bench.md'), '---\ntitle: 基准测试公告\ndate: 2026-01-01\n---\n这是基准测试生成的公告。\n');
  return content;
}

/** The usual editor's merge, for the rebuild benchmark: one item's summary gets a sentence more. Returns its file. */
export function editOneItem(contentDir: string): string {
  const file = path.join(contentDir, 'items', '2026', 'DC-2026-001.md');
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/^summary: (.*)$/m, (_, s: string) => `summary: ${s}已更新进展。`));
  return file;
}
