/**
 * The local portal with the site's facts (units, regions, items) built from content/ by the site's own
 * builder (as `npm start` and the site tests run it): functions/local/ takes them as given, since only the
 * site reads the editors' files.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { readSiteFacts } from '../../site/lib/site-facts.ts';
import { contentDir } from '../../site/lib/paths.ts';
import { startPortal, type Portal, type PortalOptions } from '../../functions/local/portal.ts';

export function startLocalPortal(options: Omit<PortalOptions, 'facts'>): Promise<Portal> {
  return startPortal({ ...options, facts: readSiteFacts(contentDir()) });
}
