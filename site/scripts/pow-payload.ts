/**
 * The `altcha` field as the API reads it (functions/http/pow.ts checkSolution): base64 JSON of the challenge
 * and its solution. One encoding for the form's solver (pow.ts) and the lookup's (feedback-status.ts).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { Challenge, Solution } from 'altcha-lib';

export function altchaField(challenge: Challenge, solution: Pick<Solution, 'counter' | 'derivedKey'>): string {
  return btoa(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution: { counter: solution.counter, derivedKey: solution.derivedKey } }));
}
