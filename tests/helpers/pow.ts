import type { PowConfig } from '../../functions/http/pow.ts';

/** A proof of work that takes milliseconds: tests check the mechanism, not the cost. */
export const TEST_POW: Partial<PowConfig> = { algorithm: 'SHA-256', cost: 1, counterMin: 5, counterMax: 50 };
