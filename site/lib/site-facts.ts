/**
 * The site's facts for the API (domain/api/site-facts.ts), from what the site publishes: written by the
 * build to /data/site-facts.json, and built from content/ for the local portal (scripts/lib/portal.ts).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteFacts } from '../../domain/api/site-facts.ts';
import { readRegions, readUnitNames } from './content-source.ts';

export function siteFacts(site: {
  readonly units: readonly { readonly id: string; readonly name: string; readonly shortName: string }[];
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly itemIds: readonly string[];
}): SiteFacts {
  return {
    units: site.units.map(({ id, name, shortName }) => ({ id, name, shortName })),
    regions: site.regions.map(({ id, name }) => ({ id, name })),
    items: [...site.itemIds].sort().map((id) => ({ id })),
  };
}

/** The facts of an editors' folder without validating everything (the content check does that): cheap at any size. */
export function readSiteFacts(contentDir: string): SiteFacts {
  const itemsDir = path.join(contentDir, 'items');
  let itemIds: string[] = [];
  try {
    itemIds = readdirSync(itemsDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.basename(f, '.md'));
  } catch {
    itemIds = [];
  }
  return siteFacts({ units: readUnitNames(contentDir), regions: readRegions(contentDir), itemIds });
}
