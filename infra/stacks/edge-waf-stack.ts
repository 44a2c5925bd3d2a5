/**
 * The CLOUDFRONT-scope web ACL, in us-east-1 where CloudFront requires it, for a main stack in another
 * global region. The main stack reads its ARN through CDK's cross-region references (an SSM parameter in
 * us-east-1, read by a small custom resource in the main stack's region).
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Waf } from '../constructs/waf.ts';

export class EdgeWafStack extends Stack {
  public readonly waf: Waf;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    if (this.region !== 'us-east-1') throw new Error('EdgeWafStack: CloudFront web ACLs must be created in us-east-1');
    this.waf = new Waf(this, 'Waf');
  }
}
