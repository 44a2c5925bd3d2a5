/**
 * The proof of work (ALTCHA) in the browser: fetch a challenge from the API, find its counter in Web Workers
 * (pow-worker.ts; the page stays responsive) or, where workers are unavailable, on the main thread, and
 * encode the solution as the API expects it in the `altcha` field.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { solveChallenge, solveChallengeWorkers, type Challenge, type Solution } from 'altcha-lib';
import { deriveKeyFor } from './pow-algorithms.ts';
import { apiError } from './form-errors.ts';
import { altchaField } from './pow-payload.ts';
import { routePath } from '../../domain/api/routes.ts';

/** GET /api/challenge. Throws TypeError when offline, ApiError for an error answer (429, 503). */
export async function fetchChallenge(): Promise<Challenge> {
  const res = await fetch(routePath('challenge'), { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok) throw await apiError(res);
  return (await res.json()) as Challenge;
}

function newWorker(): Worker {
  return new Worker(new URL('./pow-worker.ts', import.meta.url), { type: 'module' });
}

/** Solve `challenge`; resolves to the base64 payload for the `altcha` field. */
export async function solve(challenge: Challenge): Promise<string> {
  let solution: Solution | null = null;
  let workersFailed = typeof Worker === 'undefined';
  if (!workersFailed) {
    try {
      solution = await solveChallengeWorkers({
        challenge,
        concurrency: Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1)),
        createWorker: newWorker,
      });
    } catch {
      workersFailed = true;
    }
  }
  if (workersFailed) solution = await solveChallenge({ challenge, deriveKey: deriveKeyFor(challenge.parameters.algorithm) });
  if (!solution) throw new Error('proof of work not solved');
  return altchaField(challenge, solution);
}
