/**
 * The sharded search index built from the content model: a rebuild after one changed item re-indexes only
 * that item's shard and gives the same index, file for file, as a cold build of the changed content; a
 * corrupt cached shard is rebuilt, never published; records read as prose with the facts as one labelled
 * sentence. Runs Pagefind on the sample city (small corpus).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSearchIndex, cachedShardIsValid, publishSearchIndex } from '../../../scripts/lib/search-index.ts';
import { itemRecord, markdownText } from '../../../scripts/lib/search-records.ts';
import { loadSample } from '../../helpers/sample.ts';
import { TEST_AS_OF } from '../../helpers/paths.ts';
import { itemField, status } from '../../../domain/labels/zh-CN.ts';
import type { Content } from '../../../site/lib/content-source.ts';

const sample = loadSample();
const work = mkdtempSync(path.join(os.tmpdir(), 'ducha-search-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every published file of the index under `dir` and its bytes, by path. */
function snapshot(cache: string): Record<string, string> {
  const out = path.join(cache, 'out');
  publishSearchIndex(cache, out);
  const dir = path.join(out, 'pagefind');
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(dir, file), readFileSync(file).toString('base64')];
      }),
  );
}

/** The sample with one item's summary changed (an editor's merge). */
function withOneChange(content: Content): { content: Content; year: string } {
  const [first, ...rest] = content.items;
  const changed = { ...first!, data: { ...first!.data, summary: `${first!.data.summary}已更新进展。` } };
  return { content: { ...content, items: [changed, ...rest] }, year: first!.data.assignedOn.slice(0, 4) };
}

describe('search index shards', () => {
  const warm = path.join(work, 'warm');

  it('re-indexes only the shard of a changed item', async () => {
    const cold = await buildSearchIndex(sample.content, TEST_AS_OF, warm);
    expect(cold.built.sort()).toEqual(cold.manifest.shards.map((s) => s.id).sort());
    const { content, year } = withOneChange(sample.content);
    const again = await buildSearchIndex(content, TEST_AS_OF, warm);
    expect(again.built).toEqual(again.manifest.shards.filter((s) => s.year === year).map((s) => s.id));
  });

  it('gives an incremental build the same index, file for file, as a cold build of the same content', async () => {
    const { content } = withOneChange(sample.content);
    const cold = path.join(work, 'cold');
    await buildSearchIndex(content, TEST_AS_OF, cold);
    expect(snapshot(warm)).toEqual(snapshot(cold));
  });

  it('rebuilds a cached shard whose files no longer match their hashes', async () => {
    const { content } = withOneChange(sample.content);
    const shard = path.join(warm, 'search', readdirSync(path.join(warm, 'search')).find((n) => n !== 'shards.json')!);
    const fragment = path.join(shard, 'fragment', readdirSync(path.join(shard, 'fragment'))[0]!);
    const good = readFileSync(fragment);
    writeFileSync(fragment, 'corrupt');
    const key = (JSON.parse(readFileSync(path.join(shard, 'shard.json'), 'utf8')) as { key: string }).key;
    expect(cachedShardIsValid(shard, key)).toBe(false);
    const again = await buildSearchIndex(content, TEST_AS_OF, warm);
    expect(again.built).toEqual([path.basename(shard)]);
    expect(readFileSync(fragment)).toEqual(good);
  });
});

describe('search records', () => {
  const units = new Map(sample.content.units.map((u) => [u.id, u.data]));
  const regions = new Map(sample.content.regions.map((r) => [r.id, r.data]));

  it('index an item as its title, then its summary, then its facts as one labelled sentence', () => {
    const entry = sample.content.items[0]!;
    const { html, url } = itemRecord(entry, entry.data.assignedOn.slice(0, 4), units, regions, TEST_AS_OF);
    expect(url).toBe(`/items/${entry.id}/`);
    const paragraphs = [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]!);
    expect(html.indexOf(entry.data.title)).toBeLessThan(html.indexOf(entry.data.summary));
    expect(paragraphs[0]).toBe(entry.data.summary);
    expect(paragraphs.at(-1)).toContain(`${itemField.leadUnit}：${units.get(entry.data.leadUnit)!.name}`);
    expect(html).toContain(`data-pagefind-filter="status:${status[entry.data.status]}"`);
  });

  it('keep the words of editors’ Markdown and drop its marks', () => {
    expect(markdownText('## 标题\n\n- **加装**电梯 [方案](https://example.cn/a)\n1. 第一步')).toBe('标题\n加装 电梯 方案\n第一步');
  });
});
