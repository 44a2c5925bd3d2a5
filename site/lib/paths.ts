/**
 * Where things are on disk. The content folder can be moved with DUCHA_CONTENT_DIR (benchmarks, tests).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function contentDir(): string {
  return path.resolve(process.env.DUCHA_CONTENT_DIR ?? path.join(projectRoot, 'content'));
}
