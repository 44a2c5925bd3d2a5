import { describe, expect, it } from 'vitest';
import { phraseQuery, preferPhrase } from '../../../site/scripts/search.ts';

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
