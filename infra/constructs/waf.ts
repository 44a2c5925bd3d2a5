/**
 * Waf: a CLOUDFRONT-scope web ACL for the distribution — a per-address rate limit and AWS's managed common
 * rule set. CloudFront web ACLs must be created in us-east-1 (the stack decides where this construct goes);
 * the China regions have regional WAF only, which can protect neither CloudFront China nor an HTTP API, so
 * there is no web ACL there (infra/config.ts refuses -c waf=true, docs/deploy.md explains).
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WafProps {
  /**
   * Requests one address may make in 5 minutes before it is blocked for a while.
   * @default 1000
   */
  readonly rateLimitPer5Minutes?: number;
  /**
   * Let the common rules block request bodies over 8 KB (SizeRestrictions_BODY). Off by default: the API
   * limits bodies itself and answers with a clear message in Chinese; WAF's block would be a bare 403.
   * @default false
   */
  readonly blockLargeBodies?: boolean;
}

export class Waf extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WafProps = {}) {
    super(scope, id);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Ducha: per-address rate limit and AWS managed common rules',
      visibilityConfig: visibility('ducha-web-acl'),
      rules: [
        {
          name: 'rate-limit-per-address',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes ?? 1000, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('ducha-rate-limit'),
        },
        {
          name: 'aws-common-rules',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ...(props.blockLargeBodies ? {} : { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }),
            },
          },
          visibilityConfig: visibility('ducha-common-rules'),
        },
      ],
    });
  }

  get arn(): string {
    return this.webAcl.attrArn;
  }
}
