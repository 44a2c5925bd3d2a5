import { describe, expect, it } from 'vitest';
import { FIELDS, dataPackage, toCsv, type OpenRecord } from '../../../site/lib/opendata.ts';
import { escapeXml, latestUpdates, renderAtom } from '../../../site/lib/feed.ts';
import { CHART_SIZES, cleanSvg, statusByUnitChart } from '../../../site/lib/charts.ts';
import { status } from '../../../domain/labels/zh-CN.ts';

function record(over: Partial<OpenRecord> = {}): OpenRecord {
  const r = Object.fromEntries(FIELDS.map((f) => [f.name, ''])) as OpenRecord;
  return { ...r, id: 'DC-2026-001', title: '标题', supportUnits: ['a', 'b'], overdue: false, completedOn: null, ...over };
}

describe('open data CSV', () => {
  it('starts with a UTF-8 BOM and the field names, ends rows with CRLF', () => {
    const csv = toCsv([record()]);
    expect(csv.startsWith('\uFEFFid,title,url,')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${FIELDS.map((f) => f.name).join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and newlines, joins lists with ; and leaves nulls empty', () => {
    const csv = toCsv([record({ title: '甲,乙 "丙"\n丁' })]);
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain('"甲,乙 ""丙""\n丁"');
    expect(row).toContain(',a;b,');
    expect(row).toContain(',false,');
  });

  it('describes exactly the CSV columns in the data package', () => {
    const pkg = dataPackage('https://ducha.example.cn', '2026-11-26');
    const { fields } = (pkg.resources[0] as { schema: { fields: { name: string; type: string }[] } }).schema;
    expect(fields.map((f) => f.name)).toEqual(FIELDS.map((f) => f.name));
    expect(pkg.homepage).toBe('https://ducha.example.cn/data/');
    for (const f of fields) {
      expect(['string', 'integer', 'boolean', 'date']).toContain(f.type);
    }
  });
});

describe('Atom feed', () => {
  it('escapes markup and drops control characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('lists the newest updates first across items', () => {
    const items = [
      { id: 'A', updates: [{ date: '2026-01-01', unit: 'u', text: 'a1' }, { date: '2026-03-01', unit: 'u', text: 'a2' }] },
      { id: 'B', updates: [{ date: '2026-02-01', unit: 'u', text: 'b1' }] },
    ];
    expect(latestUpdates(items, 2).map((e) => e.update.text)).toEqual(['a2', 'b1']);
  });

  it('renders a feed with ids, China-time timestamps and escaped text', () => {
    const xml = renderAtom({
      id: 'https://x/feed.xml', title: '进展 & 动态', link: 'https://x/', self: 'https://x/feed.xml', updated: '2026-03-01', author: '督查室',
      entries: [{ id: 'https://x/items/A/#update-1', title: '<标题>', link: 'https://x/items/A/', updated: '2026-03-01', author: '水务局', content: '内容' }],
    });
    expect(xml).toContain('<title>进展 &amp; 动态</title>');
    expect(xml).toContain('<updated>2026-03-01T00:00:00+08:00</updated>');
    expect(xml).toContain('<title>&lt;标题&gt;</title>');
    expect(xml).toContain('xmlns="http://www.w3.org/2005/Atom"');
  });
});

describe('charts', () => {
  it('draws SVG without inline styles, <style> or hover metadata (CSP-safe)', () => {
    const svg = statusByUnitChart([{ unit: 'water', counts: { assigned: 1, in_progress: 2, completed: 3, suspended: 0 }, total: 6 }], () => '水务局');
    expect(svg.match(/<svg/g)).toHaveLength(2);
    expect(svg).not.toMatch(/style[=>]/);
    expect(svg).not.toContain('ecmeta_');
    expect(svg).toContain('水务局');
    expect(svg).toContain(status.completed);
  });

  it('draws each chart wide and narrow, every text of a drawing at its size', () => {
    const html = statusByUnitChart([{ unit: 'water', counts: { assigned: 1, in_progress: 2, completed: 3, suspended: 0 }, total: 6 }], () => '水务局');
    for (const [variant, size] of Object.entries(CHART_SIZES)) {
      const svg = new RegExp(`<div class="chart-${variant}">(<svg[\\s\\S]*?</svg>)</div>`).exec(html)?.[1] ?? '';
      expect(svg, variant).toContain(`width="${size.width}"`);
      const fontSizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
      expect(fontSizes.length, variant).toBeGreaterThan(0);
      expect(new Set(fontSizes), variant).toEqual(new Set([size.fontSize]));
    }
  });

  it('turns style attributes into presentation attributes', () => {
    expect(cleanSvg('<svg><text style="font-size:12px;font-family:sans-serif;" x="1">a</text><style>.x{}</style></svg>')).toBe(
      '<svg><text font-size="12" font-family="sans-serif" x="1">a</text></svg>',
    );
  });
});
