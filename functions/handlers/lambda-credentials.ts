/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias, bundling.ts).
 * Lambda always hands a function its role's credentials in the environment (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the SDK's full chain — SSO, shared ini files, process,
 * web identity, container and instance metadata, with the STS and SSO clients they need — is dead weight:
 * ~120 KB of every bundle and ~40 ms of every cold start (npm run bench:api). Local runs are not bundled
 * and keep the full chain.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The one export the SDK clients' runtime configs import from credential-provider-node. */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
