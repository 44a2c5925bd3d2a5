/**
 * The local development issuer: an ES256 key pair kept in .data/dev-auth.json (created on first use, never
 * committed). `npm run staff:token` signs tokens with it; the local server verifies with its public key —
 * with the same claims Cognito puts in its ID tokens.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { StaffRole } from '../../domain/feedback/workflow.ts';

export const DEV_ISSUER = 'https://ducha.local/dev-issuer';
export const DEV_AUDIENCE = 'ducha-local-console';
/** The local machine credential (npm run staff:token -- --machine): the export scope, as Cognito names it. */
export const DEV_MACHINE = { scope: 'ducha-api/export', clients: ['dev-ledger-export'] } as const;

interface KeyFile {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

async function keyFile(dataDir: string): Promise<KeyFile> {
  const file = path.join(dataDir, 'dev-auth.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const keys: KeyFile = { privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** Verification options for the local server. */
export async function devVerifierOptions(dataDir: string) {
  const { publicJwk } = await keyFile(dataDir);
  return { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, keys: createLocalJWKSet({ keys: [publicJwk] }), machine: { scope: DEV_MACHINE.scope, clients: [...DEV_MACHINE.clients] } };
}

export interface DevTokenClaims {
  readonly name: string;
  readonly role: StaffRole;
  readonly unit?: string;
  /** @default 12 */
  readonly hours?: number;
}

/** A machine access token as the client-credentials grant gives one: scope and client, no groups, no name. */
export async function signDevMachineToken(dataDir: string, options: { scope?: string; client?: string; hours?: number } = {}): Promise<string> {
  const { privateJwk } = await keyFile(dataDir);
  const client = options.client ?? DEV_MACHINE.clients[0];
  return new SignJWT({ token_use: 'access', scope: options.scope ?? DEV_MACHINE.scope, client_id: client })
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid! })
    .setIssuer(DEV_ISSUER)
    .setSubject(client)
    .setIssuedAt()
    .setExpirationTime(`${options.hours ?? 1}h`)
    .sign(await importJWK(privateJwk, 'ES256'));
}

export async function signDevToken(dataDir: string, claims: DevTokenClaims): Promise<string> {
  const { privateJwk } = await keyFile(dataDir);
  const key = await importJWK(privateJwk, 'ES256');
  return new SignJWT({
    name: claims.name,
    'cognito:groups': [claims.role],
    ...(claims.unit ? { 'custom:unit': claims.unit } : {}),
    token_use: 'id',
  })
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid! })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(`dev-${claims.role}-${claims.unit ?? 'office'}-${claims.name}`)
    .setIssuedAt()
    .setExpirationTime(`${claims.hours ?? 12}h`)
    .sign(key);
}
