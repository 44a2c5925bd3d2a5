/**
 * The built staff console (/staff/): the only page that ships React, kept out of search engines, the
 * sitemap and the search index; its island within its byte budget; its CSP lets the sign-in reach the
 * identity provider's token endpoint (https:) while every other page may only connect to the site itself.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../helpers/dist.ts';
import { staffPage } from '../../domain/labels/zh-CN.ts';

const dist = inject('distDir');
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const STAFF = 'staff/index.html';

/** A module and every chunk it imports, transitively (paths under dist/). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const m of read(entry).matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) moduleGraph(path.posix.join(path.posix.dirname(entry), m[1]!), seen);
  return seen;
}

/** The React island of a page: its component and renderer modules with their imports. */
function islands(page: string): string[] {
  const html = read(page);
  const entries = [...html.matchAll(/<astro-island[^>]*\scomponent-url="\/([^"]+)"[^>]*\srenderer-url="\/([^"]+)"/g)].flatMap((m) => [m[1]!, m[2]!]);
  return [...new Set(entries.flatMap((e) => [...moduleGraph(e)]))];
}

const connectSrc = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)![1]!.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));

describe('staff console page', () => {
  it('shows without JavaScript only its message, never a loading text that would not end', () => {
    const html = read(STAFF);
    const outsideNoscript = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
    expect(html).toContain(staffPage.noScript);
    expect(outsideNoscript).not.toContain(staffPage.loading);
    expect(outsideNoscript).not.toContain(staffPage.noScript);
  });

  it('is noindex, not in the sitemap and not in the search index', () => {
    const html = read(STAFF);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('data-pagefind-body');
    expect(read('sitemap-0.xml')).not.toContain('/staff/');
  });

  it('is the only page with a React island', () => {
    expect(islands(STAFF).length).toBeGreaterThan(0);
    const withIslands = htmlFiles(dist).filter((f) => read(f).includes('<astro-island'));
    expect(withIslands).toEqual([STAFF]);
  });

  it('keeps the island (React, the API schema, the console) within 100 KB gzip', () => {
    const bytes = islands(STAFF).reduce((n, f) => n + gz(readFileSync(path.join(dist, f))), 0);
    expect(bytes).toBeLessThanOrEqual(100 * 1024);
  });

  it('may connect to https: (the token endpoint) while other pages connect only to the site', () => {
    expect(connectSrc(read(STAFF))).toBe("connect-src 'self' https:");
    for (const f of htmlFiles(dist).filter((f) => f !== STAFF)) expect(connectSrc(read(f)), f).toBe("connect-src 'self'");
  });
});
