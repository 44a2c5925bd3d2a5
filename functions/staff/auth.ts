/**
 * Staff sign-in: JSON Web Tokens verified with jose against a key set — Cognito's JWKS in AWS, the local
 * development issuer's key on this machine. The same claims in both places: `cognito:groups` gives the role
 * (admin > reviewer > unit), `custom:unit` the unit, `name` the display name, `sub` the stable id events
 * record. A token must carry `iat` and `exp` and live at most STAFF_TOKEN_MAX_SECONDS. API Gateway checks
 * the token too in AWS; the application never relies on that alone.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { STAFF_ROLES, STAFF_TOKEN_MAX_SECONDS, type StaffRole, type StaffUser } from '../../domain/feedback/workflow.ts';

export interface VerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
}

export class AuthError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthError';
  }
}

const RANK: Record<StaffRole, number> = { unit: 1, reviewer: 2, admin: 3 };

/** The staff user a verified token describes; throws AuthError for a bad or insufficient token. */
export function createVerifier(options: VerifierOptions) {
  return async function verify(token: string): Promise<StaffUser> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'ES256'],
        clockTolerance: 30,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: STAFF_TOKEN_MAX_SECONDS,
      }));
    } catch (error) {
      throw new AuthError('invalid token', { cause: error });
    }
    // A token that claims to live longer than allowed is refused even while young.
    if (Number(payload.exp) - Number(payload.iat) > STAFF_TOKEN_MAX_SECONDS) throw new AuthError('token lifetime too long');
    if (payload.token_use !== undefined && payload.token_use !== 'id') throw new AuthError('not an ID token');
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]).filter((g): g is StaffRole => STAFF_ROLES.includes(g as StaffRole)) : [];
    const role = groups.sort((a, b) => RANK[b] - RANK[a])[0];
    if (!role) throw new AuthError('no staff group');
    const unit = typeof payload['custom:unit'] === 'string' && payload['custom:unit'] ? (payload['custom:unit'] as string) : undefined;
    if (role === 'unit' && !unit) throw new AuthError('unit staff without a unit');
    const name = String(payload.name ?? payload['cognito:username'] ?? payload.sub ?? '');
    return { sub: String(payload.sub), name, role, ...(unit ? { unit } : {}) };
  };
}

export type Verify = ReturnType<typeof createVerifier>;
