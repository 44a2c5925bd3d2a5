/**
 * Small content folders for tests: a valid baseline (two regions, three units, one item, one notice) that a
 * test changes one thing in, so each bad fixture fails for exactly one reason.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';

const dump = (data: unknown) => yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA });

export type Data = Record<string, unknown>;

export const baseRegions: Data[] = [
  { id: 'chengguan', name: '城关街道', kind: 'subdistrict' },
  { id: 'qingshi', name: '青石镇', kind: 'township' },
];

export const baseUnits: Data[] = [
  { id: 'water', name: '示例市水务局', shortName: '水务局', kind: 'city_department', phone: '0000-81234567', address: '示例市人民路 1 号' },
  { id: 'housing', name: '示例市住房和城乡建设局', shortName: '住建局', kind: 'city_department', phone: '0000-81234568', address: '示例市人民路 2 号' },
  { id: 'qingshi-gov', name: '青石镇人民政府', shortName: '青石镇', kind: 'township', phone: '0000-81234569', address: '青石镇中街 8 号', region: 'qingshi' },
];

export function baseItem(overrides: Data = {}): Data {
  return {
    id: 'DC-2026-014',
    title: '城区供水管网改造',
    summary: '改造城区老旧供水管网 12 公里。',
    category: 'livelihood',
    source: 'meeting',
    region: 'chengguan',
    leadUnit: 'water',
    supportUnits: ['housing'],
    assignedOn: '2026-02-01',
    deadline: '2026-06-30',
    status: 'in_progress',
    progress: 40,
    updates: [{ date: '2026-03-01', unit: 'water', text: '完成管网普查。' }],
    tags: ['供水'],
    ...overrides,
  };
}

export interface FixtureOptions {
  regions?: Data[];
  units?: Data[];
  /** Items by file path under content/items, e.g. `2026/DC-2026-014.md`; body defaults to a sentence. */
  items?: Record<string, { data: Data; body?: string } | string>;
  notices?: Record<string, string>;
  pages?: Record<string, string>;
  files?: Record<string, string>;
}

export function markdown(data: Data, body = '事项内容。'): string {
  return `---\n${dump(data)}---\n${body}\n`;
}

/** Write a content folder; returns the folder named `content` inside a new temp dir. */
export function writeContent(options: FixtureOptions = {}): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'ducha-content-')), 'content');
  const put = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  put('regions.yaml', dump(options.regions ?? baseRegions));
  for (const u of options.units ?? baseUnits) put(`units/${String(u.id)}.yaml`, dump(u));
  const items = options.items ?? { '2026/DC-2026-014.md': { data: baseItem() } };
  for (const [rel, v] of Object.entries(items)) put(`items/${rel}`, typeof v === 'string' ? v : markdown(v.data, v.body));
  for (const [rel, text] of Object.entries(options.notices ?? { '2026-03-01-launch.md': markdown({ title: '平台上线', date: '2026-03-01' }, '正文。') })) put(`notices/${rel}`, text);
  for (const [rel, text] of Object.entries(options.pages ?? {})) put(`pages/${rel}`, text);
  for (const [rel, text] of Object.entries(options.files ?? {})) put(rel, text);
  return dir;
}
