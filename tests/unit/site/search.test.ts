import { describe, expect, it } from 'vitest';
import { phraseQuery, preferPhrase, withoutLeadingTitle } from '../../../site/scripts/search.ts';
import { hasTraditional, toSimplified } from '../../../site/scripts/traditional.ts';
import { TRADITIONAL_BITS, TRADITIONAL_EXTRA } from '../../../site/scripts/traditional-chars.ts';
import { traditionalTable } from '../../../scripts/lib/traditional-table.ts';
import { DEFAULT_SCOPE_PAGES, SHARD_PAGES, defaultScope, firstMonth, shardPlan } from '../../../domain/search.ts';

describe('search phrase preference', () => {
  it('searches one run of Chinese text also as an exact phrase', () => {
    expect(phraseQuery('公交')).toBe('"公交"');
    expect(phraseQuery('DC-2026-014')).toBeNull();
    expect(phraseQuery('电梯 公交')).toBeNull();
    expect(phraseQuery('"公交"')).toBeNull();
  });

  it('keeps the ranked order but only the pages where the phrase occurs', () => {
    const r = (id: string) => ({ id });
    expect(preferPhrase([r('a'), r('b'), r('c'), r('d')], [r('d'), r('b')]).map((x) => x.id)).toEqual(['b', 'd']);
  });

  it('falls back to the ranked results when the phrase is not found', () => {
    const r = (id: string) => ({ id });
    expect(preferPhrase([r('a'), r('b')], []).map((x) => x.id)).toEqual(['a', 'b']);
    expect(preferPhrase([r('a')], null).map((x) => x.id)).toEqual(['a']);
  });
});

describe('search excerpts', () => {
  it('drop the title (or the end of it) an excerpt starts with, keeping the marks of what follows', () => {
    expect(withoutLeadingTitle('<mark>养老</mark>服务站 改造. 为老人提供<mark>养老</mark>助餐', '养老服务站改造')).toBe('为老人提供<mark>养老</mark>助餐');
    expect(withoutLeadingTitle('小区 加装 <mark>电梯</mark>. 在河西街道推进', '老旧小区加装电梯')).toBe('在河西街道推进');
    expect(withoutLeadingTitle('北湖 街道 &lt;试点&gt; 项目. 概要', '北湖街道<试点>项目')).toBe('概要');
    expect(withoutLeadingTitle('提速 1.8 公里. 概要', '公交提速1.8公里')).toBe('概要');
    expect(withoutLeadingTitle('. 针对 <mark>12345</mark> 热线', '北湖夜市整治')).toBe('针对 <mark>12345</mark> 热线');
  });

  it('mark an excerpt from further in the page as starting mid-sentence', () => {
    const excerpt = '完成<mark>电梯</mark>加装 23 台';
    expect(withoutLeadingTitle(excerpt, '老旧小区加装电梯')).toBe(`…${excerpt}`);
  });
});

describe('traditional-character queries', () => {
  it('keep the island’s table of traditional characters as opencc-js’s dictionaries give it', () => {
    // Regenerate with: node scripts/lib/traditional-table.ts > site/scripts/traditional-chars.ts
    expect({ bits: TRADITIONAL_BITS, extra: TRADITIONAL_EXTRA }).toEqual(traditionalTable());
  });

  it.each([['養老', '养老'], ['舊城改造', '旧城改造'], ['電梯加裝', '电梯加装'], ['噪聲擾民', '噪声扰民']])('convert %s to %s', async (traditional, simplified) => {
    expect(hasTraditional(traditional)).toBe(true);
    expect(await toSimplified(traditional)).toBe(simplified);
  });

  it('leave simplified and Latin queries alone (nothing to load)', () => {
    for (const q of ['养老', '旧城改造', '水务局', 'DC-2026-014']) expect(hasTraditional(q), q).toBe(false);
  });
});

describe('search shards', () => {
  const dates = (year: string, n: number) => Array.from({ length: n }, (_, i) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`);

  it('keep a year whole while it is small, and cut a busy year into quarters', () => {
    const { manifest, shardOf } = shardPlan([...dates('2025', 10), ...dates('2026', SHARD_PAGES + 1)]);
    expect(manifest.shards.map((s) => s.id)).toEqual(['2026-q4', '2026-q3', '2026-q2', '2026-q1', '2025']);
    expect(shardOf('2026-08-01')).toBe('2026-q3');
    expect(shardOf('2025-08-01')).toBe('2025');
    expect(manifest.shards.reduce((n, s) => n + s.pages, 0)).toBe(SHARD_PAGES + 11);
  });

  it('cover by default the newest shards that fit the page budget, at least the newest', () => {
    const shard = (id: string, pages: number) => ({ id, pages });
    expect(defaultScope([shard('2026', 10), shard('2025', 10), shard('2024', 10)])).toEqual(['2026', '2025', '2024']);
    expect(defaultScope([shard('2026', DEFAULT_SCOPE_PAGES / 2), shard('2025', DEFAULT_SCOPE_PAGES / 2), shard('2024', 1)])).toEqual(['2026', '2025']);
    expect(defaultScope([shard('2026-q4', DEFAULT_SCOPE_PAGES * 2), shard('2026-q3', 1)])).toEqual(['2026-q4']);
  });

  it('say from which month the default search covers, or that it covers everything', () => {
    const busy = shardPlan([...dates('2025', 10), ...dates('2026', DEFAULT_SCOPE_PAGES * 2)]).manifest;
    expect(busy.since).toBe(firstMonth(busy.scope.at(-1)!));
    expect(busy.scope.every((id) => id.startsWith('2026-'))).toBe(true);
    expect(shardPlan([...dates('2025', 10), ...dates('2026', 10)]).manifest.since).toBeNull();
    expect([firstMonth('2026'), firstMonth('2026-q3'), firstMonth('2026-m11')]).toEqual(['2026-01', '2026-07', '2026-11']);
  });
});
