/**
 * /data/feedback-stats.csv — the statistics of citizens' submissions, every period × (all units, each
 * unit), UTF-8 with BOM; described in datapackage.json.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getFeedbackData, STAT_CSV_FIELDS, statRecords } from '../../lib/feedback-stats.ts';
import { csvOf } from '../../lib/opendata.ts';

export const GET: APIRoute = () => new Response(csvOf(STAT_CSV_FIELDS, statRecords(getFeedbackData())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
