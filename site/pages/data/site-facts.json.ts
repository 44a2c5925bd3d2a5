/**
 * /data/site-facts.json — what the API reads of the published site (domain/api/site-facts.ts): the units,
 * the regions and the items a submission may name. Built by the same function the local portal uses.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../../lib/portal.ts';
import { publishedItems, siteFacts } from '../../lib/site-facts.ts';

export const GET: APIRoute = async () => {
  const portal = await getPortal();
  const facts = siteFacts({ units: portal.units, regions: portal.regions, items: publishedItems(portal.items) });
  return new Response(JSON.stringify(facts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
