/**
 * 责任单位: the unit schema and the office-phone rule.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { contentError as msg, unitKind } from '../labels/zh-CN.ts';
import { codeList, need, slug, text } from './common.ts';

/** A public office number: area code and number, or an 8-digit local number, optional extension. */
export const officePhone = z.preprocess(
  // An unquoted number in YAML (phone: 12345678) is read as a number; it is still a phone number.
  (v) => (typeof v === 'number' ? String(v) : v),
  z
  .string({ error: need(msg.notText) })
  .trim()
  .regex(/^(?:0\d{2,3}-?)?\d{7,8}(?:-\d{1,6})?$|^1[3-9]\d{9}$|^12345$/, { error: msg.phone }),
);

/** 责任单位: one file per unit, `content/units/<id>.yaml`. */
export const unitSchema = z.strictObject({
  /** Same as the file name, e.g. `water` for `content/units/water.yaml`. */
  id: slug,
  /** Full name, e.g. 示例市水务局. */
  name: text(40),
  /** Short name for tables and charts, e.g. 水务局. */
  shortName: text(12),
  /** 市直部门 / 乡镇街道 / 国有企业 / 其他单位. */
  kind: codeList(unitKind),
  /** Public office phone (never a person's own number). */
  phone: officePhone,
  /** Office address. */
  address: text(80),
  /** For townships and subdistricts: the region they govern. */
  region: slug.optional(),
});

export type Unit = z.output<typeof unitSchema>;
