/**
 * 区域: the region schema, and the region ids of content/regions.yaml for the API.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import yaml from 'js-yaml';
import { regionKind } from '../labels/zh-CN.ts';
import { codeList, slug, text } from './common.ts';

/** 区域: a township (镇/乡) or subdistrict (街道) of the city. All regions live in `content/regions.yaml`. */
export const regionSchema = z.strictObject({
  /** Stable id used by items and units, e.g. `chengguan`. */
  id: slug,
  /** Full name, e.g. 城关街道. */
  name: text(30),
  /** 镇 / 乡 / 街道. */
  kind: codeList(regionKind),
});

export type Region = z.output<typeof regionSchema>;

/**
 * The regions of `content/regions.yaml` (its text), ids and names, in the editors' order; none when the file
 * does not pass the schema (`npm run check:content` says why). For the API: the regions a submission may
 * name, and their names in the form it sends back.
 */
export function regionsOf(yamlText: string): { id: string; name: string }[] {
  const result = z.array(regionSchema).safeParse(yaml.load(yamlText, { schema: yaml.CORE_SCHEMA }));
  return result.success ? result.data.map((r) => ({ id: r.id, name: r.name })) : [];
}

