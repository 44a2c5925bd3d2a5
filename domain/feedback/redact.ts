/**
 * Redaction of personal data from text that will be published (回复公开): mainland mobile and landline
 * numbers, 18-digit resident ID numbers with a valid check digit, email addresses, the submitter's own name,
 * and house numbers (楼/栋/单元/室, 路…号). Ordinary text — dates, counts, item numbers, road numbers
 * without a house — is left exactly as it was (property-tested).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { redaction as r } from '../labels/zh-CN.ts';

/** GB 11643 check digit of an 18-digit resident ID number. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

const NOT_DIGIT_BEFORE = '(?<![0-9０-９])';
const NOT_DIGIT_AFTER = '(?![0-9０-９])';
const SEP = '[\\s-]?';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const ID_NUMBER = new RegExp(`${NOT_DIGIT_BEFORE}\\d{17}[\\dXx]${NOT_DIGIT_AFTER}`, 'g');
const MOBILE = new RegExp(`${NOT_DIGIT_BEFORE}(?:\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}${NOT_DIGIT_AFTER}`, 'g');
const LANDLINE = new RegExp(`${NOT_DIGIT_BEFORE}(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3})${SEP}\\d{7,8}(?:-\\d{1,6})?${NOT_DIGIT_AFTER}`, 'g');
/**
 * A house: a building with its unit or room (3号楼2单元501室, 8栋1203室), a unit and room (2单元501),
 * a room number (501室), or a street address number (人民路18号, 幸福巷6号院3栋). A building alone (学校
 * 3号楼) or a count (新建三栋楼) is not a house and stays.
 */
const HOUSE = new RegExp(
  [
    `${NOT_DIGIT_BEFORE}\\d+(?:号楼|栋|幢|座)\\d+(?:单元|门)(?:\\d+(?:号|室|户)?)?`,
    `${NOT_DIGIT_BEFORE}\\d+(?:号楼|栋|幢|座)\\d+(?:号|室|户)`,
    `${NOT_DIGIT_BEFORE}\\d+单元\\d+(?:号|室|户)?`,
    `${NOT_DIGIT_BEFORE}\\d{3,4}(?:室|房)`,
    `(?<=[路街巷弄])\\d+(?:号院|号)(?:\\d+(?:号楼|栋|幢))?(?:\\d+单元)?(?:\\d+(?:室|号))?`,
  ].join('|'),
  'g',
);

/** Replace personal data in `text`; `names` are the submitter's own name(s) from the contact record. */
export function redact(text: string, names: readonly string[] = []): string {
  let out = text.replace(EMAIL, r.email);
  out = out.replace(ID_NUMBER, (m) => (validIdNumber(m) ? r.idNumber : m));
  out = out.replace(MOBILE, r.mobile);
  out = out.replace(LANDLINE, r.landline);
  out = out.replace(HOUSE, r.houseNumber);
  for (const name of names.map((n) => n.trim()).filter((n) => [...n].length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(name).join(r.name);
  }
  return out;
}
