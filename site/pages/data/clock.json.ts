/**
 * /data/clock.json — the working-day calendar's editors' days and the time limits for citizens'
 * submissions, as validated from content/calendar.yaml and content/settings/feedback.yaml. The API's
 * functions read it (the site is the record of what was published); anyone may: the limits are public.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { readClockData } from '../../lib/content-source.ts';
import { contentDir } from '../../lib/paths.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(readClockData(contentDir()), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
