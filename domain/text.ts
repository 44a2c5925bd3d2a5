/**
 * The one text rule for everything people type — citizens (titles, content, names, rating comments), staff
 * (reasons, notes, reply drafts) and editors (front-matter text): NFC, one kind of line break, trimmed; no
 * control, bidirectional-override or unpaired-surrogate characters (refused, never silently removed, so what
 * is stored is exactly what was sent); lengths in characters, minimums in *visible* characters, so a title of
 * four zero-width spaces or Hangul fillers is empty.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod/mini';
import { feedbackError as msg } from './labels/zh-CN.ts';

/** NFC-normalise, turn CRLF/CR (what browsers send for textarea line breaks) into LF, trim. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/**
 * Control characters other than newline and tab (Unicode category Cc, which includes NUL, ESC and U+0085),
 * the line and paragraph separators, the bidirectional embedding, override and isolate marks that make text
 * display differently from what it says, interlinear annotation marks, and unpaired surrogates.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]|\p{Cs}/u;

export function hasForbiddenControl(s: string): boolean {
  return FORBIDDEN.test(s);
}

/** Length in characters as people count them (code points, so 𠀀 is one). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/**
 * What does not show: white space, format and default-ignorable characters (zero-width spaces and joiners,
 * the Hangul fillers U+3164 and U+FFA0, variation selectors), combining marks on their own, the blank
 * braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{M}\u2800]/u;

/** Characters that show (a minimum length counts these). */
export function visibleLength(s: string): number {
  let n = 0;
  for (const c of s) if (!INVISIBLE.test(c)) n += 1;
  return n;
}

/** Why `s` (already normalised) breaks the rule for a field of `min`–`max` characters, or undefined. */
export function textProblem(s: string, min: number, max: number): string | undefined {
  if (hasForbiddenControl(s)) return msg.control;
  if (min > 0 && visibleLength(s) === 0) return msg.required;
  if (visibleLength(s) < min) return msg.minChars(min);
  if (charLength(s) > max) return msg.maxChars(max);
  return undefined;
}

const typeError = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? msg.required : message);

/** A schema for text people type: normalised, then the rule above with at least `min` visible characters. */
export function humanText(min: number, max: number, notText: string = msg.notText) {
  return z.pipe(z.string({ error: typeError(notText) }), z.transform(normalizeText)).check(
    z.superRefine((s, ctx) => {
      const problem = textProblem(s, min, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
    }),
  );
}
