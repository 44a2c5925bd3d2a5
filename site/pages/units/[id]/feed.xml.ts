/**
 * /units/<id>/feed.xml — Atom feed of updates on the items a unit leads or supports.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../lib/portal.ts';
import { updatesFeed } from '../../../lib/feed.ts';
import { FEED_COUNT } from '../../../lib/constants.ts';
import { urls } from '../../../../domain/urls.ts';
import { pages, site } from '../../../../domain/labels/zh-CN.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.units.map((u) => ({ params: { id: u.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const portal = await getPortal();
  const unit = portal.unitsById.get(params.id!)!;
  const body = updatesFeed({
    items: [...unit.leadItems, ...unit.supportItems],
    site: origin,
    selfPath: urls.unitFeed(unit.id),
    title: pages.unitFeedTitle(unit.name),
    author: site.office,
    today: portal.today,
    count: FEED_COUNT,
    unitName: (id) => portal.unitsById.get(id)?.name ?? id,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
