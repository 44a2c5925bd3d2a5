/**
 * Standing pages (关于本站, 隐私政策 …): the page schema.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { isoDate, text } from './common.ts';

/**
 * A standing page editors maintain in Markdown, `content/pages/<slug>.md`, published at `/<slug>/`
 * (关于本站, 隐私政策, 无障碍声明 …). The body is the page.
 */
export const pageSchema = z.strictObject({
  /** Page heading and title. */
  title: text(40),
  /** Meta description for search engines. */
  description: text(160).optional(),
  /** Date the text last changed in substance. */
  updated: isoDate,
});

export type StandingPage = z.output<typeof pageSchema>;
