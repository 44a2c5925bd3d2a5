/**
 * /data/feedback-ledger.json — the public ledger as JSON: { asOf, rows } (the rows as content/ledger/ has them).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getFeedbackData } from '../../lib/feedback-stats.ts';

export const GET: APIRoute = () => {
  const data = getFeedbackData();
  return new Response(JSON.stringify({ asOf: data.statistics.asOf, rows: data.rows }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
