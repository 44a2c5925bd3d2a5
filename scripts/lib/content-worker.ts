/**
 * The content worker of buildSite(), on the second core while Astro builds the pages: reads and checks the
 * content folder once, posts the problems (`{ problems }`), and when there are none builds the search index
 * from the same parsed content (`{ index }`, search-index.ts). A worker's heap goes back to the system when it
 * ends, instead of staying in the parent's RSS for the whole build (npm run bench:build measures the peak).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { readContent } from '../../site/lib/content-source.ts';
import { formatProblem } from '../../domain/content/index.ts';
import { buildSearchIndex } from './search-index.ts';

const { contentDir, cacheDir, asOf } = workerData as { contentDir: string; cacheDir: string; asOf: string };
const content = readContent(contentDir, path.dirname(contentDir));
const problems = content.problems.map(formatProblem);
parentPort!.postMessage({ problems });
// buildSite() says `astro-done` when Astro has exited: its memory is free for a second Pagefind index.
const astroDone = new Promise<void>((resolve) => parentPort!.on('message', (m) => m === 'astro-done' && resolve()));
if (problems.length === 0) parentPort!.postMessage({ index: await buildSearchIndex(content, asOf, cacheDir, astroDone) });
process.exit(0);
