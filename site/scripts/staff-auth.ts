/**
 * Staff sign-in for the console (/staff/), per GET /api/staff-config:
 *
 * - `dev` (this machine): a token from `npm run staff:token` is pasted in;
 * - `cognito` / `oidc` (AWS): the authorization code flow with PKCE (S256) through the provider's hosted
 *   sign-in page; back on /staff/?code=…&state=… the code is exchanged at the token endpoint for an ID token.
 *
 * The token (and the PKCE verifier while signing in) live in sessionStorage only: one browser tab, gone when
 * it closes. No client secret exists (a browser cannot keep one).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */

export type ConsoleConfig =
  | { readonly mode: 'dev' }
  | {
      readonly mode: 'cognito' | 'oidc';
      readonly authorizeUrl: string;
      readonly tokenUrl: string;
      readonly logoutUrl?: string;
      readonly clientId: string;
      readonly redirectUri: string;
      readonly scopes?: readonly string[];
    };

export type HostedConfig = Extract<ConsoleConfig, { mode: 'cognito' | 'oidc' }>;

const TOKEN_KEY = 'ducha-staff-token';
const PKCE_KEY = 'ducha-staff-pkce';

/** A compact JWS: three base64url parts. */
export const looksLikeJwt = (s: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(s);

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: nothing kept */
  }
}

export function parseConfig(value: unknown): ConsoleConfig | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (c.mode === 'dev') return { mode: 'dev' };
  if ((c.mode === 'cognito' || c.mode === 'oidc') && typeof c.authorizeUrl === 'string' && typeof c.tokenUrl === 'string' && typeof c.clientId === 'string' && typeof c.redirectUri === 'string') {
    return {
      mode: c.mode,
      authorizeUrl: c.authorizeUrl,
      tokenUrl: c.tokenUrl,
      clientId: c.clientId,
      redirectUri: c.redirectUri,
      ...(typeof c.logoutUrl === 'string' ? { logoutUrl: c.logoutUrl } : {}),
      scopes: Array.isArray(c.scopes) ? c.scopes.filter((s): s is string => typeof s === 'string') : ['openid'],
    };
  }
  return null;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** RFC 7636 S256: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export function authorizeUrl(config: HostedConfig, state: string, challenge: string): string {
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: (config.scopes ?? ['openid']).join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

/** Go to the provider's sign-in page; it comes back to redirectUri with ?code&state. */
export async function startSignIn(config: HostedConfig): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  location.assign(authorizeUrl(config, state, await codeChallenge(verifier)));
}

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

/**
 * After the provider sent the browser back: exchange the code (with the PKCE verifier) for the ID token.
 * Returns null when the address carries no sign-in answer; throws SignInError when it is wrong or refused.
 */
export async function finishSignIn(config: HostedConfig, params: URLSearchParams, failed: string): Promise<string | null> {
  const code = params.get('code');
  if (!code && !params.has('error')) return null;
  const saved = sessionStorage.getItem(PKCE_KEY);
  sessionStorage.removeItem(PKCE_KEY);
  let pkce: { verifier?: string; state?: string } = {};
  try {
    pkce = JSON.parse(saved ?? '{}') as typeof pkce;
  } catch {
    pkce = {};
  }
  if (!code || !pkce.verifier || !pkce.state || pkce.state !== params.get('state')) throw new SignInError(failed);
  const res = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: config.redirectUri, code_verifier: pkce.verifier }),
    credentials: 'omit',
    cache: 'no-store',
  }).catch(() => null);
  const body = res?.ok ? ((await res.json().catch(() => ({}))) as { id_token?: unknown }) : {};
  if (typeof body.id_token !== 'string' || !looksLikeJwt(body.id_token)) throw new SignInError(failed);
  return body.id_token;
}

/** Where to send the browser to end the provider's session too (null: nothing to end, e.g. dev). */
export function logoutUrl(config: ConsoleConfig, idToken: string | null): string | null {
  if (config.mode === 'dev' || !config.logoutUrl) return null;
  const url = new URL(config.logoutUrl);
  url.search = new URLSearchParams(
    config.mode === 'cognito'
      ? { client_id: config.clientId, logout_uri: config.redirectUri }
      : { client_id: config.clientId, post_logout_redirect_uri: config.redirectUri, ...(idToken ? { id_token_hint: idToken } : {}) },
  ).toString();
  return url.href;
}
