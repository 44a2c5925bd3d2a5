/**
 * /data/items.json — every item as an open-data record (also read by the API).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { toRecord } from '../../lib/opendata.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const body = JSON.stringify(portal.items.map((i) => toRecord(i, site)), null, 1);
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
