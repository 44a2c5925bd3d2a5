/**
 * A proof-of-work worker speaking altcha-lib's worker protocol (solveChallengeWorkers): `work` messages
 * search the counters counterStart, counterStart + counterStep, …; `abort` stops. Unlike the library's
 * ready-made workers it picks the key derivation from the challenge, so one file serves both algorithms.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKeyFor } from './pow-algorithms.ts';

interface WorkMessage {
  readonly type: 'work' | 'abort';
  readonly challenge: Challenge;
  readonly counterStart?: number;
  readonly counterStep?: number;
  readonly counterMode?: 'uint32' | 'string';
  readonly timeout?: number;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkMessage>) => void) | null; postMessage(data: unknown): void };
let controller: AbortController | undefined;

scope.onmessage = async (e) => {
  const { type, challenge, counterStart, counterStep, counterMode, timeout } = e.data;
  if (type === 'abort') {
    controller?.abort();
    return;
  }
  controller = new AbortController();
  try {
    const solution = await solveChallenge({
      challenge,
      controller,
      deriveKey: deriveKeyFor(challenge.parameters.algorithm),
      ...(counterStart !== undefined ? { counterStart } : {}),
      ...(counterStep !== undefined ? { counterStep } : {}),
      ...(counterMode ? { counterMode } : {}),
      ...(timeout !== undefined ? { timeout } : {}),
    });
    scope.postMessage(solution);
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
