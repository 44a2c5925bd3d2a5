/**
 * /data/feedback-stats.json — the statistics of citizens' submissions as computed from the ledger (the
 * same figures as the CSV and the pages): { asOf, all, years, months }.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getFeedbackData } from '../../lib/feedback-stats.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(getFeedbackData().statistics), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
