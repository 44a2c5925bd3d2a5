/**
 * What a Chinese government website shows on every page, in the built sample: the footer with the site's
 * information from content/site.yaml, 我要纠错 under every content page (with the page's address), and an
 * HTML 网站地图 reaching every section.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../helpers/dist.ts';
import { loadSample } from '../helpers/sample.ts';
import { footerLines } from '../../site/lib/footer.ts';
import { urls } from '../../domain/urls.ts';

const dist = inject('distDir');
const sample = loadSample();
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
/** The page's address as a reader sees it: `items/DC-2026-001/index.html` → `/items/DC-2026-001/`. */
const address = (rel: string) => `/${rel.replace(/index\.html$/, '')}`;
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;');
const footerOf = (html: string) => /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';

/** Pages that are not content: forms, the search page, the staff console, the 404 page. */
const NOT_CONTENT = [/^feedback\//, /^search\//, /^staff\//, /^404\.html$/];
const contentPages = htmlFiles(dist).filter((f) => !NOT_CONTENT.some((re) => re.test(f)));

describe('the footer', () => {
  it('shows every setting of content/site.yaml on every page', () => {
    const texts = footerLines(sample.content.site).flat().map((p) => p.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const f of htmlFiles(dist)) {
      const footer = footerOf(read(f));
      for (const text of texts) expect(footer, f).toContain(text);
    }
  });

  it('links to the 网站地图', () => {
    expect(footerOf(read('index.html'))).toContain(`href="${urls.sitemap}"`);
  });
});

describe('我要纠错', () => {
  it('is offered on every content page, opening the feedback form with that page', () => {
    expect(contentPages.length).toBeGreaterThan(100);
    for (const f of contentPages) expect(read(f), f).toContain(`href="${escapeAttr(urls.correction(address(f)))}"`);
  });

  it('is not offered on the forms, the search page or the staff console', () => {
    const link = escapeAttr(urls.correction(''));
    for (const f of htmlFiles(dist).filter((f) => NOT_CONTENT.some((re) => re.test(f)))) expect(read(f), f).not.toContain(`href="${link}`);
  });
});

describe('the 网站地图', () => {
  const map = read(`${urls.sitemap.slice(1)}index.html`);

  it('links every section, unit, notice and standing page', () => {
    const links = new Set([...map.matchAll(/<main[\s\S]*<\/main>/g)].flatMap((m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((h) => h[1]!)));
    const expected = [
      urls.home, urls.items, urls.units, urls.stats, urls.notices, urls.replies, urls.feedback, urls.feedbackStatus, urls.data, urls.search,
      ...[...sample.units.keys()].map(urls.unit),
      ...sample.notices.map((n) => urls.notice(n.id)),
      ...sample.pages.map((p) => urls.standingPage(p.id)),
    ];
    expect(expected.filter((href) => !links.has(href))).toEqual([]);
  });

  it('lets readers browse every facet of the items from it', () => {
    expect(map).toContain(`href="${urls.facet('status', 'completed')}"`);
    for (const year of new Set(sample.items.map((i) => i.year))) expect(map).toContain(`href="${urls.facet('year', year)}"`);
  });
});
