/**
 * The feedback clock as the functions read it in AWS: the editors' calendar and time limits from the
 * published /data/clock.json (the site is the record of what was published), fetched once per container.
 * Until it is read — or when the site cannot be reached — the built-in limits and the package's calendar
 * stand in, so a submission is never refused for want of it.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { FeedbackClock } from '../../domain/feedback/clock.ts';
import { clockFromData, feedbackClock } from '../../domain/feedback/clock-setup.ts';
import { urls } from '../../domain/urls.ts';

let clock: Promise<FeedbackClock> | undefined;
const fallback = feedbackClock();

export function siteClock(siteUrl: string, logger: Logger): () => Promise<FeedbackClock> {
  return () => {
    clock ??= fetch(`${siteUrl.replace(/\/$/, '')}${urls.clockData}`, { signal: AbortSignal.timeout(3_000) })
      .then(async (res) => {
        if (!res.ok) throw new Error(`clock.json: HTTP ${res.status}`);
        return clockFromData(await res.json());
      })
      .catch((error: unknown) => {
        clock = undefined; // try again on the next request
        logger.warn('clock data unavailable, using the built-in limits', { error: error instanceof Error ? error.message : String(error) });
        return fallback;
      });
    return clock;
  };
}
