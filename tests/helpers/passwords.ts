/** Query passwords for tests: of the right form (domain/feedback/password.ts), but not the one that opens. */
import { normalizePassword } from '../../domain/feedback/password.ts';

/** A password of the right form that is not `password` (its last digit changed; printed groups are fine). */
export function otherPassword(password: unknown): string {
  const p = normalizePassword(String(password));
  return `${p.slice(0, -1)}${(Number(p.at(-1)) + 1) % 10}`;
}

/** A password of the right form for a number nobody holds. */
export const SOME_PASSWORD = '12345678901234';
