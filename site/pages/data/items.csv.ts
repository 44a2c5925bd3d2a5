import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { toCsv, toRecord } from '../../lib/opendata.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return new Response(toCsv(portal.items.map((i) => toRecord(i, site))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
