import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { dataPackage } from '../../lib/opendata.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return new Response(JSON.stringify(dataPackage(site, portal.today), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
