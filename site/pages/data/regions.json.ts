/**
 * /data/regions.json — the city's regions (乡镇街道), in the editors' order; also read by the feedback API
 * (the region names of a form it sends back).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';

export const GET: APIRoute = async () => {
  const portal = await getPortal();
  const regions = portal.regions.map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
  return new Response(JSON.stringify(regions, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
