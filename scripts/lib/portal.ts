/**
 * The local portal with the site's units, regions and clock (calendar, time limits) read from content/ (as `npm start` and the site tests
 * run it): functions/local/ takes them as given, since only the site reads the editors' files.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { readClockData, readRegionIds, readUnitNames } from '../../site/lib/content-source.ts';
import { clockFromData } from '../../domain/feedback/clock-setup.ts';
import { contentDir } from '../../site/lib/paths.ts';
import { startPortal, type Portal, type PortalOptions } from '../../functions/local/portal.ts';

export function startLocalPortal(options: Omit<PortalOptions, 'units' | 'regionIds' | 'clock'>): Promise<Portal> {
  const dir = contentDir();
  return startPortal({ ...options, units: readUnitNames(dir), regionIds: readRegionIds(dir), clock: clockFromData(readClockData(dir)) });
}
