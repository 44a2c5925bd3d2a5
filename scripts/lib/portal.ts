/**
 * The local portal with the site's facts (units, regions, items) built from content/ by the site's own
 * builder, and its clock (calendar, time limits) read from content/ (as `npm start` and the site tests run
 * it): functions/local/ takes them as given, since only the site reads the editors' files.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { readClockData } from '../../site/lib/content-source.ts';
import { readSiteFacts } from '../../site/lib/site-facts.ts';
import { clockFromData } from '../../domain/feedback/clock-setup.ts';
import { contentDir } from '../../site/lib/paths.ts';
import { startPortal, type Portal, type PortalOptions } from '../../functions/local/portal.ts';

export function startLocalPortal(options: Omit<PortalOptions, 'facts' | 'clock'>): Promise<Portal> {
  const dir = contentDir();
  return startPortal({ ...options, facts: readSiteFacts(dir), clock: clockFromData(readClockData(dir)) });
}
