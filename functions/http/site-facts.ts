/**
 * The one loader of the site's published facts (domain/api/site-facts.ts) for every API: it validates what
 * it reads, keeps it, and reads it again after `maxAgeMs` (a newly published item becomes valid without a
 * cold start). If a later read fails it keeps answering with what it has; until a first read succeeds it
 * throws StoreUnavailableError, so the API answers 503 and the citizen's text is not lost. Lambda reads the
 * published /data/site-facts.json (handlers/runtime.ts), the local portal the facts built from content/.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import * as z from 'zod/mini';
import { siteFactsSchema, siteIndex, type SiteFacts, type SiteIndex } from '../../domain/api/site-facts.ts';
import { urls } from '../../domain/urls.ts';
import { StoreUnavailableError } from '../store/errors.ts';

export type SiteFactsSource = () => Promise<SiteIndex>;

export function siteFactsLoader(read: () => Promise<unknown>, { maxAgeMs = 5 * 60_000, now = () => Date.now() } = {}): SiteFactsSource {
  let current: { index: SiteIndex; at: number } | undefined;
  let pending: Promise<SiteIndex> | undefined;
  const refresh = () =>
    (pending ??= read()
      .then((data) => {
        const parsed = z.safeParse(siteFactsSchema, data);
        if (!parsed.success) throw new Error(`site facts do not match their schema: ${parsed.error.issues[0]?.message ?? ''}`);
        current = { index: siteIndex(parsed.data), at: now() };
        return current.index;
      })
      .finally(() => (pending = undefined)));
  return async () => {
    if (current && now() - current.at < maxAgeMs) return current.index;
    try {
      return await refresh();
    } catch (error) {
      if (current) return current.index;
      throw new StoreUnavailableError('site facts unavailable', { cause: error });
    }
  };
}

/** Facts given as they are (the local portal, tests). */
export const givenFacts = (facts: SiteFacts): SiteFactsSource => siteFactsLoader(async () => facts, { maxAgeMs: Infinity });

/** The published file of the site at `siteUrl`, fetched with a bounded wait. */
export function publishedFacts(siteUrl: string): SiteFactsSource {
  return siteFactsLoader(async () => {
    const res = await fetch(`${siteUrl.replace(/\/$/, '')}${urls.siteFacts}`, { signal: AbortSignal.timeout(3_000) });
    if (!res.ok) throw new Error(`${urls.siteFacts}: HTTP ${res.status}`);
    return res.json();
  });
}

/**
 * A unit's name by id as a plain (synchronous) lookup, for answers that name units but must not wait for or
 * fail on the facts (Open311, the reminder): the facts are read in the background and kept fresh; until they
 * first arrive the lookup knows no name (callers show the id).
 */
export function unitNameLookup(source: SiteFactsSource): (id: string) => string | undefined {
  let index: SiteIndex | undefined;
  const refresh = () => void source().then((i) => (index = i), () => undefined);
  refresh();
  return (id) => {
    refresh();
    return index?.units.find(id);
  };
}
