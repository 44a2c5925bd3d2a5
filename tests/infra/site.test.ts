/**
 * The Site construct for a global and a China-region synth: private bucket, origin access (OAC / OAI), the
 * /api/* behaviour, caching, the 404 page, security headers computed from the built pages, deployment and
 * logs. Expectations come from the fixture site and the shared settings modules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inlineHashes } from '../../infra/lib/security-headers.ts';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS, PERMISSIONS_POLICY } from '../../domain/security-headers.ts';
import { API_FORWARDED_HEADERS, DEPLOYMENT_MEMORY_MB, DEPLOYMENT_STORAGE_GIB, HASHED_PATHS, IMMUTABLE_CACHE_CONTROL, ITEM_PAGE_PATHS, OPEN311_MAX_TTL, OPEN311_PATH, ORIGIN_VERIFY_HEADER, SHORT_CACHE_CONTROL, VIEWER_IPV6 } from '../../infra/constructs/site-settings.ts';
import { API_ROUTES } from '../../domain/api/routes.ts';
import { staffTokenOrigin } from '../../infra/constructs/staff-auth.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { FIXTURE_SITE, referencedIds, resourcesOfType, synth, VARIANT_NAMES, VARIANTS, type Synth } from '../helpers/infra.ts';

describe('the CSP computed from the built pages', () => {
  it('takes the union of every page’s script and style hashes', () => {
    const hashes = inlineHashes(FIXTURE_SITE);
    expect(hashes.scripts).toEqual([
      'sha256-AAAAfixtureHashOne1111111111111111111111111A=',
      'sha256-BBBBfixtureHashTwo2222222222222222222222222B=',
      'sha256-CCCCfixtureHashThree33333333333333333333333C=',
    ]);
    expect(hashes.styles).toEqual(['sha256-SSSSfixtureStyle333333333333333333333333333S=']);
  });

  it('allows what the site needs and nothing else', () => {
    const csp = contentSecurityPolicy(inlineHashes(FIXTURE_SITE));
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': `'self' 'wasm-unsafe-eval' ${inlineHashes(FIXTURE_SITE).scripts.map((h) => `'${h}'`).join(' ')}`,
      'style-src': `'self' 'sha256-SSSSfixtureStyle333333333333333333333333333S='`,
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'object-src': "'none'",
    });
  });

  it('adds the staff sign-in token endpoint’s origin to connect-src, and nothing else', () => {
    const hashes = inlineHashes(FIXTURE_SITE);
    const csp = contentSecurityPolicy(hashes, ['https://ducha-prod.auth.us-east-1.amazoncognito.com']);
    expect(csp).toBe(contentSecurityPolicy(hashes).replace("connect-src 'self'", "connect-src 'self' https://ducha-prod.auth.us-east-1.amazoncognito.com"));
  });
});

describe.each(VARIANT_NAMES)('site (%s)', (variant) => {
  let s: Synth;
  let distribution: any;
  let siteBucketId: string;
  let logBucketId: string;
  beforeAll(() => {
    s = synth(VARIANTS[variant]);
    distribution = Object.values(resourcesOfType(s.json, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    const buckets = resourcesOfType(s.json, 'AWS::S3::Bucket');
    logBucketId = Object.entries(buckets).find(([, b]) => b.Properties.LifecycleConfiguration)![0];
    siteBucketId = Object.entries(buckets).find(([, b]) => b.Properties.LoggingConfiguration)![0];
  });

  const siteOrigin = () => distribution.Origins.find((o: any) => referencedIds(o.DomainName).has(siteBucketId));
  const apiOrigin = () => distribution.Origins.find((o: any) => o.CustomOriginConfig);
  const apiBehavior = () => distribution.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
  const policy = (type: string, id: unknown) => s.json.Resources[[...referencedIds(id)][0]!];

  it('answers viewers over IPv6 wherever the partition offers it (global: yes; CloudFront China: not yet)', () => {
    expect(distribution.IPV6Enabled).toBe(VIEWER_IPV6[s.config.partition]);
    expect(distribution.IPV6Enabled).toBe(variant === 'global');
  });

  it('keeps the bucket private: public access blocked, TLS only, logged', () => {
    const bucket = s.json.Resources[siteBucketId];
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logBucketId });
    const policies = Object.values(resourcesOfType(s.json, 'AWS::S3::BucketPolicy')).filter((p) => referencedIds(p.Properties.Bucket).has(siteBucketId));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements.some((st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
  });

  if (variant === 'global') {
    it('reads the bucket through Origin Access Control, GetObject only', () => {
      const oacs = resourcesOfType(s.json, 'AWS::CloudFront::OriginAccessControl');
      expect(Object.keys(oacs)).toHaveLength(1);
      expect(Object.values(oacs)[0]!.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
      expect(referencedIds(siteOrigin().OriginAccessControlId)).toContain(Object.keys(oacs)[0]);
      const allow = Object.values(resourcesOfType(s.json, 'AWS::S3::BucketPolicy'))
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((st: any) => st.Principal?.Service === 'cloudfront.amazonaws.com');
      expect(allow).toHaveLength(1);
      expect(allow[0].Action).toBe('s3:GetObject');
    });
  } else {
    it('reads the bucket through an Origin Access Identity (CloudFront China has no OAC), GetObject only', () => {
      s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
      const oais = resourcesOfType(s.json, 'AWS::CloudFront::CloudFrontOriginAccessIdentity');
      expect(Object.keys(oais)).toHaveLength(1);
      expect(JSON.stringify(siteOrigin().S3OriginConfig.OriginAccessIdentity)).toContain(Object.keys(oais)[0]);
      const allow = Object.values(resourcesOfType(s.json, 'AWS::S3::BucketPolicy'))
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((st: any) => st.Principal?.CanonicalUser);
      expect(allow).toHaveLength(1);
      expect(allow[0].Action).toBe('s3:GetObject');
    });

    it('serves only on the ICP-registered domain with an IAM certificate, and uses no CloudFront Functions', () => {
      expect(distribution.Aliases).toEqual([VARIANTS.china.domain]);
      expect(distribution.ViewerCertificate).toEqual({ IamCertificateId: VARIANTS.china.iamCertificateId, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
      s.template.resourceCountIs('AWS::CloudFront::Function', 0);
      expect(JSON.stringify(distribution)).not.toContain('CachePolicyId');
    });

    it('copies only the pages whose copy is missing or differs, and removes copies of pages that are gone', () => {
      // The handler is CommonJS for Lambda's runtime (this package is ESM): load it as Lambda does.
      const exports: { plan?: (o: Map<string, string>) => { copy: [string, string][]; stale: string[] } } = {};
      new Function('exports', 'require', readFileSync(path.join(import.meta.dirname, '../../infra/constructs/site-index-copies/index.js'), 'utf8'))(exports, () => ({}));
      const plan = exports.plan!;
      const listing = new Map([
        ['index.html', '"r"'],
        ['items/DC-1/index.html', '"a"'],
        ['items/DC-1/', '"a"'],
        ['items/DC-2/index.html', '"b2"'],
        ['items/DC-2/', '"b1"'],
        ['items/DC-3/index.html', '"c"'],
        ['items/DC-9/', '"z"'],
        ['_astro/x.css', '"s"'],
      ]);
      const { copy, stale } = plan(listing);
      expect(copy).toEqual([['items/DC-2/', 'items/DC-2/index.html'], ['items/DC-3/', 'items/DC-3/index.html']]);
      expect(stale).toEqual(['items/DC-9/']);
    });

    it('serves clean URLs from index copies made after each deployment', () => {
      const copies = Object.values(s.json.Resources as Record<string, any>).filter((r) => r.Type === 'Custom::DuchaSiteIndexCopies');
      expect(copies).toHaveLength(1);
      expect(copies[0].Properties.CacheControl).toBe(SHORT_CACHE_CONTROL);
      expect(referencedIds(copies[0].Properties.BucketName)).toContain(siteBucketId);
    });
  }

  it('routes /api/* to the HTTP API over HTTPS with the origin secret header, never cached', () => {
    const origin = apiOrigin();
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(origin.DomainName)).toContain('execute-api');
    const header = origin.OriginCustomHeaders.find((h: any) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    expect(JSON.stringify(header.HeaderValue)).toContain('resolve:secretsmanager');
    const behavior = apiBehavior();
    expect(behavior.TargetOriginId).toBe(origin.Id);
    expect(behavior.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'HEAD', 'OPTIONS']));
    expect(behavior.ViewerProtocolPolicy).toBe('https-only');
    if (variant === 'global') {
      // The managed CachingDisabled policy.
      expect(behavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
      const request = policy('AWS::CloudFront::OriginRequestPolicy', behavior.OriginRequestPolicyId).Properties.OriginRequestPolicyConfig;
      expect(request.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: [...API_FORWARDED_HEADERS] });
      expect(request.CookiesConfig).toEqual({ CookieBehavior: 'none' });
      expect(request.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
    } else {
      expect(behavior).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 0 });
      expect(behavior.ForwardedValues).toEqual({ QueryString: true, Headers: [...API_FORWARDED_HEADERS], Cookies: { Forward: 'none' } });
    }
    expect(API_FORWARDED_HEADERS).toEqual(expect.arrayContaining(['Content-Type', 'Accept', 'Idempotency-Key', 'CloudFront-Viewer-Address']));
  });

  it('caches Open311 answers at the edge as the API says, at most 5 minutes, keyed by the whole query, before /api/*', () => {
    const patterns = distribution.CacheBehaviors.map((b: any) => b.PathPattern);
    expect(patterns.indexOf(OPEN311_PATH)).toBeLessThan(patterns.indexOf('/api/*'));
    const behavior = distribution.CacheBehaviors.find((b: any) => b.PathPattern === OPEN311_PATH);
    expect(behavior.TargetOriginId).toBe(apiOrigin().Id);
    expect(API_ROUTES.open311Requests.cacheSeconds).toBe(OPEN311_MAX_TTL.toSeconds());
    if (variant === 'global') {
      const cache = policy('AWS::CloudFront::CachePolicy', behavior.CachePolicyId).Properties.CachePolicyConfig;
      expect(cache).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: OPEN311_MAX_TTL.toSeconds() });
      expect(cache.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
      expect(cache.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({ HeaderBehavior: 'none' });
    } else {
      expect(behavior).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: OPEN311_MAX_TTL.toSeconds() });
      expect(behavior.ForwardedValues).toEqual({ QueryString: true, Headers: [], Cookies: { Forward: 'none' } });
    }
  });

  it('answers a missing page with the site 404 page and status 404', () => {
    expect(distribution.CustomErrorResponses).toEqual([{ ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 }]);
    expect(distribution.DefaultRootObject).toBe('index.html');
  });

  it('redirects the site to HTTPS and honours each object’s Cache-Control', () => {
    const site = distribution.DefaultCacheBehavior;
    expect(site.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(site.Compress).toBe(true);
    if (variant === 'global') {
      const cache = policy('AWS::CloudFront::CachePolicy', site.CachePolicyId).Properties.CachePolicyConfig;
      expect(cache).toMatchObject({ MinTTL: 0, DefaultTTL: 86_400, MaxTTL: 31_536_000 });
      expect(cache.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
      const fn = s.json.Resources[[...referencedIds(site.FunctionAssociations[0].FunctionARN)][0]!];
      expect(site.FunctionAssociations[0].EventType).toBe('viewer-request');
      expect(fn.Properties.FunctionCode).toContain("'index.html'");
    } else {
      expect(site).toMatchObject({ MinTTL: 0, DefaultTTL: 86_400, MaxTTL: 31_536_000 });
      expect(site.ForwardedValues).toEqual({ QueryString: false, Cookies: { Forward: 'none' } });
    }
  });

  it('sends HSTS, the computed CSP, nosniff, DENY framing, referrer and permissions policies', () => {
    const csp = contentSecurityPolicy(inlineHashes(FIXTURE_SITE), [staffTokenOrigin(s.config)]);
    const sitePolicy = policy('AWS::CloudFront::ResponseHeadersPolicy', distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).Properties.ResponseHeadersPolicyConfig;
    expect(sitePolicy.SecurityHeadersConfig).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    expect(sitePolicy.CustomHeadersConfig.Items).toEqual([{ Header: 'Permissions-Policy', Value: PERMISSIONS_POLICY, Override: true }]);
    // The API's HTML answers keep their own stricter CSP; every other header is the same.
    const apiPolicy = policy('AWS::CloudFront::ResponseHeadersPolicy', apiBehavior().ResponseHeadersPolicyId).Properties.ResponseHeadersPolicyConfig;
    expect(apiPolicy.SecurityHeadersConfig.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: csp, Override: false });
    expect({ ...apiPolicy.SecurityHeadersConfig, ContentSecurityPolicy: undefined }).toEqual({ ...sitePolicy.SecurityHeadersConfig, ContentSecurityPolicy: undefined });
  });

  it('sends on pages exactly the security headers the local server sends (one definition)', async () => {
    const sitePolicy = policy('AWS::CloudFront::ResponseHeadersPolicy', distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).Properties.ResponseHeadersPolicyConfig;
    const sec = sitePolicy.SecurityHeadersConfig;
    const cloudFront = {
      'content-security-policy': sec.ContentSecurityPolicy.ContentSecurityPolicy,
      'strict-transport-security': `max-age=${sec.StrictTransportSecurity.AccessControlMaxAgeSec}${sec.StrictTransportSecurity.IncludeSubdomains ? '; includeSubDomains' : ''}`,
      'x-content-type-options': sec.ContentTypeOptions ? 'nosniff' : undefined,
      'x-frame-options': sec.FrameOptions.FrameOption,
      'referrer-policy': sec.ReferrerPolicy.ReferrerPolicy,
      ...Object.fromEntries(sitePolicy.CustomHeadersConfig.Items.map((h: { Header: string; Value: string }) => [h.Header.toLowerCase(), h.Value])),
    };
    const local = await startLocalServer({ distDir: FIXTURE_SITE, port: 0, connectSources: [staffTokenOrigin(s.config)] });
    try {
      for (const page of ['/', '/items/dc-1/', '/no-such-page/']) {
        const res = await fetch(`${local.url}${page}`);
        await res.arrayBuffer();
        const sent = Object.fromEntries(Object.keys(cloudFront).map((name) => [name, res.headers.get(name) ?? undefined]));
        expect(sent, page).toEqual(cloudFront);
      }
    } finally {
      await local.close();
    }
  });

  it('deploys exactly the built folder in three parts: hashed files for a year, item pages and the rest briefly, each pruned, then invalidated', () => {
    const deployments = Object.entries(s.json.Resources as Record<string, any>).filter(([, r]) => r.Type === 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(3);
    const props = (pred: (p: any) => boolean) => deployments.find(([, d]) => pred(d.Properties))!;
    const [hashedId, { Properties: hashed }] = props((p) => p.Include?.some((i: string) => HASHED_PATHS.includes(i as never)));
    const [itemsId, { Properties: items }] = props((p) => p.Include?.some((i: string) => ITEM_PAGE_PATHS.includes(i as never)));
    const [, pagesResource] = props((p) => !p.Include);
    const pages = pagesResource.Properties;
    for (const d of [hashed, items, pages]) {
      expect(d.Prune).toBe(true);
      expect(referencedIds(d.DestinationBucketName)).toContain(siteBucketId);
      expect(d.SourceObjectKeys).toEqual(hashed.SourceObjectKeys);
    }
    expect(hashed.Include).toEqual([...HASHED_PATHS]);
    expect(hashed.Exclude).toEqual(['*']);
    expect(hashed.SystemMetadata).toEqual({ 'cache-control': IMMUTABLE_CACHE_CONTROL });
    expect(items.Include).toEqual([...ITEM_PAGE_PATHS]);
    expect(items.SystemMetadata).toEqual({ 'cache-control': SHORT_CACHE_CONTROL });
    expect(pages.Exclude).toEqual(expect.arrayContaining([...HASHED_PATHS, ...ITEM_PAGE_PATHS]));
    expect(pages.SystemMetadata).toEqual({ 'cache-control': SHORT_CACHE_CONTROL });
    // One invalidation, by wildcard (one path, whatever the number of files), once the other parts are there.
    expect(hashed.DistributionPaths).toBeUndefined();
    expect(items.DistributionPaths).toBeUndefined();
    if (variant === 'global') expect(pages.DistributionPaths).toEqual(['/*']);
    else expect(pages.DistributionPaths).toBeUndefined(); // the index-copies resource invalidates after copying
    expect(pagesResource.DependsOn).toEqual(expect.arrayContaining([hashedId, itemsId]));
  });

  it('gives the deployment function the memory and /tmp for a province-sized site (~1.5 GB in ~240,000 files)', () => {
    // CDK's deployment handler: the one function with the AWS CLI layer.
    const deployers = Object.values(resourcesOfType(s.json, 'AWS::Lambda::Function')).filter((f) => f.Properties.Layers);
    expect(deployers).toHaveLength(1);
    for (const f of deployers) {
      expect(f.Properties.MemorySize).toBe(DEPLOYMENT_MEMORY_MB);
      expect(f.Properties.EphemeralStorage).toEqual({ Size: DEPLOYMENT_STORAGE_GIB * 1024 });
      expect(f.Properties.Timeout).toBe(900);
    }
  });

  it('logs CloudFront and S3 access to a private log bucket that expires logs', () => {
    const logs = s.json.Resources[logBucketId].Properties;
    expect(logs.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    expect(logs.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 90, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]);
    expect(referencedIds(distribution.Logging.Bucket)).toContain(logBucketId);
  });
});

describe('site with a custom domain (global)', () => {
  it('uses the ACM certificate with TLS 1.2 (2021) and the domain in the outputs', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';
    const s = synth({ domain: 'ducha.example.org', certificateArn: arn });
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['ducha.example.org'],
        ViewerCertificate: { AcmCertificateArn: arn, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
      },
    });
    s.template.hasOutput('SiteUrl', { Value: 'https://ducha.example.org/' });
  });
});
