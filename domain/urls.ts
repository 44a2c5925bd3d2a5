/**
 * Every URL the site links to, in one place. Paths end with `/` (Astro's directory build format).
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

/** Ways to list items on static pages. `unit` is the lead unit; `support` lists a unit's supporting items. */
export type Facet = 'status' | 'unit' | 'support' | 'category' | 'region' | 'year';

/** The facets offered for browsing and as search filters (support is reached from unit pages). */
export const FACETS: readonly Facet[] = ['status', 'unit', 'category', 'region', 'year'];

export const urls = {
  home: '/',
  /** The site's icon (site/public/); /favicon.ico is there too, for browsers that ask for it anyway. */
  icon: '/favicon.svg',
  items: '/items/',
  itemsPage: (n: number) => (n <= 1 ? '/items/' : `/items/${n}/`),
  item: (id: string) => `/items/${id}/`,
  facet: (facet: Facet, value: string) => `/items/${facet}/${encodeURIComponent(value)}/`,
  units: '/units/',
  unit: (id: string) => `/units/${id}/`,
  unitFeed: (id: string) => `/units/${id}/feed.xml`,
  stats: '/stats/',
  search: '/search/',
  notices: '/notices/',
  notice: (slug: string) => `/notices/${slug}/`,
  replies: '/replies/',
  repliesPage: (n: number) => (n <= 1 ? '/replies/' : `/replies/${n}/`),
  reply: (trackingNumber: string) => `/replies/${trackingNumber}/`,
  repliesByUnit: (unit: string) => `/replies/unit/${encodeURIComponent(unit)}/`,
  feedback: '/feedback/',
  feedbackFor: (itemId: string) => `/feedback/?item=${encodeURIComponent(itemId)}`,
  feedbackStatus: '/feedback/status/',
  /** 我要纠错: the feedback form as a correction of the page at `pagePath`. */
  correction: (pagePath: string) => `/feedback/?kind=correction&page=${encodeURIComponent(pagePath)}`,
  data: '/data/',
  dataJson: '/data/items.json',
  dataCsv: '/data/items.csv',
  dataPackage: '/data/datapackage.json',
  /** What the API reads of the site: units, regions, items (domain/api/site-facts.ts). */
  siteFacts: '/data/site-facts.json',
  feed: '/feed.xml',
  about: '/about/',
  privacy: '/privacy/',
  accessibility: '/accessibility/',
  /** 群众留言办理情况: the public statistics of citizens' submissions, per year and month, and the ledger. */
  feedbackStats: '/stats/feedback/',
  feedbackStatsYear: (year: string) => `/stats/feedback/${year}/`,
  /** The monthly 通报. */
  feedbackReport: (month: string) => `/stats/feedback/${month}/`,
  ledger: '/stats/feedback/ledger/',
  ledgerMonth: (month: string, page = 1) => (page <= 1 ? `/stats/feedback/ledger/${month}/` : `/stats/feedback/ledger/${month}/${page}/`),
  /** Open data of the statistics and the ledger. */
  feedbackStatsCsv: '/data/feedback-stats.csv',
  feedbackStatsJson: '/data/feedback-stats.json',
  ledgerCsv: '/data/feedback-ledger.csv',
  ledgerJson: '/data/feedback-ledger.json',
  /** The calendar and time limits the API's clock reads (published from content/calendar.yaml and content/settings/feedback.yaml). */
  clockData: '/data/clock.json',
  /** A standing page editors keep in content/pages/<slug>.md. */
  standingPage: (slug: string) => `/${slug}/`,
  /** 网站地图, the HTML one (sitemap-index.xml is for search engines). */
  sitemap: '/sitemap/',
  attachment: (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`,
} as const;

/** Absolute URL for feeds and open data. */
export function absolute(pathname: string, site: URL | string | undefined): string {
  return new URL(pathname, site ?? 'http://localhost:4321').href;
}
