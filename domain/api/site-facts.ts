/**
 * The site's facts the API depends on, published by the build at `/data/site-facts.json` (urls.siteFacts):
 * which units exist (assignment, names in replies), which regions and which items a submission may name.
 * The site is the record of what is published; the API reads this one lean file — in Lambda from the
 * published site, locally from content/ through the same builder — and never the editors' files. Objects,
 * not bare ids, so a later need (an item's title or lead unit) adds a field without a new file.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod/mini';
import type { UnitInfo } from './staff.ts';
import { unitDirectory, type UnitDirectory } from '../units.ts';

export interface SiteFacts {
  readonly units: readonly UnitInfo[];
  /** The regions, in the editors' order, with their names (a form sent back lists them). */
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  /** The published supervision items. */
  readonly items: readonly { readonly id: string }[];
}

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** The file as read back (extra fields are allowed: a newer build may publish more than this reader knows). */
export const siteFactsSchema = z.object({
  units: z.array(z.object({ id, name: z.string(), shortName: z.string() })),
  regions: z.array(z.object({ id, name: z.string() })),
  items: z.array(z.object({ id })),
});

/** The facts as the API looks things up. */
export interface SiteIndex {
  readonly units: UnitDirectory;
  readonly unitList: readonly UnitInfo[];
  readonly regionIds: ReadonlySet<string>;
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly itemIds: ReadonlySet<string>;
}

export function siteIndex(facts: SiteFacts): SiteIndex {
  return {
    units: unitDirectory(facts.units),
    unitList: facts.units.map(({ id, name, shortName }) => ({ id, name, shortName })),
    regionIds: new Set(facts.regions.map((r) => r.id)),
    regions: facts.regions.map(({ id, name }) => ({ id, name })),
    itemIds: new Set(facts.items.map((i) => i.id)),
  };
}
