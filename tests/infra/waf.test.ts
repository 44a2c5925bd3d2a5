/**
 * WAF (-c waf=true): a CLOUDFRONT-scope web ACL with a rate-based rule and AWS's common rules, in us-east-1
 * (in the main stack when it is there, otherwise in a stack of its own, referenced across regions).
 * China refuses the flag (config.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, synth, type Synth } from '../helpers/infra.ts';
import { Template } from 'aws-cdk-lib/assertions';

const expectWebAcl = (json: Record<string, any>) => {
  const acls = Object.values(resourcesOfType(json, 'AWS::WAFv2::WebACL'));
  expect(acls).toHaveLength(1);
  const acl = acls[0]!.Properties;
  expect(acl.Scope).toBe('CLOUDFRONT');
  expect(acl.DefaultAction).toEqual({ Allow: {} });
  const rate = acl.Rules.find((r: any) => r.Statement.RateBasedStatement);
  expect(rate.Action).toEqual({ Block: {} });
  expect(rate.Statement.RateBasedStatement).toEqual({ Limit: 1000, AggregateKeyType: 'IP' });
  const common = acl.Rules.find((r: any) => r.Statement.ManagedRuleGroupStatement);
  expect(common.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' });
};

describe('WAF with the main stack in us-east-1', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth({ region: 'us-east-1', waf: 'true' });
  });

  it('puts the web ACL in the main stack and on the distribution', () => {
    expect(s.built.edgeWaf).toBeUndefined();
    expectWebAcl(s.json);
    const aclId = Object.keys(resourcesOfType(s.json, 'AWS::WAFv2::WebACL'))[0]!;
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: { WebACLId: { 'Fn::GetAtt': [aclId, 'Arn'] } } });
  });
});

describe('WAF with the main stack in another global region', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth({ region: 'eu-west-1', waf: 'true' });
  });

  it('creates the web ACL in a us-east-1 stack the main stack depends on', () => {
    const edge = s.built.edgeWaf!;
    expect(edge.region).toBe('us-east-1');
    expect(s.built.main.dependencies).toContain(edge);
    expectWebAcl(Template.fromStack(edge).toJSON());
    expect(resourcesOfType(s.json, 'AWS::WAFv2::WebACL')).toEqual({});
  });

  it('reads the web ACL ARN across regions onto the distribution', () => {
    const distribution = Object.values(resourcesOfType(s.json, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(JSON.stringify(distribution.WebACLId)).toMatch(/ExportsReader/);
  });

  it('still hard-codes no partition', () => {
    expect(JSON.stringify(s.json)).not.toMatch(/arn:aws[a-z-]*:/);
    expect(JSON.stringify(Template.fromStack(s.built.edgeWaf!).toJSON())).not.toMatch(/arn:aws[a-z-]*:/);
  });
});
