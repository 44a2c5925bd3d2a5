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
import type { ReportedItem } from '../items/report.ts';
import { unitDirectory, type UnitDirectory } from '../units.ts';

/** A published item: its id, and (from files that parse) its title, units, dates, status and the file's revision. */
export type PublishedItem = { readonly id: string } & Partial<ReportedItem & { readonly title: string; readonly lastUpdate: string; readonly rev: string }>;

export interface SiteFacts {
  readonly units: readonly UnitInfo[];
  /** The regions, in the editors' order, with their names (a form sent back lists them). */
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  /** The published supervision items: what a unit's reports need of each (domain/items/report.ts). */
  readonly items: readonly PublishedItem[];
}

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** The file as read back (extra fields are allowed: a newer build may publish more than this reader knows). */
export const siteFactsSchema = z.object({
  units: z.array(z.object({ id, name: z.string(), shortName: z.string() })),
  regions: z.array(z.object({ id, name: z.string() })),
  items: z.array(
    z.object({
      id,
      title: z.optional(z.string()),
      leadUnit: z.optional(z.string()),
      supportUnits: z.optional(z.array(z.string())),
      assignedOn: z.optional(z.string()),
      deadline: z.optional(z.string()),
      extensions: z.optional(z.array(z.object({ requestedOn: z.string(), newDeadline: z.string() }))),
      status: z.optional(z.string()),
      progress: z.optional(z.number()),
      completedOn: z.optional(z.string()),
      updates: z.optional(z.number()),
      lastUpdate: z.optional(z.string()),
      rev: z.optional(z.string()),
    }),
  ),
});

/** The facts as the API looks things up. */
export interface SiteIndex {
  readonly units: UnitDirectory;
  readonly unitList: readonly UnitInfo[];
  readonly regionIds: ReadonlySet<string>;
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly itemIds: ReadonlySet<string>;
  /** The items whose facts are complete (a unit can report on them), by id. */
  readonly items: ReadonlyMap<string, ReportedItem & { readonly title: string; readonly lastUpdate?: string; readonly rev: string }>;
}

export function siteIndex(facts: SiteFacts): SiteIndex {
  return {
    units: unitDirectory(facts.units),
    unitList: facts.units.map(({ id, name, shortName }) => ({ id, name, shortName })),
    regionIds: new Set(facts.regions.map((r) => r.id)),
    regions: facts.regions.map(({ id, name }) => ({ id, name })),
    itemIds: new Set(facts.items.map((i) => i.id)),
    items: new Map(facts.items.filter(isComplete).map((i) => [i.id, i])),
  };
}

function isComplete(i: PublishedItem): i is ReportedItem & { readonly title: string; readonly lastUpdate?: string; readonly rev: string } {
  return Boolean(i.title && i.leadUnit && i.assignedOn && i.deadline && i.status && i.rev && i.progress !== undefined && i.supportUnits && i.extensions && i.updates !== undefined);
}
