import { z } from 'zod';
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
