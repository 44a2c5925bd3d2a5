/**
 * The lookup's threat model, as arithmetic over the constants that ship (domain/feedback/password.ts, the
 * API's proof-of-work levels): an attacker with 10 server cores for a submission's whole retention period,
 * any number of addresses, finds its password with probability at most 1 in 10,000, while the owner's proof
 * of work under attack stays within 30 s on a mid-range phone. docs/security.md shows the same figures.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOOKUP_POW, DEFAULT_POW } from '../../../functions/http/pow.ts';
import { queryPassword } from '../../../functions/http/receipt.ts';
import { RETENTION } from '../../../domain/feedback/retention.ts';
import { formatPassword, guessingBound, LOOKUP_GUARD, LOOKUP_PROOF, PASSWORD_DIGITS, PASSWORD_GROUPS, POW_COST, proofLevel, THREAT_MODEL } from '../../../domain/feedback/password.ts';
import { root } from '../../helpers/paths.ts';

const bound = guessingBound();

describe('the lookup threat model', () => {
  it('states the threat model the issue asks for', () => {
    expect(THREAT_MODEL.attackerCores).toBe(10);
    expect(THREAT_MODEL.attackSeconds).toBe(RETENTION.submissionDays * 86_400);
    expect(THREAT_MODEL.maxSuccess).toBe(1e-4);
    expect(THREAT_MODEL.ownerBudgetSeconds).toBe(30);
    // The attacker's core is at least as fast as the phone: the bound does not rest on a slow attacker.
    expect(THREAT_MODEL.attackerCoreRate).toBeGreaterThanOrEqual(THREAT_MODEL.phoneRate);
  });

  it('bounds the attacker: every guess past the cheap ones costs half a heavy proof on average', () => {
    expect(bound.attackerDerivations).toBe(THREAT_MODEL.attackerCores * THREAT_MODEL.attackerCoreRate * THREAT_MODEL.attackSeconds);
    expect(bound.heavyGuessCost).toBe((LOOKUP_PROOF.heavy.counterMax + 1) / 2);
    expect(bound.guesses).toBeGreaterThanOrEqual(bound.attackerDerivations / bound.heavyGuessCost);
    // Cheap guesses: at most `heavyAfter` per success of the owner, however often that is.
    expect(bound.cheapGuesses).toBe((THREAT_MODEL.ownerLookupsPerDay * RETENTION.submissionDays + 1) * LOOKUP_GUARD.heavyAfter);
  });

  it('finds the password with probability at most 1 in 10,000', () => {
    expect(bound.passwords).toBe(10 ** PASSWORD_DIGITS);
    expect(bound.successProbability).toBeLessThanOrEqual(THREAT_MODEL.maxSuccess);
  });

  it("keeps the owner's worst case — a light proof, then a heavy one — within 30 s on the phone", () => {
    expect(bound.ownerWorstSeconds).toBeLessThanOrEqual(THREAT_MODEL.ownerBudgetSeconds);
  });

  it('escalates from free to light to heavy, and never refuses', () => {
    expect(Array.from({ length: LOOKUP_GUARD.heavyAfter + 2 }, (_, n) => proofLevel(n))).toEqual([
      ...Array<string>(LOOKUP_GUARD.freeAttempts).fill('none'),
      ...Array<string>(LOOKUP_GUARD.heavyAfter - LOOKUP_GUARD.freeAttempts).fill('light'),
      'heavy',
      'heavy',
    ]);
    expect(proofLevel(1e9)).toBe('heavy');
  });

  it('is about what the API ships: its proof levels, the cost the rates assume, the password it draws', () => {
    expect(DEFAULT_LOOKUP_POW).toEqual({ light: LOOKUP_PROOF.light.counterMax, heavy: LOOKUP_PROOF.heavy.counterMax });
    expect(DEFAULT_POW.algorithm).toBe('PBKDF2/SHA-256');
    expect(DEFAULT_POW.cost).toBe(POW_COST);
    const password = queryPassword('pepper', 'DC2611-7K3Q9M', 'key');
    expect(password).toHaveLength(PASSWORD_DIGITS);
    expect(formatPassword(password).split(' ').map((g) => g.length)).toEqual([...PASSWORD_GROUPS]);
    for (const g of PASSWORD_GROUPS) expect([3, 4]).toContain(g);
  });

  it('is what docs/security.md shows', () => {
    const doc = readFileSync(path.join(root, 'docs/security.md'), 'utf8').replace(/[,，\s]/g, '');
    const figure = (n: number) => n.toLocaleString('en-US').replace(/,/g, '');
    for (const n of [bound.attackerDerivations, bound.heavyGuesses, bound.guesses, LOOKUP_PROOF.heavy.counterMax, LOOKUP_PROOF.light.counterMax, THREAT_MODEL.phoneRate, THREAT_MODEL.attackerCoreRate, PASSWORD_DIGITS]) {
      expect(doc, String(n)).toContain(figure(n));
    }
    expect(doc).toContain(`1in${figure(Math.floor(1 / bound.successProbability))}`);
  });
});
