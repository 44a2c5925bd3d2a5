/**
 * The key derivations the API's challenges may ask for (functions/http/pow.ts), in their Web Crypto versions.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';

export const deriveKeyFor = (algorithm: string) => (algorithm.startsWith('PBKDF2') ? pbkdf2 : sha);
