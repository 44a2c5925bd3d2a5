/**
 * /data/feedback-ledger.csv — the public ledger, one content-free row per submission, UTF-8 with BOM.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getFeedbackData, LEDGER_FIELDS } from '../../lib/feedback-stats.ts';
import { csvOf } from '../../lib/opendata.ts';

export const GET: APIRoute = () => new Response(csvOf(LEDGER_FIELDS, getFeedbackData().rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
