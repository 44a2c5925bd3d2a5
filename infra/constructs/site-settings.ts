/**
 * The site's caching and routing settings, shared by both distributions and asserted by the tests.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Duration } from 'aws-cdk-lib';
import type { PartitionKind } from '../config.ts';

/**
 * Whether the distribution answers viewers over IPv6, by partition: wherever CloudFront offers it. Global
 * CloudFront serves IPv6 viewers (AWS's CloudFront Developer Guide, "Enable IPv6 for CloudFront
 * distributions"). CloudFront China does not list IPv6 among its features, and AWS's own China deployment
 * guide for Serverless Image Handler says "CloudFront IPv6 is not available" (docs/deploy.md gives the
 * sources); turn it on here when AWS China offers it.
 */
export const VIEWER_IPV6: Readonly<Record<PartitionKind, boolean>> = { global: true, china: false };

/** Cache-Control of HTML, feeds, open data and Pagefind's entry files: browsers revalidate after 5 minutes. */
export const SHORT_CACHE_CONTROL = 'public, max-age=300';
/** Cache-Control of content-hashed files: a year, never revalidated. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Files whose names carry a content hash: Astro's bundles and Pagefind's index chunks. */
export const HASHED_PATHS = ['_astro/*', 'pagefind/*/fragment/*', 'pagefind/*/index/*', 'pagefind/*/filter/*'] as const;
/**
 * The item pages, deployed by a deployment of their own: at a province's size (100,000 items) the site is
 * ~240,000 files, more than one deployment function syncs within Lambda's 15 minutes (docs/deploy.md).
 */
export const ITEM_PAGE_PATHS = ['items/DC-*/index.html'] as const;
/**
 * The site deployments' function: memory (and with it CPU for unpacking and `aws s3 sync`) and /tmp for the
 * site's archive and its unpacked copy (~1.5 GB in ~240,000 files for 100,000 items, three times over with
 * the archive and headroom).
 */
export const DEPLOYMENT_MEMORY_MB = 4096;
export const DEPLOYMENT_STORAGE_GIB = 10;
/** Request headers the API needs from the viewer (everything else is dropped; the body always passes). */
export const API_FORWARDED_HEADERS = ['Content-Type', 'Accept', 'Idempotency-Key', 'CloudFront-Viewer-Address'] as const;
/**
 * The staff API's path: its own behaviour, which also forwards `Authorization` (the staff ID token). CloudFront
 * forwards that header only when it is part of the cache key (never through an origin request policy).
 */
export const STAFF_API_PATH = '/api/staff/*';
/** The staff API's extra header: the bearer token (global regions: in the cache key of its cache policy). */
export const STAFF_API_AUTH_HEADERS = ['Authorization'] as const;
/** Request headers the staff API needs: the API's, and the bearer token. */
export const STAFF_API_FORWARDED_HEADERS = [...API_FORWARDED_HEADERS, ...STAFF_API_AUTH_HEADERS] as const;
/**
 * The Open311 API's path: public read-only answers the API marks `Cache-Control: public, max-age=300`
 * (domain/api/routes.ts `cacheSeconds`), which its behaviour honours up to OPEN311_MAX_TTL, by full query.
 */
export const OPEN311_PATH = '/api/open311/*';
export const OPEN311_MAX_TTL = Duration.minutes(5);
/** The header that tells the API a request came through CloudFront (functions/handlers/runtime.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-ducha-origin';
/** How long CloudFront keeps a "not found" answer. */
export const NOT_FOUND_TTL = Duration.minutes(1);
