/**
 * /data/datapackage.json — the open data's Frictionless Data Package (every field described).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { csvResource, dataPackage } from '../../lib/opendata.ts';
import { LEDGER_FIELDS, STAT_CSV_FIELDS } from '../../lib/feedback-stats.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const feedback = [
    csvResource('feedback-stats', 'feedback-stats.csv', STAT_CSV_FIELDS, { description: '群众留言办理情况：每个统计期（全部、年、月）的全部单位合计和各承办单位数字，均可由台账重新计算。' }),
    csvResource('feedback-ledger', 'feedback-ledger.csv', LEDGER_FIELDS, { primaryKey: ['trackingNumber'], description: '群众留言台账：每条留言一行，不含留言内容和个人信息。' }),
    { name: 'feedback-stats-json', path: 'feedback-stats.json', format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: '与 feedback-stats.csv 相同的数字，JSON（asOf、all、years、months）。' },
    { name: 'feedback-ledger-json', path: 'feedback-ledger.json', format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: '与 feedback-ledger.csv 相同的台账，JSON（asOf、rows）。' },
  ];
  return new Response(JSON.stringify(dataPackage(site, portal.today, feedback), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
