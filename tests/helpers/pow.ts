import type { LookupPowConfig, PowConfig } from '../../functions/http/pow.ts';

/** A proof of work that takes milliseconds: tests check the mechanism, not the cost. */
export const TEST_POW: Partial<PowConfig> = { algorithm: 'SHA-256', cost: 1, counterMin: 5, counterMax: 50 };

/** The lookup's levels, as cheap (the arithmetic of the real ones is tests/unit/domain/password-arithmetic.test.ts). */
export const TEST_LOOKUP_POW: LookupPowConfig = { light: 20, heavy: 60 };
