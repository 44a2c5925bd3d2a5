/**
 * The local portal with the site's units and regions read from content/ (as `npm start` and the site tests
 * run it): functions/local/ takes them as given, since only the site reads the editors' files.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { readRegions, readUnitNames } from '../../site/lib/content-source.ts';
import { contentDir } from '../../site/lib/paths.ts';
import { startPortal, type Portal, type PortalOptions } from '../../functions/local/portal.ts';

export function startLocalPortal(options: Omit<PortalOptions, 'units' | 'regions'>): Promise<Portal> {
  const dir = contentDir();
  return startPortal({ ...options, units: readUnitNames(dir), regions: readRegions(dir) });
}
