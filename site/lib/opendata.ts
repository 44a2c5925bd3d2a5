/**
 * Open data: one record per item, published as /data/items.json, /data/items.csv (UTF-8 with BOM, so Excel
 * opens it as Unicode) and described by /data/datapackage.json (Frictionless Data Package with a Table
 * Schema). The field list below is the single definition all three follow.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { ItemView } from './portal.ts';
import { category, itemField, site, source, status } from '../../domain/labels/zh-CN.ts';
import { absolute } from '../../domain/urls.ts';

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'array';

export interface FieldDef<K extends string> {
  readonly name: K;
  readonly type: FieldType;
  /** Chinese title for people. */
  readonly title: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly enum?: readonly string[];
}

export const FIELDS = [
  { name: 'id', type: 'string', title: itemField.id, required: true, description: '格式 DC-年份-序号' },
  { name: 'title', type: 'string', title: itemField.title, required: true },
  { name: 'url', type: 'string', title: itemField.url, required: true, description: '事项详情页网址' },
  { name: 'status', type: 'string', title: itemField.status, required: true, enum: Object.keys(status), description: Object.entries(status).map(([k, v]) => `${k}=${v}`).join('；') },
  { name: 'statusLabel', type: 'string', title: `${itemField.status}（中文）`, required: true },
  { name: 'overdue', type: 'boolean', title: itemField.overdue, required: true, description: '未办结且已超过办理时限（按数据生成日计算）' },
  { name: 'leadUnit', type: 'string', title: `${itemField.leadUnit}编码`, required: true },
  { name: 'leadUnitName', type: 'string', title: itemField.leadUnit, required: true },
  { name: 'supportUnits', type: 'array', title: `${itemField.supportUnits}编码`, description: 'JSON 中为数组；CSV 中以分号 ; 分隔' },
  { name: 'category', type: 'string', title: itemField.category, required: true, enum: Object.keys(category), description: Object.entries(category).map(([k, v]) => `${k}=${v}`).join('；') },
  { name: 'categoryLabel', type: 'string', title: `${itemField.category}（中文）`, required: true },
  { name: 'source', type: 'string', title: itemField.source, required: true, enum: Object.keys(source), description: Object.entries(source).map(([k, v]) => `${k}=${v}`).join('；') },
  { name: 'region', type: 'string', title: `${itemField.region}编码`, required: true },
  { name: 'regionName', type: 'string', title: itemField.region, required: true },
  { name: 'assignedOn', type: 'date', title: itemField.assignedOn, required: true },
  { name: 'deadline', type: 'date', title: itemField.deadline, required: true },
  { name: 'effectiveDeadline', type: 'date', title: itemField.effectiveDeadline, required: true, description: '最后一次批准延期后的时限；未延期时同原定时限' },
  { name: 'extensions', type: 'integer', title: `${itemField.extensions}（次数）`, required: true },
  { name: 'completedOn', type: 'date', title: itemField.completedOn, description: '未办结时为空' },
  { name: 'completedOnTime', type: 'boolean', title: '是否按期办结', description: '未办结时为空' },
  { name: 'daysToComplete', type: 'integer', title: `${itemField.daysToComplete}（天）`, description: '未办结时为空' },
  { name: 'progress', type: 'integer', title: `${itemField.progress}（%）`, required: true },
  { name: 'lastUpdate', type: 'date', title: '最近进展日期', required: true },
] as const satisfies readonly FieldDef<string>[];

export type FieldName = (typeof FIELDS)[number]['name'];
export type OpenRecord = Record<FieldName, string | number | boolean | string[] | null>;

export function toRecord(item: ItemView, siteUrl: URL | string | undefined): OpenRecord {
  return {
    id: item.id,
    title: item.title,
    url: absolute(item.url, siteUrl),
    status: item.status,
    statusLabel: status[item.status],
    overdue: item.overdue,
    leadUnit: item.leadUnit,
    leadUnitName: item.lead.name,
    supportUnits: [...item.supportUnits],
    category: item.category,
    categoryLabel: category[item.category],
    source: item.source,
    region: item.region,
    regionName: item.regionInfo.name,
    assignedOn: item.assignedOn,
    deadline: item.deadline,
    effectiveDeadline: item.effectiveDeadline,
    extensions: item.extensions.length,
    completedOn: item.completedOn ?? null,
    completedOnTime: item.completion === null ? null : item.completion === 'on_time',
    daysToComplete: item.daysToComplete,
    progress: item.progress,
    lastUpdate: item.lastActivity,
  };
}

type Cell = string | number | boolean | readonly string[] | null | undefined;

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV of `records` in the order of `fields`, with a UTF-8 byte-order mark and CRLF line ends. */
export function csvOf<K extends string>(fields: readonly FieldDef<K>[], records: readonly Readonly<Record<K, Cell>>[]): string {
  const header = fields.map((f) => f.name).join(',');
  const rows = records.map((r) => fields.map((f) => csvCell(r[f.name])).join(','));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark and CRLF line ends. */
export function toCsv(records: readonly OpenRecord[]): string {
  return csvOf(FIELDS, records);
}

/** A CSV resource of a Data Package: its Table Schema from `fields`. */
export function csvResource<K extends string>(name: string, file: string, fields: readonly FieldDef<K>[], extra: { primaryKey?: readonly K[]; description?: string } = {}) {
  return {
    name,
    path: file,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8-sig',
    ...(extra.description ? { description: extra.description } : {}),
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields: tableSchemaFields(fields), ...(extra.primaryKey ? { primaryKey: [...extra.primaryKey] } : {}), missingValues: [''] },
  };
}

/** Frictionless Data Package describing items.csv (Table Schema) and items.json, and the `more` resources given. */
export function dataPackage(siteUrl: URL | string | undefined, today: string, more: readonly object[] = []) {
  return {
    profile: 'tabular-data-package',
    name: 'ducha-items',
    title: `${site.fullName}：督查事项`,
    description: `${site.office}公开的督查事项及其办理情况。${site.sampleNotice}`,
    homepage: absolute('/data/', siteUrl),
    version: today,
    created: `${today}T00:00:00+08:00`,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    resources: [
      csvResource('items', 'items.csv', FIELDS, { primaryKey: ['id'] }),
      {
        name: 'items-json',
        path: 'items.json',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        description: '与 items.csv 相同的记录，JSON 数组；supportUnits 为数组。',
      },
      ...more,
    ],
  };
}

function tableSchemaFields<K extends string>(list: readonly FieldDef<K>[]) {
  return list.map((f) => ({
    name: f.name,
    // Table Schema has no array type for CSV cells: a list is a string with `;` separators there.
    type: f.type === 'array' ? 'string' : f.type,
    ...(f.type === 'date' ? { format: 'default' } : {}),
    title: f.title,
    ...('description' in f && f.description ? { description: f.description } : {}),
    constraints: {
      required: 'required' in f && f.required === true,
      ...('enum' in f && f.enum ? { enum: [...f.enum] } : {}),
    },
  }));
}
