/**
 * Proof of work with ALTCHA (self-hosted, HMAC-signed, v2 challenges). The server picks a secret counter;
 * the browser must find it by trying counters from zero, each costing one key derivation, so the average
 * work is (counterMin + counterMax) / 2 derivations. A submission's defaults are tuned (npm run bench:api
 * prints the solve time here) so a mid-range phone needs about 2 s; a lookup of a tracking number that has
 * had wrong passwords asks for a proof bound to that number at the level domain/feedback/password.ts sets
 * (its threat model). Tests use tiny counters.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { createHmac } from 'node:crypto';
import type { ProofChallenge } from '../../domain/api/problem.ts';
import { LOOKUP_PROOF, POW_COST, type ProofLevel } from '../../domain/feedback/password.ts';
import { RETENTION } from '../../domain/feedback/retention.ts';
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';

export interface PowConfig {
  readonly algorithm: 'PBKDF2/SHA-256' | 'SHA-256';
  /** Key-derivation cost per attempt (PBKDF2 iterations). */
  readonly cost: number;
  readonly counterMin: number;
  readonly counterMax: number;
  /** Challenges expire after this long (10 minutes). */
  readonly expiresSeconds: number;
}

export const DEFAULT_POW: PowConfig = { algorithm: 'PBKDF2/SHA-256', cost: POW_COST, counterMin: 2_000, counterMax: 6_000, expiresSeconds: RETENTION.challengeMinutes * 60 };

/** The largest secret counter of each level of a lookup's proof (same algorithm and cost as PowConfig). */
export type LookupPowConfig = Readonly<Record<Exclude<ProofLevel, 'none'>, number>>;

export const DEFAULT_LOOKUP_POW: LookupPowConfig = { light: LOOKUP_PROOF.light.counterMax, heavy: LOOKUP_PROOF.heavy.counterMax };

/**
 * Difficulty from the environment: DUCHA_POW_COUNTER_MAX (the largest secret counter; the smallest is a
 * third of it) and DUCHA_POW_ALGORITHM. Used by the Lambda handlers and the local server alike.
 */
export function powFromEnv(env: Record<string, string | undefined> = process.env): PowConfig {
  const max = Number(env.DUCHA_POW_COUNTER_MAX);
  const algorithm = env.DUCHA_POW_ALGORITHM === 'SHA-256' ? 'SHA-256' : DEFAULT_POW.algorithm;
  return {
    ...DEFAULT_POW,
    ...(algorithm !== DEFAULT_POW.algorithm ? { algorithm, cost: 1 } : {}),
    ...(Number.isInteger(max) && max > 0 ? { counterMin: Math.max(1, Math.floor(max / 3)), counterMax: max } : {}),
  };
}

function secrets(hmacKey: string) {
  // Two independent secrets from one stored key: one signs challenges, one signs derived keys.
  const derive = (label: string) => createHmac('sha256', hmacKey).update(label).digest('hex');
  return { hmacSignatureSecret: derive('altcha-challenge'), hmacKeySignatureSecret: derive('altcha-key') };
}

const deriveKeyFor = (algorithm: string) => (algorithm.startsWith('PBKDF2') ? pbkdf2 : sha);

export async function newChallenge(config: PowConfig, hmacKey: string, now = new Date(), data?: Record<string, string>): Promise<Challenge> {
  return createChallenge({
    algorithm: config.algorithm,
    cost: config.cost,
    counter: randomInt(config.counterMin, config.counterMax),
    deriveKey: deriveKeyFor(config.algorithm),
    expiresAt: Math.floor(now.getTime() / 1000) + config.expiresSeconds,
    ...(data ? { data } : {}),
    ...secrets(hmacKey),
  });
}

/**
 * The proof a lookup of `trackingNumber` asks for at `level`: counters from 1 (a solver starts at zero, so
 * the owner's worst case is the level's counterMax), bound to the number and the level by the signature.
 */
export function lookupChallenge(config: PowConfig, lookup: LookupPowConfig, level: Exclude<ProofLevel, 'none'>, trackingNumber: string, hmacKey: string, now = new Date()): Promise<ProofChallenge> {
  return newChallenge({ ...config, counterMin: 1, counterMax: lookup[level] }, hmacKey, now, { purpose: 'lookup', trackingNumber, level });
}

/** The level a solved lookup proof for `trackingNumber` is worth; `none` for anything else (another number, a submission's proof). */
export function lookupProofLevel(result: PowResult, trackingNumber: string): ProofLevel {
  if (!result.ok || result.data?.purpose !== 'lookup' || result.data.trackingNumber !== trackingNumber) return 'none';
  return result.data.level === 'heavy' || result.data.level === 'light' ? result.data.level : 'none';
}

export type PowResult =
  | { readonly ok: true; readonly signature: string; readonly expiresAt: number; readonly data?: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/** Check a solved challenge sent in the `altcha` field (base64 JSON of {challenge, solution}). */
export async function checkSolution(encoded: string, config: PowConfig, hmacKey: string): Promise<PowResult> {
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Payload;
    if (!payload?.challenge?.parameters || !payload.solution || typeof payload.challenge.signature !== 'string') return { ok: false, reason: 'invalid' };
    // Only challenges of our own kind: a client may not choose a cheaper algorithm or cost.
    if (payload.challenge.parameters.algorithm !== config.algorithm || payload.challenge.parameters.cost !== config.cost) return { ok: false, reason: 'invalid' };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  try {
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey: deriveKeyFor(config.algorithm),
      ...secrets(hmacKey),
    });
    if (result.expired) return { ok: false, reason: 'expired' };
    if (!result.verified) return { ok: false, reason: 'invalid' };
    const data = payload.challenge.parameters.data;
    return { ok: true, signature: payload.challenge.signature, expiresAt: payload.challenge.parameters.expiresAt ?? 0, ...(data ? { data } : {}) };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}
