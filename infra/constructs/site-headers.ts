/**
 * The response headers policies of both distributions: the site's, and the API's (which keeps the API's
 * own, stricter CSP on its HTML answers). Values from the one definition the local server sends too
 * (domain/security-headers.ts); tests/infra/security-headers.test.ts compares the two.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { HSTS_MAX_AGE_SECONDS, PERMISSIONS_POLICY, REFERRER_POLICY } from '../../domain/security-headers.ts';

const REFERRER = Object.values(cloudfront.HeadersReferrerPolicy).find((p) => p === REFERRER_POLICY)!;

export interface HeadersPolicies {
  readonly site: cloudfront.ResponseHeadersPolicy;
  readonly api: cloudfront.ResponseHeadersPolicy;
}

export function headersPolicies(scope: Construct, csp: string): HeadersPolicies {
  const securityHeadersBehavior = (cspOverride: boolean): cloudfront.ResponseSecurityHeadersBehavior => ({
    contentSecurityPolicy: { contentSecurityPolicy: csp, override: cspOverride },
    strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
    referrerPolicy: { referrerPolicy: REFERRER, override: true },
  });
  const customHeadersBehavior = { customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }] };
  return {
    site: new cloudfront.ResponseHeadersPolicy(scope, 'SiteHeaders', {
      comment: 'Ducha site: HSTS, CSP, nosniff, frame, referrer and permissions policies',
      securityHeadersBehavior: securityHeadersBehavior(true),
      customHeadersBehavior,
    }),
    api: new cloudfront.ResponseHeadersPolicy(scope, 'ApiHeaders', {
      comment: 'Ducha API: the site headers, keeping the API own CSP',
      securityHeadersBehavior: securityHeadersBehavior(false),
      customHeadersBehavior,
    }),
  };
}
