/**
 * `content/settings/feedback.yaml`: the time limits for citizens' submissions, in working days — to accept
 * or reject, and to reply (counted from the first working day after acceptance) — per kind of submission,
 * with a `default` for kinds not listed (a new kind needs no change here unless its limit differs); the
 * cap on extensions; when a deadline counts as 即将到期. Local rules for 留言办理 commonly set 5 working
 * days for enquiries and suggestions, 7 for complaints and clues, extensions capped at 15.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import * as z from 'zod';
import { clockError as msg, feedbackKind } from '../labels/zh-CN.ts';
import { FEEDBACK_KINDS, type FeedbackKind } from '../feedback/kinds.ts';
import { need, slug } from './common.ts';

const days = (min: number, max: number) =>
  z.number({ error: need(msg.limit(min, max)) }).int({ error: msg.limit(min, max) }).min(min, { error: msg.limit(min, max) }).max(max, { error: msg.limit(min, max) });

/** One kind's limits. */
const kindLimits = z.strictObject({
  /** Working days from receipt to accept or reject. */
  accept: days(1, 30).optional(),
  /** Working days from the first working day after acceptance to the reply. */
  reply: days(1, 60).optional(),
});

const kindKeys = FEEDBACK_KINDS.map((k) => `${k}（${feedbackKind[k]}）`).join('、');

const defaultLimits = z.strictObject({ accept: days(1, 30), reply: days(1, 60) });

export const feedbackSettingsSchema = z.strictObject({
  /** `default` for every kind, then any kind whose limits differ (e.g. `clue: { reply: 7 }`). */
  timeLimits: z.strictObject(
    { default: defaultLimits, ...Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, kindLimits.optional()])) } as { default: typeof defaultLimits } & Record<FeedbackKind, z.ZodOptional<typeof kindLimits>>,
    { error: (issue) => (issue.code === 'unrecognized_keys' ? msg.unknownKind(kindKeys) : undefined) },
  ),
  /** The most working days all extensions of one reply deadline may add together. */
  extensionCap: days(0, 60),
  /** A deadline this many working days away or fewer is 即将到期. */
  dueSoon: days(0, 10),
  /**
   * The order units are listed in on the public statistics and the 通报 (never a ranking): unit ids; units
   * not listed follow by kind and id. @default - by kind and id
   */
  unitOrder: z.array(slug).optional(),
});

export type FeedbackSettingsFile = z.output<typeof feedbackSettingsSchema>;

export interface TimeLimits {
  readonly accept: number;
  readonly reply: number;
}

/** The settings as the clock uses them: every kind's limits resolved. */
export interface FeedbackSettings {
  readonly timeLimits: Readonly<Record<FeedbackKind, TimeLimits>>;
  readonly extensionCap: number;
  readonly dueSoon: number;
}

/** Every kind's limits from the file (a kind not listed takes `default`). */
export function resolveFeedbackSettings(file: FeedbackSettingsFile): FeedbackSettings {
  const base = file.timeLimits.default;
  const own = file.timeLimits as Record<string, Partial<TimeLimits> | undefined>;
  const timeLimits = Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, { accept: own[k]?.accept ?? base.accept, reply: own[k]?.reply ?? base.reply }])) as Record<FeedbackKind, TimeLimits>;
  return { timeLimits, extensionCap: file.extensionCap, dueSoon: file.dueSoon };
}
