/**
 * Items per listing page: small enough for a 2G phone (the list-page byte budget is 30 KB gzip).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
export const PAGE_SIZE = 20;
/** Entries on the home page's "latest updates" and in the Atom feeds. */
export const LATEST_COUNT = 8;
export const FEED_COUNT = 50;
/** Newest items shown on a unit page in each list (lead / supporting); the rest are on facet pages. */
export const UNIT_PAGE_ITEMS = 10;
