/**
 * /data/datapackage.json — the open data's Frictionless Data Package (every field described).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { dataPackage } from '../../lib/opendata.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  return new Response(JSON.stringify(dataPackage(site, portal.today), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
