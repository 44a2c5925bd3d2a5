/**
 * Site: the built site in a private S3 bucket behind CloudFront, with `/api/*` routed through the same
 * distribution to the HTTP API (same origin, so no CORS). Global regions get a Distribution with Origin
 * Access Control, cache, origin request and response headers policies. CloudFront China supports none of
 * those (no OAC, no CachePolicyId — aws/aws-cdk#13584, #31033), so there the distribution is written with
 * legacy cache settings, an Origin Access Identity and CloudFront Functions for the headers
 * (site-china.ts). Both deploy the same folder the same way and send the same security headers.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { DefaultStackSynthesizer, Duration, Fn, RemovalPolicy, Size, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { PartitionKind } from '../config.ts';
import { contentSecurityPolicy } from '../../domain/security-headers.ts';
import { CSP_MAX_LENGTH, INDEX_REWRITE_CODE, inlineHashes } from '../lib/security-headers.ts';
import { headersPolicies } from './site-headers.ts';
import { SiteIndexCopies } from './site-index-copies.ts';
import { chinaDistribution } from './site-china.ts';
import {
  API_FORWARDED_HEADERS,
  DEPLOYMENT_MEMORY_MB,
  DEPLOYMENT_STORAGE_GIB,
  HASHED_PATHS,
  IMMUTABLE_CACHE_CONTROL,
  ITEM_PAGE_PATHS,
  NOT_FOUND_TTL,
  ORIGIN_VERIFY_HEADER,
  SHORT_CACHE_CONTROL,
  STAFF_API_AUTH_HEADERS,
  STAFF_API_PATH,
  OPEN311_PATH,
  OPEN311_MAX_TTL,
  VIEWER_IPV6,
} from './site-settings.ts';

export interface SiteProps {
  /** The built site: a folder with index.html and 404.html (`npm run build` writes dist/). */
  readonly assetPath: string;
  /** Global CloudFront or CloudFront China. */
  readonly partition: PartitionKind;
  /** The API's host name (`<id>.execute-api.<region>.<suffix>`). */
  readonly apiDomainName: string;
  /** Sent to the API in `x-ducha-origin`, so it can trust CloudFront-Viewer-Address. */
  readonly originVerify: string;
  /**
   * The public host name. Required in China (an ICP-registered alternate domain).
   * @default - the distribution's own *.cloudfront.net name (global only)
   */
  readonly domain?: string;
  /**
   * ACM certificate ARN for `domain` (global: in us-east-1).
   * @default - none
   */
  readonly certificateArn?: string;
  /**
   * IAM server certificate ID for `domain` (China).
   * @default - none
   */
  readonly iamCertificateId?: string;
  /**
   * A CLOUDFRONT-scope web ACL (global only).
   * @default - no web ACL
   */
  readonly webAclArn?: string;
  /**
   * Days that CloudFront and S3 access logs are kept.
   * @default 90
   */
  readonly logRetentionDays?: number;
  /**
   * Origins besides the site that pages may fetch from (CSP connect-src): the staff sign-in's token endpoint.
   * @default - none
   */
  readonly connectSources?: readonly string[];
}

export class Site extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly logBucket: s3.Bucket;
  public readonly distribution: cloudfront.IDistribution;
  /** The site's URL (https://domain/ or https://<id>.cloudfront.net/). */
  public readonly url: string;
  /** The Content-Security-Policy header value, computed from the site's pages. */
  public readonly contentSecurityPolicy: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    assertBuiltSite(props.assetPath);
    if (props.partition === 'china' && !props.domain) throw new Error('Site: CloudFront China needs an ICP-registered domain');
    if (props.partition === 'china' && props.webAclArn) throw new Error('Site: CloudFront China has no WAF integration');

    this.contentSecurityPolicy = contentSecurityPolicy(inlineHashes(props.assetPath), props.connectSources);
    if (this.contentSecurityPolicy.length > CSP_MAX_LENGTH) {
      throw new Error(
        `Site: the Content-Security-Policy is ${this.contentSecurityPolicy.length} characters, over CloudFront's limit of ${CSP_MAX_LENGTH}. ` +
          'Too many distinct inline scripts or styles in the built pages: move them into files.',
      );
    }

    this.logBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [
        { id: 'expire-logs', expiration: Duration.days(props.logRetentionDays ?? 90), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging its own access would log the logging.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
      // Rebuilt from git on every deploy; kept on stack deletion so a mistake does not take the site down.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.partition === 'global') {
      this.distribution = this.globalDistribution(props);
    } else {
      const headers = headersPolicies(this, this.contentSecurityPolicy);
      this.distribution = chinaDistribution(this, { ...props, domain: props.domain!, bucket: this.bucket, logBucket: this.logBucket, headers });
    }
    this.url = `https://${props.domain ?? this.distribution.distributionDomainName}/`;

    // Three deployments, so that each syncs its part within Lambda's 15 minutes at a province's size: hashed
    // files (a year), item pages and everything else (short), the last one after the others and with the one
    // wildcard invalidation. Each prunes only its own files (the others' are excluded from its sync).
    const source = s3deploy.Source.asset(props.assetPath);
    const common = {
      sources: [source],
      destinationBucket: this.bucket,
      prune: true,
      memoryLimit: DEPLOYMENT_MEMORY_MB,
      ephemeralStorageSize: Size.gibibytes(DEPLOYMENT_STORAGE_GIB),
    };
    const hashed = new s3deploy.BucketDeployment(this, 'DeployHashed', {
      ...common,
      exclude: ['*'],
      include: [...HASHED_PATHS],
      cacheControl: [s3deploy.CacheControl.fromString(IMMUTABLE_CACHE_CONTROL)],
    });
    const china = props.partition === 'china';
    // In China the `dir/` copies of `dir/index.html` are the index-copies resource's, not to be pruned.
    const copiesExcluded = china ? ['*/'] : [];
    const itemPages = new s3deploy.BucketDeployment(this, 'DeployItemPages', {
      ...common,
      exclude: ['*', ...copiesExcluded],
      include: [...ITEM_PAGE_PATHS],
      cacheControl: [s3deploy.CacheControl.fromString(SHORT_CACHE_CONTROL)],
    });
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      ...common,
      exclude: [...HASHED_PATHS, ...ITEM_PAGE_PATHS, ...copiesExcluded],
      cacheControl: [s3deploy.CacheControl.fromString(SHORT_CACHE_CONTROL)],
      ...(china ? {} : { distribution: this.distribution, distributionPaths: ['/*'] }),
    });
    if (china) {
      const copies = new SiteIndexCopies(this, 'IndexCopies', {
        bucket: this.bucket,
        distribution: this.distribution,
        cacheControl: SHORT_CACHE_CONTROL,
        version: Fn.join(',', [Fn.join(',', pages.objectKeys), Fn.join(',', itemPages.objectKeys)]),
      });
      copies.node.addDependency(pages, itemPages);
    }
    pages.node.addDependency(hashed, itemPages);
    acknowledgeDeploymentHandler(hashed, this.bucket);
  }

  private globalDistribution(props: SiteProps): cloudfront.Distribution {
    const rewrite = new cloudfront.Function(this, 'IndexRewrite', {
      comment: 'Clean URLs to index.html',
      code: cloudfront.FunctionCode.fromInline(INDEX_REWRITE_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const { site: siteHeaders, api: apiHeaders } = headersPolicies(this, this.contentSecurityPolicy);
    const siteCache = new cloudfront.CachePolicy(this, 'SiteCache', {
      comment: 'Ducha site: honour the Cache-Control of each object',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    });
    const apiRequest = new cloudfront.OriginRequestPolicy(this, 'ApiRequest', {
      comment: 'Ducha API: the headers it reads and the viewer address',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_FORWARDED_HEADERS),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    });
    // CloudFront forwards Authorization only as part of the cache key. The staff API's answers are not cached
    // (no default TTL; the API sends no-store), and at most for a second, only to the same bearer token.
    const staffCache = new cloudfront.CachePolicy(this, 'StaffApiCache', {
      comment: 'Ducha staff API: forward the bearer token (in the cache key), effectively no caching',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList(...STAFF_API_AUTH_HEADERS),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    });
    // Open311: the API's own Cache-Control (5 minutes) decides, every query string in the key, no headers.
    const open311Cache = new cloudfront.CachePolicy(this, 'Open311Cache', {
      comment: 'Ducha Open311: honour the API’s Cache-Control (at most 5 minutes), keyed by the whole query',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: OPEN311_MAX_TTL,
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    });
    const apiOrigin = new origins.HttpOrigin(props.apiDomainName, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify },
    });

    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Ducha portal',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: VIEWER_IPV6.global,
      ...(props.domain && props.certificateArn
        ? {
            domainNames: [props.domain],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: siteCache,
        responseHeadersPolicy: siteHeaders,
        compress: true,
        functionAssociations: [{ function: rewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // First: CloudFront takes the first behaviour whose pattern matches.
        [STAFF_API_PATH]: {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: staffCache,
          originRequestPolicy: apiRequest,
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
        [OPEN311_PATH]: {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: open311Cache,
          originRequestPolicy: apiRequest,
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: apiRequest,
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
      },
      // CloudFront may read objects but not list the bucket, so a missing page is a 403 from S3: answer it
      // with the site's 404 page. (Error pages apply to the whole distribution; the API never answers 403.)
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: NOT_FOUND_TTL }],
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'A public transparency portal: citizens abroad (and researchers, journalists) may read it; no geo restriction.',
    });
    if (!props.webAclArn) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: 'WAF is optional (-c waf=true): the API has its own per-viewer rate limits, proof of work and stage throttling; the site is static.',
      });
    }
    if (!props.domain) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without -c domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; production stages set a domain and TLSv1.2_2021.',
      });
    }
    return distribution;
  }
}

/**
 * BucketDeployment's handler is CDK's own singleton function (one per stack, shared by both deployments):
 * its role, runtime and policy are CDK's, not ours to narrow.
 */
function acknowledgeDeploymentHandler(deployment: s3deploy.BucketDeployment, bucket: s3.Bucket): void {
  const handler = deployment.handlerRole.node.scope!;
  const stack = Stack.of(deployment);
  const bucketId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
  const assets = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-${stack.region}/*`;
  const why = 'CDK BucketDeployment handler (aws-cdk-lib singleton): ';
  const acks: [string, string][] = [
    ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'writes its own logs with the basic execution role CDK attaches.'],
    ['AwsSolutions-IAM5[Action::s3:GetObject*]', 'reads the site archive from the CDK asset bucket.'],
    ['AwsSolutions-IAM5[Action::s3:GetBucket*]', 'reads bucket attributes to sync.'],
    ['AwsSolutions-IAM5[Action::s3:List*]', 'lists the site bucket to prune files the build no longer has.'],
    ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', 'prunes files the build no longer has from the site bucket.'],
    ['AwsSolutions-IAM5[Action::s3:Abort*]', 'aborts failed multipart uploads to the site bucket.'],
    [`AwsSolutions-IAM5[Resource::${assets}]`, 'reads only the CDK asset bucket of this account and region.'],
    [`AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`, 'writes only the objects of the site bucket.'],
    ['AwsSolutions-IAM5[Resource::*]', 'creates CloudFront invalidations, which IAM cannot scope to one distribution ARN in every partition.'],
    ['AwsSolutions-L1', 'its Python runtime is chosen and updated by aws-cdk-lib, not by this app.'],
  ];
  for (const [id, reason] of acks) Validations.of(handler).acknowledge({ id, reason: why + reason });
}

/** Fail early, with the fix, when the site has not been built. */
function assertBuiltSite(assetPath: string): void {
  const ok = existsSync(assetPath) && statSync(assetPath).isDirectory() && existsSync(`${assetPath}/index.html`) && existsSync(`${assetPath}/404.html`);
  if (!ok) {
    throw new Error(
      `站点尚未构建：${assetPath} 中没有 index.html 和 404.html。请先运行 npm run build。\n` +
        `The site is not built: ${assetPath} has no index.html and 404.html. Run \`npm run build\` first.`,
    );
  }
}
