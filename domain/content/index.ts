/** Every content schema, one file per concept. The loader, `npm run check:content` and the site use these. */
export * from './common.ts';
export * from './item.ts';
export * from './unit.ts';
export * from './region.ts';
export * from './notice.ts';
export * from './page.ts';
export * from './reply.ts';
