/**
 * 网站设置 (`content/site.yaml`): what a Chinese government website must show in its footer — 主办单位,
 * 承办单位, contact, 网站标识码, ICP 备案号, 公安机关备案号 and the 党政机关网站标识 — each optional (a fictional
 * sample city has no filings), each rendered when given. Also the two filing sites' addresses, which the
 * footer must link to (《政府网站发展指引》, the MIIT and MPS filing rules).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { contentError as msg } from '../labels/zh-CN.ts';
import { need, text } from './common.ts';
import { officePhone } from './unit.ts';

/** The MIIT ICP filing system (工业和信息化部政务服务平台 · ICP/IP地址/域名信息备案管理系统). */
export const MIIT_FILING_URL = 'https://beian.miit.gov.cn/';

/** The MPS filing system (全国互联网安全管理服务平台), querying one filing number. */
export const mpsFilingUrl = (code: string) => `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;

/** 京ICP备12345678号 or 京ICP备12345678号-1 (a province's one-character name, then the number). */
export const ICP_NUMBER = /^[\u4e00-\u9fa5]ICP[备证]\d{4,10}号(?:-\d{1,3})?$/;

/** 京公网安备11010502000001号: the province's name and a 14-digit record code. */
export const POLICE_NUMBER = /^[\u4e00-\u9fa5]公网安备\s?(\d{14})号$/;

/** The 14-digit record code of a 公安机关备案号, for its link. */
export function policeCode(number: string): string {
  return POLICE_NUMBER.exec(number)?.[1] ?? '';
}

export const siteSettingsSchema = z.strictObject({
  /** 主办单位: the government body responsible for the site, e.g. 示例市人民政府督查室. */
  host: text(60).optional(),
  /** 承办单位: who runs it for them, e.g. 示例市大数据中心. */
  organizer: text(60).optional(),
  /** 联系方式 shown in the footer. */
  contact: z
    .strictObject({
      phone: officePhone.optional(),
      email: z.string({ error: need(msg.notText) }).trim().email({ error: msg.email }).optional(),
      address: text(80).optional(),
    }, { error: need(msg.notObject) })
    .optional(),
  /** 网站标识码: the 10-character code from the national government-website register. */
  websiteCode: z.string({ error: need(msg.notText) }).trim().regex(/^[0-9A-Za-z]{10}$/, { error: msg.websiteCode }).optional(),
  /** ICP 备案号, linked to the MIIT filing system. */
  icp: z.string({ error: need(msg.notText) }).trim().regex(ICP_NUMBER, { error: msg.icp }).optional(),
  /** 公安机关备案号, linked to the MPS filing system. */
  police: z.string({ error: need(msg.notText) }).trim().regex(POLICE_NUMBER, { error: msg.police }).optional(),
  /** 党政机关网站标识: the image issued for the site and the address it links to. */
  governmentMark: z
    .strictObject({
      /** Path under `content/`, e.g. `attachments/site/conac-mark.png`. */
      image: z.string({ error: need(msg.notText) }).regex(/^attachments\/(?!.*\.\.)[^\s\\]+\.(?:png|gif|jpe?g|svg)$/, { error: msg.markImage }),
      /** The verification page the image links to (https). */
      href: z.string({ error: need(msg.notText) }).trim().regex(/^https:\/\/[^\s"<>]+$/, { error: msg.httpsUrl }),
    }, { error: need(msg.notObject) })
    .optional(),
});

export type SiteSettings = z.output<typeof siteSettingsSchema>;
