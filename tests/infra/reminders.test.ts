/**
 * The daily reminder in the CDK app, for a global and a China-region synth: the schedule (09:00 China time,
 * every day; the function itself skips days off), its target, the encrypted topic it publishes to, and a
 * least-privilege role — its log group, Query on the two indexes it reads, the table key to decrypt, publish
 * to its own topic with that topic's key; no table reads or writes, no secret, no contacts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_FUNCTION } from '../../infra/constructs/api-functions.ts';
import { actionsOf, functionByService, referencedIds, resourcesOfType, statementsOfFunction, synth, tableLogicalIds, VARIANT_NAMES, VARIANTS, type Synth } from '../helpers/infra.ts';

describe.each(VARIANT_NAMES)('the daily reminder (%s)', (variant) => {
  let s: Synth;
  let fnId: string;
  beforeAll(() => {
    s = synth(VARIANTS[variant]);
    fnId = functionByService(s.json, REMINDER_FUNCTION.serviceName);
  });
  const rule = () => Object.values(resourcesOfType(s.json, 'AWS::Events::Rule')).find((r) => r.Properties.Targets.some((t: any) => t.Arn['Fn::GetAtt']?.[0] === fnId))!;
  const topicId = () => Object.entries(resourcesOfType(s.json, 'AWS::SNS::Topic')).find(([, t]) => t.Properties.DisplayName !== 'Ducha alarms')![0];

  it('runs at 09:00 China time (01:00 UTC) every day', () => {
    expect(rule().Properties.ScheduleExpression).toBe('cron(0 1 * * ? *)');
    expect(rule().Properties.State ?? 'ENABLED').toBe('ENABLED');
  });

  it('invokes the reminder function, retrying twice, and only EventBridge may invoke it', () => {
    expect(rule().Properties.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } })]);
    const permissions = Object.values(resourcesOfType(s.json, 'AWS::Lambda::Permission')).filter((p) => p.Properties.FunctionName['Fn::GetAtt']?.[0] === fnId);
    expect(permissions.map((p) => p.Properties.Principal)).toEqual(['events.amazonaws.com']);
  });

  it('publishes to an encrypted topic that refuses plain HTTP', () => {
    const topic = s.json.Resources[topicId()];
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const policy = Object.values(resourcesOfType(s.json, 'AWS::SNS::TopicPolicy')).find((p) => referencedIds(p.Properties.Topics).has(topicId()))!;
    expect(policy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]));
    expect(s.json.Resources[fnId].Properties.Environment.Variables.DUCHA_REMINDER_TOPIC_ARN).toEqual({ Ref: topicId() });
  });

  it('has a least-privilege role: Query on the two indexes, the table key to decrypt, publish to its topic, logs', () => {
    const tables = tableLogicalIds(s.json);
    const statements = statementsOfFunction(s.json, fnId);
    const all = statements.flatMap(actionsOf).sort();
    expect(all).toEqual(['dynamodb:Query', 'kms:Decrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey', 'logs:CreateLogStream', 'logs:PutLogEvents', 'sns:Publish'].sort());
    for (const st of statements) expect(st.Effect).toBe('Allow');
    const query = statements.find((st) => actionsOf(st).includes('dynamodb:Query'))!;
    const resources = JSON.stringify(query.Resource);
    for (const index of REMINDER_FUNCTION.indexAccess!.feedback!) expect(resources).toContain(`/index/${index}`);
    expect(referencedIds(query.Resource)).toEqual(new Set([tables.feedback]));
    expect(referencedIds(statements.find((st) => actionsOf(st).includes('sns:Publish'))!.Resource)).toEqual(new Set([topicId()]));
    // No secret, and never the contacts table.
    expect(s.json.Resources[fnId].Properties.Environment.Variables.DUCHA_SECRET_ARN).toBeUndefined();
    for (const st of statements) expect(referencedIds(st.Resource).has(tables.contacts)).toBe(false);
  });
});
