/**
 * /data/units.json — the responsible units (public office details only), as open data. (The API reads the
 * leaner /data/site-facts.json.)
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { absolute } from '../../../domain/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const units = portal.units.map((u) => ({
    id: u.id,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    phone: u.phone,
    address: u.address,
    ...(u.region ? { region: u.region } : {}),
    url: absolute(u.url, site),
  }));
  return new Response(JSON.stringify(units, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
