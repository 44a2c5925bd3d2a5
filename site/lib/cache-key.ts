/**
 * Cache keys for Astro's incremental build (astro.config: experimental.incrementalBuild): a page is rendered
 * again only when its key — a digest of everything it shows — or its code changed since the last build, and
 * otherwise kept from the build cache. Derived facts that depend on the build's "today" (overdue, days left)
 * are part of the views, so a key also changes when those do.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { createHash } from 'node:crypto';

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

/** Each paginated page keyed by what it lists (the rows' digests), where it is, and what else it shows. */
export function keyedPages<P extends { props: { page: { data: readonly { digest: string }[]; currentPage: number; lastPage: number } } }>(
  paths: P[],
  ...shown: unknown[]
): (P & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey: cacheKey(p.props.page.currentPage, p.props.page.lastPage, p.props.page.data.map((d) => d.digest), ...shown) }));
}
