/**
 * Every content schema, one file per concept. The loader, `npm run check:content` and the site use these.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
export * from './common.ts';
export * from './item.ts';
export * from './unit.ts';
export * from './region.ts';
export * from './notice.ts';
export * from './page.ts';
export * from './reply.ts';
export * from './calendar.ts';
export * from './feedback-settings.ts';
export * from './site.ts';
