/**
 * The shape of every error the API answers: RFC 9457 problem details (`application/problem+json`), with
 * `errors: [{field, message}]` for fields that did not pass. Shared by the API (functions/http/problems.ts
 * builds them) and the site's islands (which read them). Types and the zod-issue mapping only.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

export interface FieldError {
  /** Dotted path of the field, e.g. `contact.phone`; empty for the whole request. */
  readonly field: string;
  readonly message: string;
}

/** A proof-of-work challenge (ALTCHA v2) as the API hands it out: solve it, send it back as `altcha`. */
export interface ProofChallenge {
  readonly parameters: object;
  readonly signature?: string;
}

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** 428 `…/proof-required`: the challenge to solve before asking again (domain/feedback/password.ts). */
  readonly challenge?: ProofChallenge;
}

/** zod issues → one message per field (the first), in form order. */
export function fieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}
