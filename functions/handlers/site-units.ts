/**
 * The site's units and regions as the functions read them in AWS: from the published /data/units.json and
 * /data/regions.json (the site is the record of what exists), each fetched once per container.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { UnitInfo } from '../../domain/api/staff.ts';
import { unitDirectory, type UnitDirectory } from '../../domain/units.ts';

const lists = new Map<string, Promise<unknown>>();

/** A JSON file of the published site, fetched once per container and kept; refetched after a failure. */
function siteJson<T>(siteUrl: string, file: string): Promise<T> {
  const url = `${siteUrl.replace(/\/$/, '')}/data/${file}`;
  let list = lists.get(url) as Promise<T> | undefined;
  if (!list) {
    list = fetch(url, { signal: AbortSignal.timeout(3_000) })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
        return (await res.json()) as T;
      })
      .catch((error: unknown) => {
        lists.delete(url);
        throw error;
      });
    lists.set(url, list);
  }
  return list;
}

/** The site's units (/data/units.json). */
export function siteUnits(siteUrl: string): Promise<UnitInfo[]> {
  return siteJson<UnitInfo[]>(siteUrl, 'units.json');
}

/** The name of a unit, or undefined when the list is not (yet) available. */
let directory: UnitDirectory | undefined;
export function unitNameLookup(siteUrl: string) {
  void siteUnits(siteUrl).then((list) => (directory = unitDirectory(list))).catch(() => undefined);
  return (id: string) => directory?.find(id);
}

/** The name of a region (/data/regions.json), or undefined when the list is not (yet) available. */
let regionNames: Map<string, string> | undefined;
export function regionNameLookup(siteUrl: string) {
  void siteJson<{ id: string; name: string }[]>(siteUrl, 'regions.json').then((list) => (regionNames = new Map(list.map((r) => [r.id, r.name])))).catch(() => undefined);
  return (id: string) => regionNames?.get(id);
}
