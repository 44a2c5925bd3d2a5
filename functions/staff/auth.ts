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
  /**
   * Machine credentials (client-credentials grant: Cognito's app client for the scheduled export, or an OIDC
   * client of the office's provider in China): access tokens carrying `scope`, from one of `clients`
   * (`client_id`, or `azp`). Such a token is a machine user limited to the export routes.
   * @default - no machine credentials accepted
   */
  readonly machine?: { readonly scope: string; readonly clients: readonly string[] };
}

/** The display name of the machine user in logs and events. */
export const MACHINE_NAME = 'ledger-export';

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
      // The audience is checked below: ID tokens name the console's client in `aud`, machine access tokens their own client.
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
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
    if (payload.token_use === 'access' || (payload.scope !== undefined && payload.aud !== options.audience)) return machineUser(payload, options.machine);
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(options.audience)) throw new AuthError('wrong audience');
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

/** A machine credential's user: only with the export scope, only from a known client. */
function machineUser(payload: Record<string, unknown>, machine: VerifierOptions['machine']): StaffUser {
  if (!machine) throw new AuthError('machine credentials not accepted');
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  if (!scopes.includes(machine.scope)) throw new AuthError('no export scope');
  const client = String(payload.client_id ?? payload.azp ?? '');
  if (!machine.clients.includes(client)) throw new AuthError('unknown machine client');
  // The role the export routes need; `machine` keeps it to them (staff-app.ts).
  return { sub: `client:${client}`, name: MACHINE_NAME, role: 'reviewer', machine: true };
}

export type Verify = ReturnType<typeof createVerifier>;
