/**
 * The query password (查询密码) and the guard on looking it up: its format, the proof of work a lookup asks
 * for once a tracking number has had wrong passwords, and the threat model that fixes both — as constants,
 * so the arithmetic below is about what ships (tests/unit/domain/password-arithmetic.test.ts checks it;
 * docs/security.md explains it).
 *
 * Threat model. An attacker knows one submission's tracking number (published reply pages show them) and
 * wants its password, to read the case or to rate the reply in the citizen's place. They have the compute
 * of `attackerCores` server cores for the submission's whole retention period and any number of network
 * addresses (so per-address rate limits do not bind them). No third party may stop the owner: the number is
 * never locked; after `freeAttempts` attempts since the owner last succeeded, every lookup of it must carry a
 * proof of work (light until `heavyAfter` attempts, heavy from then on), which costs the attacker the same as
 * the owner per guess. The owner's worst case is one light and one heavy proof (an attack escalating while
 * they solve): `ownerBudgetSeconds` on a mid-range phone. So the attacker's guesses are bounded by their
 * compute divided by the heavy proof's expected cost, and the password is long enough that this many guesses
 * find it with probability at most `maxSuccess`.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { RETENTION } from './retention.ts';

/** How the password is printed: digits in groups an elderly person reads off a receipt and types on a keypad. */
export const PASSWORD_GROUPS = [4, 3, 3, 4] as const;
export const PASSWORD_DIGITS = PASSWORD_GROUPS.reduce((a, b) => a + b, 0);
/** The password as stored and compared: digits only. */
export const PASSWORD = new RegExp(`^\\d{${PASSWORD_DIGITS}}$`);

/** `48210937556210` → `4821 093 755 6210`. */
export function formatPassword(digits: string): string {
  const out: string[] = [];
  let at = 0;
  for (const n of PASSWORD_GROUPS) {
    out.push(digits.slice(at, at + n));
    at += n;
  }
  return out.filter(Boolean).join(' ');
}

/** What people type: full-width digits, spaces, dashes and dots between the groups are all accepted. */
export function normalizePassword(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-.·_]/g, '');
}

/** The key derivation every proof of work uses: PBKDF2/SHA-256 at this cost per attempt. */
export const POW_COST = 500;

/**
 * The threat model's figures. Rates are PBKDF2/SHA-256 derivations at POW_COST per second:
 * - `phoneRate`: a mid-range phone's browser (Web Crypto, one worker). Assumed pessimistically: half what
 *   the submission's proof was tuned to (about 2 s for 4,000 derivations).
 * - `attackerCoreRate`: a fast server core running OpenSSL natively; `npm run bench:api` measures one core
 *   of the 2-core development machine at about 11,700 when it is idle — about twice that, for a faster core.
 */
export const THREAT_MODEL = {
  attackerCores: 10,
  attackerCoreRate: 25_000,
  phoneRate: 1_000,
  /** Seconds the attacker has: the submission's whole retention period. */
  attackSeconds: RETENTION.submissionDays * 86_400,
  /** The owner's proof of work under attack takes at most this long on the phone. */
  ownerBudgetSeconds: 30,
  /** The attacker finds the password with at most this probability. */
  maxSuccess: 1e-4,
  /**
   * Successful lookups by the owner a day, at most (each resets the number's attempts, giving an attacker
   * `heavyAfter` cheaper tries again). Far more than anyone checks a case.
   */
  ownerLookupsPerDay: 100,
} as const;

/** The proof of work a lookup of one tracking number asks for: none, or a level of `LOOKUP_PROOF`. */
export type ProofLevel = 'none' | 'light' | 'heavy';

/**
 * Attempts on one tracking number since its owner last succeeded: the first `freeAttempts` need no proof
 * (typing mistakes), then light, and from `heavyAfter` on heavy. Counted before the password is checked, so
 * concurrent guesses cannot all slip in at a cheaper level.
 */
export const LOOKUP_GUARD = {
  freeAttempts: 3,
  heavyAfter: 10,
} as const;

/**
 * Each level's secret counter is drawn from 1…`counterMax`: a solver tries counters from zero, so the
 * owner's worst case is `counterMax` derivations and anyone's expected cost about half of it. Light + heavy
 * is the owner's worst case under attack: ownerBudgetSeconds × phoneRate derivations.
 */
export const LOOKUP_PROOF: Readonly<Record<Exclude<ProofLevel, 'none'>, { readonly counterMax: number }>> = {
  light: { counterMax: 3_000 },
  heavy: { counterMax: 27_000 },
};

/** The proof of work the next attempt on a number needs, given the attempts already counted on it. */
export function proofLevel(attempts: number): ProofLevel {
  if (attempts < LOOKUP_GUARD.freeAttempts) return 'none';
  return attempts < LOOKUP_GUARD.heavyAfter ? 'light' : 'heavy';
}

/** The arithmetic of the threat model, from the constants above (docs/security.md prints these figures). */
export function guessingBound(model = THREAT_MODEL, proof = LOOKUP_PROOF, guard = LOOKUP_GUARD, digits = PASSWORD_DIGITS) {
  const attackerDerivations = model.attackerCores * model.attackerCoreRate * model.attackSeconds;
  // The counter is uniform in 1…counterMax: an attacker who gives up on a challenge gains nothing.
  const heavyGuessCost = (proof.heavy.counterMax + 1) / 2;
  const heavyGuesses = Math.floor(attackerDerivations / heavyGuessCost);
  const resets = model.ownerLookupsPerDay * (model.attackSeconds / 86_400) + 1;
  const cheapGuesses = resets * guard.heavyAfter;
  const guesses = heavyGuesses + cheapGuesses;
  const passwords = 10 ** digits;
  return {
    attackerDerivations,
    heavyGuessCost,
    heavyGuesses,
    cheapGuesses,
    guesses,
    passwords,
    /** Distinct guesses over a uniformly drawn password. */
    successProbability: guesses / passwords,
    /** The owner's worst case: a light proof, then a heavy one. */
    ownerWorstSeconds: (proof.light.counterMax + proof.heavy.counterMax) / model.phoneRate,
  };
}
