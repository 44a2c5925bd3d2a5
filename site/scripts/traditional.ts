/**
 * Traditional-character queries (養老, 舊城改造) for a simplified-Chinese index. `hasTraditional` decides with a
 * 2 KB table (traditional-chars.ts) whether a query needs converting; only then does `toSimplified` load
 * OpenCC's traditional → simplified dictionaries (opencc-js, about 25 KB gzip, a chunk of its own) and convert.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { TRADITIONAL_BITS, TRADITIONAL_EXTRA } from './traditional-chars.ts';

const FIRST = 0x3400;
const LAST = 0x9fff;
let bits: Uint8Array | undefined;

export function hasTraditional(s: string): boolean {
  bits ??= Uint8Array.from(atob(TRADITIONAL_BITS), (c) => c.charCodeAt(0));
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= FIRST && c <= LAST ? (bits[(c - FIRST) >> 3]! >> ((c - FIRST) & 7)) & 1 : TRADITIONAL_EXTRA.includes(ch)) return true;
  }
  return false;
}

/** The query in simplified characters (converter chunk: traditional-convert.ts, loaded on first use). */
export async function toSimplified(s: string): Promise<string> {
  const { convert } = await import('./traditional-convert.ts');
  return convert(s);
}
