/**
 * The distribution in the AWS China regions. CloudFront China serves only on an ICP-registered alternate
 * domain with an IAM-stored certificate, and lacks Origin Access Control and CloudFront Functions (neither
 * resource type exists in the China regions' CloudFormation registry, which aws-cdk-lib's template validator
 * carries) and has rejected CachePolicyId (aws/aws-cdk#13584, #31033). So it is written as a CfnDistribution
 * with legacy cache settings (ForwardedValues and TTLs) and an Origin Access Identity that may only
 * GetObject; clean URLs are served from copies of each `dir/index.html` at `dir/` (site-index-copies.ts).
 * Response headers policies exist in the China registry and carry the same security headers as in global
 * regions. docs/deploy.md lists what differs.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Annotations, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { HeadersPolicies } from './site-headers.ts';
import { API_FORWARDED_HEADERS, NOT_FOUND_TTL, OPEN311_MAX_TTL, OPEN311_PATH, ORIGIN_VERIFY_HEADER, STAFF_API_FORWARDED_HEADERS, STAFF_API_PATH, VIEWER_IPV6 } from './site-settings.ts';

export interface ChinaDistributionProps {
  readonly bucket: s3.IBucket;
  readonly logBucket: s3.IBucket;
  readonly apiDomainName: string;
  readonly originVerify: string;
  /** The ICP-registered host name. */
  readonly domain: string;
  readonly iamCertificateId?: string;
  readonly certificateArn?: string;
  readonly headers: HeadersPolicies;
}

const SITE_ORIGIN = 'site';
const API_ORIGIN = 'api';
const YEAR = 31_536_000;
const DAY = 86_400;

export function chinaDistribution(scope: Construct, props: ChinaDistributionProps): cloudfront.IDistribution {
  const oai = new cloudfront.OriginAccessIdentity(scope, 'OriginAccessIdentity', { comment: 'Ducha site (CloudFront China has no OAC)' });
  // GetObject only (no ListBucket): a missing page is a 403, answered with the 404 page below.
  props.bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [props.bucket.arnForObjects('*')],
      principals: [new iam.CanonicalUserPrincipal(oai.cloudFrontOriginAccessIdentityS3CanonicalUserId)],
    }),
  );

  if (!props.iamCertificateId) {
    Annotations.of(scope).addWarningV2(
      'ducha:china-acm-certificate',
      'CloudFront in the China regions does not support ACM certificates (AWS China documentation): upload the certificate to IAM ' +
        '(aws iam upload-server-certificate --path /cloudfront/ …) and pass -c iamCertificateId=<ServerCertificateId> instead of certificateArn.',
    );
  }

  const distribution = new cloudfront.CfnDistribution(scope, 'Distribution', {
    distributionConfig: {
      enabled: true,
      comment: 'Ducha portal',
      aliases: [props.domain],
      defaultRootObject: 'index.html',
      httpVersion: 'http2',
      ipv6Enabled: VIEWER_IPV6.china,
      viewerCertificate: {
        ...(props.iamCertificateId ? { iamCertificateId: props.iamCertificateId } : { acmCertificateArn: props.certificateArn }),
        sslSupportMethod: 'sni-only',
        minimumProtocolVersion: 'TLSv1.2_2021',
      },
      logging: { bucket: props.logBucket.bucketDomainName, prefix: 'cloudfront/', includeCookies: false },
      origins: [
        {
          id: SITE_ORIGIN,
          domainName: props.bucket.bucketRegionalDomainName,
          s3OriginConfig: { originAccessIdentity: `origin-access-identity/cloudfront/${oai.originAccessIdentityId}` },
        },
        {
          id: API_ORIGIN,
          domainName: props.apiDomainName,
          customOriginConfig: { originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'], httpsPort: 443 },
          originCustomHeaders: [{ headerName: ORIGIN_VERIFY_HEADER, headerValue: props.originVerify }],
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: SITE_ORIGIN,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        // Objects carry their own Cache-Control (short for pages, a year for hashed files).
        forwardedValues: { queryString: false, cookies: { forward: 'none' } },
        minTtl: 0,
        defaultTtl: DAY,
        maxTtl: YEAR,
        responseHeadersPolicyId: props.headers.site.responseHeadersPolicyId,
      },
      // The staff API first (the first matching pattern wins): the same, plus the bearer token.
      // Open311 is cached as the API's Cache-Control says (at most 5 minutes), by the whole query, no headers.
      cacheBehaviors: [
        { pathPattern: STAFF_API_PATH, headers: STAFF_API_FORWARDED_HEADERS, maxTtl: 0 },
        { pathPattern: OPEN311_PATH, headers: [] as string[], maxTtl: OPEN311_MAX_TTL.toSeconds() },
        { pathPattern: '/api/*', headers: API_FORWARDED_HEADERS, maxTtl: 0 },
      ].map(({ pathPattern, headers, maxTtl }) => ({
        pathPattern,
        targetOriginId: API_ORIGIN,
        viewerProtocolPolicy: 'https-only',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        // The API's answers say no-store, so nothing is cached but what may be (Open311, up to its max TTL).
        forwardedValues: { queryString: true, headers: [...headers], cookies: { forward: 'none' } },
        minTtl: 0,
        defaultTtl: 0,
        maxTtl,
        responseHeadersPolicyId: props.headers.api.responseHeadersPolicyId,
      })),
      customErrorResponses: [{ errorCode: 403, responseCode: 404, responsePagePath: '/404.html', errorCachingMinTtl: NOT_FOUND_TTL.toSeconds() }],
    },
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason: 'A public transparency portal: anyone may read it; no geo restriction.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR2',
    reason: 'AWS WAF in the China regions is regional only and cannot be associated with a CloudFront China distribution.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR7',
    reason: 'CloudFront China does not support Origin Access Control; an Origin Access Identity limited to s3:GetObject keeps the bucket private.',
  });

  return cloudfront.Distribution.fromDistributionAttributes(scope, 'DistributionRef', {
    distributionId: distribution.ref,
    domainName: distribution.attrDomainName,
  });
}
