/**
 * Solving the API's proof of work as a browser does (the benchmark and the tests send real `altcha`
 * fields): fetch a challenge, find the counter, encode the answer as the form sends it.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey as pbkdf2Key } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as shaKey } from 'altcha-lib/algorithms/sha';
import { routePath } from '../../domain/api/routes.ts';

/** The `altcha` field for a solved `challenge` (base64 JSON of the challenge and its solution). */
export async function solveAltcha(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey: challenge.parameters.algorithm.startsWith('PBKDF2') ? pbkdf2Key : shaKey });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString('base64');
}

/** A solved challenge from the API at `base` (e.g. http://127.0.0.1:4321). */
export async function fetchAltcha(base: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${base}${routePath('challenge')}`, { headers });
  if (!res.ok) throw new Error(`challenge: HTTP ${res.status}`);
  return solveAltcha((await res.json()) as Challenge);
}
