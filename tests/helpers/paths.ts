import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const cacheDir = path.join(root, '.cache');
/** The date every site test builds "as of", so derived facts are reproducible. */
export const TEST_AS_OF = '2026-11-26';
