/**
 * /data/items.csv — every item as a CSV row (UTF-8 with BOM, for Excel and WPS).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { toCsv, toRecord } from '../../lib/opendata.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return new Response(toCsv(portal.items.map((i) => toRecord(i, site))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
