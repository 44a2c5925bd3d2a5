/**
 * Clean URLs without edge functions (China): after each deployment, copy every `dir/index.html` whose copy
 * is missing or differs (ETag) to the object key `dir/`, remove copies whose page is gone, and invalidate the
 * distribution (site-index-copies/index.js). The copies are excluded from BucketDeployment's pruning.
 */
import { CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, Duration, Size, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import path from 'node:path';

const RESOURCE_TYPE = 'Custom::DuchaSiteIndexCopies';

export interface SiteIndexCopiesProps {
  readonly bucket: s3.IBucket;
  readonly distribution: cloudfront.IDistribution;
  /** Cache-Control of the copies (the pages' own). */
  readonly cacheControl: string;
  /** Changes whenever the site changes, so the copies are renewed on every deployment of new content. */
  readonly version: string;
}

export class SiteIndexCopies extends Construct {
  constructor(scope: Construct, id: string, props: SiteIndexCopiesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const provider = CustomResourceProvider.getOrCreateProvider(this, RESOURCE_TYPE, {
      codeDirectory: path.join(import.meta.dirname, 'site-index-copies'),
      runtime: CustomResourceProviderRuntime.NODEJS_24_X,
      // ~120,000 pages at a province's size: listing and the first deployment's copies take minutes.
      timeout: Duration.minutes(15),
      memorySize: Size.mebibytes(1024),
      description: 'Ducha: copy dir/index.html to dir/ for clean URLs (CloudFront China has no edge functions)',
      policyStatements: [
        { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: props.bucket.bucketArn },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: props.bucket.arnForObjects('*') },
        {
          Effect: 'Allow',
          Action: ['cloudfront:CreateInvalidation'],
          Resource: stack.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: props.distribution.distributionId }),
        },
      ],
    });
    new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: RESOURCE_TYPE,
      properties: {
        BucketName: props.bucket.bucketName,
        DistributionId: props.distribution.distributionId,
        CacheControl: props.cacheControl,
        Version: props.version,
      },
    });
    const bucketId = stack.getLogicalId(props.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(provider).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason: 'The index-copies provider reads pages and writes and deletes their copies anywhere in the site bucket, and only there.',
    });
  }
}
