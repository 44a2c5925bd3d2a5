/**
 * The site's facts for the API (domain/api/site-facts.ts), from what the site publishes: written by the
 * build to /data/site-facts.json, and built from content/ for the local portal (scripts/lib/portal.ts).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PublishedItem, SiteFacts } from '../../domain/api/site-facts.ts';
import type { Item } from '../../domain/content/index.ts';
import { itemRevision } from '../../domain/items/report.ts';
import { parseYaml, readRegions, readUnitNames, splitFrontmatter } from './content-source.ts';

export function siteFacts(site: {
  readonly units: readonly { readonly id: string; readonly name: string; readonly shortName: string }[];
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly items: readonly PublishedItem[];
}): SiteFacts {
  return {
    units: site.units.map(({ id, name, shortName }) => ({ id, name, shortName })),
    regions: site.regions.map(({ id, name }) => ({ id, name })),
    items: [...site.items].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** What the API needs of one item (the staff's 我的督查事项 and the reports' checks), from its fields as written. */
function publishedItem(id: string, d: Record<string, unknown>, rev: string): PublishedItem {
  const updates = Array.isArray(d.updates) ? (d.updates as { date?: unknown }[]) : [];
  const dates = updates.map((u) => String(u?.date ?? '')).filter(Boolean).sort();
  const extensions = Array.isArray(d.extensions) ? (d.extensions as Record<string, unknown>[]).map((e) => ({ requestedOn: String(e?.requestedOn), newDeadline: String(e?.newDeadline) })) : [];
  return {
    id,
    title: String(d.title ?? id),
    leadUnit: String(d.leadUnit ?? ''),
    supportUnits: Array.isArray(d.supportUnits) ? d.supportUnits.map(String) : [],
    assignedOn: String(d.assignedOn ?? ''),
    deadline: String(d.deadline ?? ''),
    extensions,
    status: String(d.status ?? ''),
    progress: Number(d.progress ?? 0),
    ...(d.completedOn ? { completedOn: String(d.completedOn) } : {}),
    updates: updates.length,
    ...(dates.length ? { lastUpdate: dates.at(-1)! } : {}),
    rev,
  };
}

/** The published items of a build, from the content it has read and checked (each with its file's revision). */
export function publishedItems(items: readonly (Item & { readonly rev: string })[]): PublishedItem[] {
  return items.map((i) => publishedItem(i.id, i as unknown as Record<string, unknown>, i.rev));
}

/**
 * The same facts read straight from the item files under `content/items/` without checking them (the local
 * portal, which serves while an editor works): a file that does not parse publishes its id only.
 */
export function readItemFacts(contentDir: string): PublishedItem[] {
  const itemsDir = path.join(contentDir, 'items');
  let files: string[] = [];
  try {
    files = readdirSync(itemsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  } catch {
    files = [];
  }
  return files.map((f) => {
    const id = path.basename(f, '.md');
    const source = readFileSync(path.join(itemsDir, f), 'utf8');
    const d = parseYaml(splitFrontmatter(source)?.yaml ?? '', f, []);
    // Without front matter (null) or with YAML that does not parse (undefined): the id only.
    return d === null || d === undefined ? { id } : publishedItem(id, d as Record<string, unknown>, itemRevision(source));
  });
}

/** The facts of an editors' folder without validating everything (the content check does that). */
export function readSiteFacts(contentDir: string): SiteFacts {
  return siteFacts({ units: readUnitNames(contentDir), regions: readRegions(contentDir), items: readItemFacts(contentDir) });
}
