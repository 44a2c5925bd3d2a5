/**
 * Validates the content folder in a worker thread for buildSite(): reading every file takes a few hundred MB
 * for a large site, and a worker's heap goes back to the system when it ends, instead of staying in the
 * parent's RSS for the whole Astro build (npm run bench:build measures the peak).
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { readContent } from '../../site/lib/content-source.ts';
import { formatProblem } from '../../domain/content/index.ts';

const { contentDir } = workerData as { contentDir: string };
const content = readContent(contentDir, path.dirname(contentDir));
parentPort!.postMessage(content.problems.map(formatProblem));
