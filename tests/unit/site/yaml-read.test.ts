/**
 * The content reader's YAML (site/lib/content-source.ts parseYaml): valid text is read by js-yaml for speed and
 * anything it refuses by the `yaml` package for the messages. The two must agree, or an editor's file would
 * mean one thing in a fast build and another in the check: every text either both read to the same value or
 * both refuse — generated documents (every YAML style `yaml` can write, plain scalars that look like numbers,
 * dates, booleans and nulls), each sample content file, and the tricky texts editors actually produce.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { parseYaml, simpleYaml, splitFrontmatter } from '../../../site/lib/content-source.ts';
import { writeSyntheticContent } from '../../../scripts/lib/synthetic.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import type { ContentProblem } from '../../../domain/content/index.ts';
import { contentError as msg } from '../../../domain/labels/zh-CN.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** What the `yaml` package alone makes of a text: its value, or that it refuses it. */
function slow(text: string): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'core', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return { ok: false };
  try {
    return { ok: true, value: doc.toJS() };
  } catch {
    return { ok: false }; // an alias of an anchor never set
  }
}

function read(text: string): { ok: true; value: unknown } | { ok: false; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const value = parseYaml(text, 'x.yaml', problems);
  return value === undefined ? { ok: false, problems } : { ok: true, value };
}

function agree(text: string): void {
  const want = slow(text);
  const got = read(text);
  expect(got.ok, text).toBe(want.ok);
  if (want.ok && got.ok) expect(got.value, text).toEqual(want.value);
}

/** Scalars as editors type them, many of which YAML 1.2's core schema reads as numbers, booleans or null. */
const plain = fc.oneof(
  fc.constantFrom('2026-06-30', '2026-6-1', '12:30', '1_000', '0o17', '0x1F', '0b101', '+12', '-0', '.5', '1e3', '.inf', '-.Inf', '.NaN', 'true', 'True', 'TRUE', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', '~', '', '012', '1:20', '1,000', '#', 'a # b', 'a#b', "it's", '"quoted"', '- dash', ': colon', '? q', '@at', '`tick', '%pct', '|', '>', '*star', '&amp', '!bang', '[x]', '{y}'),
  fc.string({ unit: fc.constantFrom('督', '查', '事', '项', '，', '。', 'a', '1', ' ', ':', '#', '-', "'", '"', '\\', '\n', '\t'), maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, plain, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom('title', 'updates', 'date', 'text', 'on', 'yes', '1', '2026-01-01'), fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 4 }),
})).node;

describe('reading YAML', () => {
  it('reads what `yaml` writes, in every style, as `yaml` reads it', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'), fc.boolean(), (v, defaultStringType, flow) => {
        agree(stringify(v, { defaultStringType, collectionStyle: flow ? 'flow' : 'block' }));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads item-like files, which take the fast path, as `yaml` reads them', () => {
    let fast = 0;
    const word = fc.oneof(plain.filter((p) => typeof p !== 'string' || !/[\n\t]/.test(p)), fc.constantFrom('白沙镇污水处理站提标改造', '水务局', 'DC-2026-018', '55', '2026-12-31', 'a: b', 'x#y', '100%'));
    const item = fc.dictionary(fc.constantFrom('id', 'title', 'summary', 'progress', 'deadline', 'tags', 'updates', 'supportUnits', 'done'), fc.oneof(word, fc.array(word, { maxLength: 3 }), fc.array(fc.dictionary(fc.constantFrom('date', 'unit', 'text'), word, { maxKeys: 3 }), { maxLength: 3 })), { maxKeys: 8 });
    fc.assert(
      fc.property(item, fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'), fc.constantFrom('block', 'flow'), (v, defaultStringType, collectionStyle) => {
        const text = stringify(v, { defaultStringType, collectionStyle, flowCollectionPadding: false }).replace(/^\{|\}\n$/g, '');
        if (simpleYaml(text)) fast += 1;
        agree(text);
      }),
      { numRuns: 2000 },
    );
    // The fast path was taken often enough to mean something.
    expect(fast).toBeGreaterThan(200);
  });

  it('reads scalars typed by hand as `yaml` reads them', () => {
    fc.assert(fc.property(plain.filter((s) => typeof s === 'string'), fc.constantFrom('key: %s', '- %s', 'key:\n  - %s', '%s', 'a: [%s]', 'a: {b: %s}'), (s, shape) => agree(shape.replace('%s', String(s)))), { numRuns: 2000 });
  });

  it.each([
    ['a duplicate key', 'title: a\ntitle: b\n'],
    ['a tab for indentation', 'updates:\n\t- a\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an unclosed quote', 'title: "督查\n'],
    ['a key on two lines', 'title\nsummary: x\n'],
    ['bad indentation', 'updates:\n  - a\n - b\n'],
    ['a nested compact mapping', 'a: b: c\n'],
    ['a sequence after a key on one line', 'tags: - a\n'],
    ['an unknown tag', 'a: !foo 1\n'],
    ['an undefined alias', 'a: *x\n'],
    ['a byte-order mark', '\uFEFFtitle: 督查\n'],
    ['an empty document', ''],
    ['comments only', '# 说明\n'],
    ['a comment without a space', 'a: b#c\n'],
    ['a block scalar', 'text: |\n  第一行\n  第二行\n'],
    ['a folded scalar', 'text: >-\n  一\n  二\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a: &x {k: 1}\nb:\n  <<: *x\n'],
    ['a date-time', 'at: 2026-06-30T08:00:00Z\n'],
    ['CRLF line ends', 'a: 1\r\nb: 督查\r\n'],
  ])('agrees on %s', (_, text) => agree(text));

  /** The YAML of every content file under `dir`, by name. */
  const yamlOf = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ya?ml|md)$/.test(f))
      .map((f) => {
        const source = readFileSync(path.join(dir, f), 'utf8');
        return [f, f.endsWith('.md') ? (splitFrontmatter(source)?.yaml ?? '') : source] as const;
      });

  it('reads every sample content file as `yaml` reads it, every item file by the fast path', () => {
    const files = yamlOf(path.join(root, 'content'));
    expect(files.length).toBeGreaterThan(10);
    for (const [, text] of files) agree(text);
    const items = files.filter(([f]) => f.startsWith('items'));
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter(([, text]) => !simpleYaml(text)).map(([f]) => f)).toEqual([]);
  });

  it('reads the generated province (npm run bench:build) by the fast path', () => {
    const dir = writeSyntheticContent(mkdtempSync(path.join(os.tmpdir(), 'ducha-yaml-')), 200);
    const files = yamlOf(dir);
    for (const [, text] of files) agree(text);
    expect(files.filter(([f, text]) => f.startsWith('items') && !simpleYaml(text)).map(([f]) => f)).toEqual([]);
  });

  it('names the line of a syntax error in the file', () => {
    const problems: ContentProblem[] = [];
    expect(parseYaml('title: 督查\nsummary: 一\nsummary: 二\n', 'content/items/2026/DC-2026-001.md', problems, 2)).toBeUndefined();
    expect(problems).toEqual([{ file: 'content/items/2026/DC-2026-001.md', field: '', line: 4, message: msg.yaml(4, msg.yamlError.DUPLICATE_KEY!) }]);
    const alias: ContentProblem[] = [];
    expect(parseYaml('title: 督查\nsummary: *x\n', 'content/items/2026/DC-2026-001.md', alias, 2)).toBeUndefined();
    expect(alias).toEqual([{ file: 'content/items/2026/DC-2026-001.md', field: '', line: 3, message: msg.yaml(3, msg.yamlError.BAD_ALIAS!) }]);
  });
});
