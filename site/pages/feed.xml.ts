/**
 * /feed.xml — Atom feed of the newest progress updates over all items.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { APIRoute } from 'astro';
import { getPortal } from '../lib/portal.ts';
import { updatesFeed } from '../lib/feed.ts';
import { FEED_COUNT } from '../lib/constants.ts';
import { urls } from '../../domain/urls.ts';
import { pages, site } from '../../domain/labels/zh-CN.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const portal = await getPortal();
  const body = updatesFeed({
    items: portal.items,
    site: origin,
    selfPath: urls.feed,
    title: `${site.fullName} - ${pages.feedTitle}`,
    subtitle: site.tagline,
    author: site.office,
    today: portal.today,
    count: FEED_COUNT,
    unitName: (id) => portal.unitsById.get(id)?.name ?? id,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
