/**
 * The site's units as the functions read them in AWS: from the published /data/units.json (the site is the
 * record of what units exist), fetched once per container.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { UnitInfo } from '../../domain/api/staff.ts';
import { unitDirectory, type UnitDirectory } from '../../domain/units.ts';

/** The site's units (/data/units.json), fetched once per container and kept; refetched after a failure. */
let units: Promise<UnitInfo[]> | undefined;

export function siteUnits(siteUrl: string) {
  units ??= fetch(`${siteUrl.replace(/\/$/, '')}/data/units.json`, { signal: AbortSignal.timeout(3_000) })
    .then(async (res) => {
      if (!res.ok) throw new Error(`units.json: HTTP ${res.status}`);
      return (await res.json()) as UnitInfo[];
    })
    .catch((error) => {
      units = undefined;
      throw error;
    });
  return units;
}

/** The name of a unit, or undefined when the list is not (yet) available. */
let directory: UnitDirectory | undefined;
export function unitNameLookup(siteUrl: string) {
  void siteUnits(siteUrl).then((list) => (directory = unitDirectory(list))).catch(() => undefined);
  return (id: string) => directory?.find(id);
}
