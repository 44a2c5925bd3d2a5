/**
 * The main stack, for a global and a China-region synth: data protection, the functions and the HTTP API,
 * the least-privilege boundaries of all three functions, alarms, the partition, and cdk-nag. Expectations
 * come from the shared definitions (tables.ts, api-functions.ts), not from hard-coded names. The staff
 * sign-in, authorizer and notifications are in staff.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { TABLES, type TableKey } from '../../functions/store/tables.ts';
import { ANSWER_DEADLINE_MS } from '../../domain/api/routes.ts';
import { API_FUNCTIONS, FEEDBACK_FUNCTION, LOOKUP_FUNCTION, STAFF_FUNCTION } from '../../infra/constructs/api-functions.ts';
import {
  actionsOf,
  functionByService,
  referencedIds,
  resourcesOfType,
  statementsOfFunction,
  synth,
  tableLogicalIds,
  VARIANT_NAMES,
  VARIANTS,
  type Synth,
} from '../helpers/infra.ts';

/** Every DynamoDB action that reveals data (as opposed to writing it). */
const DYNAMODB_READS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:PartiQLSelect',
  'dynamodb:ExecuteStatement',
  'dynamodb:BatchExecuteStatement',
  'dynamodb:ExportTableToPointInTime',
  'dynamodb:RestoreTableToPointInTime',
];

describe.each(VARIANT_NAMES)('main stack (%s)', (variant) => {
  let s: Synth;
  let tables: Record<TableKey, string>;
  beforeAll(() => {
    s = synth(VARIANTS[variant]);
    tables = tableLogicalIds(s.json);
  });

  describe('cdk-nag and the partition', () => {
    it('has no unacknowledged cdk-nag AwsSolutions finding (synth would have thrown) and no validation report', () => {
      expect(s.validationReport).toBeUndefined();
    });

    it('every acknowledgement names a rule and gives a specific reason', () => {
      const acks: { id: string; reason: string }[] = [];
      const walk = (construct: typeof s.built.main.node.children[number]) => {
        for (const entry of construct.node.metadata) {
          if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          // Stored as { "Annotation::<rule id>": reason } (cdk-nag reads it the same way).
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) acks.push({ id: id.replace(/^annotation::/i, ''), reason });
        }
        construct.node.children.forEach(walk);
      };
      walk(s.built.main);
      // (aws-cdk-lib acknowledges some CloudFormation-Validate rules of its own constructs; those are not ours.)
      const ours = acks.filter((a) => !a.id.startsWith('CloudFormation-Validate::'));
      expect(ours.length).toBeGreaterThan(0);
      for (const ack of ours) {
        expect(ack.id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
        expect(ack.reason.length).toBeGreaterThan(40);
      }
    });

    it('never hard-codes a partition', () => {
      expect(JSON.stringify(s.json)).not.toMatch(/arn:aws[a-z-]*:/);
    });

    it('deploys to the region the context names', () => {
      expect(s.built.main.region).toBe(VARIANTS[variant].region);
      expect(s.config.partition).toBe(variant);
    });
  });

  describe('Data', () => {
    it('builds exactly the tables of tables.ts, with their keys, indexes and TTL', () => {
      const defined = Object.keys(TABLES) as TableKey[];
      expect(Object.keys(resourcesOfType(s.json, 'AWS::DynamoDB::Table'))).toHaveLength(defined.length);
      for (const name of defined) {
        const def = TABLES[name];
        const table = s.json.Resources[tables[name]];
        expect(table.Type).toBe('AWS::DynamoDB::Table');
        expect(table.Properties.KeySchema).toEqual([
          { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
          ...('sortKey' in def ? [{ AttributeName: def.sortKey.name, KeyType: 'RANGE' }] : []),
        ]);
        expect((table.Properties.GlobalSecondaryIndexes ?? []).map((i: { IndexName: string }) => i.IndexName)).toEqual(def.globalIndexes.map((i) => i.indexName));
        expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: def.ttlAttribute, Enabled: true });
      }
    });

    it('is on demand, with point-in-time recovery and deletion protection, and retained', () => {
      for (const id of Object.values(tables)) {
        const table = s.json.Resources[id];
        expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
        expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
        expect(table.Properties.DeletionProtectionEnabled).toBe(true);
        expect(table.DeletionPolicy).toBe('Retain');
        expect(table.UpdateReplacePolicy).toBe('Retain');
      }
    });

    it('encrypts every table with one customer-managed KMS key that rotates and is retained', () => {
      const keys = resourcesOfType(s.json, 'AWS::KMS::Key');
      const keyIds = new Set<string>();
      for (const id of Object.values(tables)) {
        const sse = s.json.Resources[id].Properties.SSESpecification;
        expect(sse).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
        keyIds.add([...referencedIds(sse.KMSMasterKeyId)][0]!);
      }
      expect(keyIds.size).toBe(1);
      const key = keys[[...keyIds][0]!]!;
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    });
  });

  describe('Api', () => {
    it('runs every function on Node.js 24 on ARM, bundled as ESM', () => {
      const fns = API_FUNCTIONS.map((spec) => s.json.Resources[functionByService(s.json, spec.serviceName)]);
      // The API's functions and the daily reminder (reminders.test.ts), all built by the Api construct.
      expect(Object.keys(resourcesOfType(s.json, 'AWS::Lambda::Function')).filter((id) => id.startsWith('Api'))).toHaveLength(API_FUNCTIONS.length + 1);
      for (const fn of fns) {
        expect(fn.Properties.Runtime).toBe('nodejs24.x');
        expect(fn.Properties.Architectures).toEqual(['arm64']);
        expect(fn.Properties.Handler).toBe('index.handler');
        // Longer than the API's own answer deadline, so a slow store gets the API's 503, not a Lambda timeout.
        expect(fn.Properties.Timeout * 1000).toBeGreaterThan(ANSWER_DEADLINE_MS);
      }
    });

    it("gives each function its Powertools environment, secret, the site's address (its published facts) and only the table names it may use", () => {
      for (const spec of API_FUNCTIONS) {
        const vars = s.json.Resources[functionByService(s.json, spec.serviceName)].Properties.Environment.Variables;
        expect(vars).toMatchObject({ POWERTOOLS_SERVICE_NAME: spec.serviceName, POWERTOOLS_METRICS_NAMESPACE: 'Ducha', POWERTOOLS_LOG_LEVEL: 'INFO' });
        expect(vars.DUCHA_SITE_URL).toBeDefined();
        expect(vars).not.toHaveProperty('DUCHA_REGION_IDS');
        expect(referencedIds(vars.DUCHA_SECRET_ARN).size).toBe(1);
        const given = (Object.keys(TABLES) as TableKey[]).filter((name) => TABLES[name].envVar in vars);
        expect(given.sort()).toEqual(Object.keys(spec.tableAccess).sort());
      }
    });

    it('keeps function logs for a bounded time', () => {
      for (const spec of API_FUNCTIONS) {
        const fn = s.json.Resources[functionByService(s.json, spec.serviceName)];
        const group = s.json.Resources[fn.Properties.LoggingConfig.LogGroup.Ref];
        expect(group.Type).toBe('AWS::Logs::LogGroup');
        expect(group.Properties.RetentionInDays).toBe(90);
      }
    });

    it('generates the secret the functions read: altchaHmacKey, pepper and originVerify, each random', () => {
      const secrets = resourcesOfType(s.json, 'AWS::SecretsManager::Secret');
      const combined = Object.values(secrets).find((x) => x.Properties.SecretString);
      expect(combined).toBeDefined();
      const parts = Object.values(secrets).filter((x) => x.Properties.GenerateSecretString);
      expect(parts).toHaveLength(3);
      for (const part of parts) expect(part.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
      for (const secret of Object.values(secrets)) expect(secret.DeletionPolicy).toBe('Retain');
      const text = JSON.stringify(combined!.Properties.SecretString);
      for (const key of ['altchaHmacKey', 'pepper', 'originVerify']) expect(text).toContain(key);
    });

    it('throttles the HTTP API stage and writes access logs without addresses', () => {
      s.template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
      s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
      const stages = Object.values(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Stage'));
      expect(stages).toHaveLength(1);
      const stage = stages[0]!.Properties;
      expect(stage.StageName).toBe('$default');
      expect(stage.AutoDeploy).toBe(true);
      expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
      const format = JSON.parse(stage.AccessLogSettings.Format);
      expect(format.requestId).toBe('$context.requestId');
      expect(JSON.stringify(format)).not.toMatch(/sourceIp|identity/);
      const group = s.json.Resources[[...referencedIds(stage.AccessLogSettings.DestinationArn)][0]!];
      expect(group.Properties.RetentionInDays).toBe(90);
    });

    it('routes each path of the API to the function that owns it', () => {
      const routes = Object.values(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Route'));
      const integrations = resourcesOfType(s.json, 'AWS::ApiGatewayV2::Integration');
      const expected = API_FUNCTIONS.flatMap((spec) => spec.routes.map((r) => [`${r.method} ${r.path}`, functionByService(s.json, spec.serviceName)]));
      expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(expected.map(([key]) => key).sort());
      for (const [key, fnId] of expected) {
        const route = routes.find((r) => r.Properties.RouteKey === key)!;
        const integrationId = JSON.stringify(route.Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
        const integration = integrations[integrationId]!.Properties;
        expect(integration.IntegrationType).toBe('AWS_PROXY');
        expect(integration.PayloadFormatVersion).toBe('2.0');
        expect(referencedIds(integration.IntegrationUri)).toContain(fnId);
      }
    });
  });

  describe('least privilege', () => {
    const tableArnsIn = (statement: { Resource: unknown }) => {
      const ids = referencedIds(statement.Resource);
      return (Object.keys(tables) as TableKey[]).filter((name) => ids.has(tables[name]));
    };

    it('nobody gets a wildcard action on data', () => {
      for (const policy of Object.values(resourcesOfType(s.json, 'AWS::IAM::Policy'))) {
        for (const st of policy.Properties.PolicyDocument.Statement) {
          for (const action of actionsOf(st)) {
            expect(action).not.toBe('*');
            expect(action).not.toMatch(/^dynamodb:\*|^dynamodb:.*\*$|^kms:\*$/);
          }
        }
      }
    });

    it('the public function may write contacts but has no read of any kind on them', () => {
      const statements = statementsOfFunction(s.json, functionByService(s.json, FEEDBACK_FUNCTION.serviceName));
      const onContacts = statements.filter((st) => tableArnsIn(st).includes('contacts'));
      expect(onContacts.length).toBeGreaterThan(0);
      const actions = onContacts.flatMap(actionsOf);
      expect(actions).toEqual(['dynamodb:PutItem']);
      for (const read of DYNAMODB_READS) expect(actions).not.toContain(read);
    });

    it('the lookup function has nothing at all on contacts, and no contacts table name', () => {
      const fnId = functionByService(s.json, LOOKUP_FUNCTION.serviceName);
      for (const st of statementsOfFunction(s.json, fnId)) expect(tableArnsIn(st)).not.toContain('contacts');
      expect(s.json.Resources[fnId].Properties.Environment.Variables).not.toHaveProperty(TABLES.contacts.envVar);
    });

    it('the lookup function may append events and update submissions (satisfaction), conditionally, but never delete', () => {
      const statements = statementsOfFunction(s.json, functionByService(s.json, LOOKUP_FUNCTION.serviceName));
      const onFeedback = statements.filter((st) => tableArnsIn(st).includes('feedback')).flatMap(actionsOf);
      expect(onFeedback).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      expect(onFeedback).not.toContain('dynamodb:DeleteItem');
    });

    it('the staff function is the only principal in the stack that may read contacts, and only with GetItem', () => {
      const staffRole = s.json.Resources[functionByService(s.json, STAFF_FUNCTION.serviceName)].Properties.Role['Fn::GetAtt'][0];
      const readers = new Set<string>();
      for (const policy of Object.values(resourcesOfType(s.json, 'AWS::IAM::Policy'))) {
        for (const st of policy.Properties.PolicyDocument.Statement) {
          if (!referencedIds(st.Resource).has(tables.contacts)) continue;
          const reads = actionsOf(st).filter((a) => DYNAMODB_READS.includes(a));
          if (reads.length === 0) continue;
          expect(reads).toEqual(['dynamodb:GetItem']);
          for (const role of policy.Properties.Roles) readers.add(role.Ref);
        }
      }
      expect([...readers]).toEqual([staffRole]);
      const onContacts = statementsOfFunction(s.json, functionByService(s.json, STAFF_FUNCTION.serviceName)).filter((st) => tableArnsIn(st).includes('contacts'));
      expect(onContacts.flatMap(actionsOf)).toEqual(['dynamodb:GetItem']);
    });

    it('the staff function reads the queue index, writes submissions and events, never deletes, and has no guard table', () => {
      const fnId = functionByService(s.json, STAFF_FUNCTION.serviceName);
      const statements = statementsOfFunction(s.json, fnId);
      const onFeedback = statements.filter((st) => tableArnsIn(st).includes('feedback') && !JSON.stringify(st.Resource).includes('/index/')).flatMap(actionsOf);
      expect(onFeedback.sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
      const onIndex = statements.filter((st) => JSON.stringify(st.Resource).includes('/index/'));
      expect(onIndex.flatMap(actionsOf)).toEqual(['dynamodb:Query']);
      expect(JSON.stringify(onIndex.map((st) => st.Resource))).toContain('/index/queue');
      for (const st of statements) expect(tableArnsIn(st)).not.toContain('guard');
      expect(s.json.Resources[fnId].Properties.Environment.Variables).not.toHaveProperty(TABLES.guard.envVar);
    });

    it('each function gets exactly the table and index actions its spec lists', () => {
      for (const spec of API_FUNCTIONS) {
        const statements = statementsOfFunction(s.json, functionByService(s.json, spec.serviceName)).filter((st) => actionsOf(st).some((a) => a.startsWith('dynamodb:')));
        const granted: Record<string, string[]> = {};
        const indexes: Record<string, string[]> = {};
        for (const st of statements) {
          const names = tableArnsIn(st);
          expect(names).toHaveLength(1);
          const text = JSON.stringify(st.Resource);
          if (text.includes('/index/')) {
            expect(actionsOf(st)).toEqual(['dynamodb:Query']);
            (indexes[names[0]!] ??= []).push(...[...text.matchAll(/\/index\/([A-Za-z0-9_.-]+)/g)].map((m) => m[1]!));
          } else {
            (granted[names[0]!] ??= []).push(...actionsOf(st));
          }
        }
        const expected = Object.fromEntries(Object.entries(spec.tableAccess).map(([name, actions]) => [name, actions!.map((a) => `dynamodb:${a}`)]));
        expect(granted).toEqual(expected);
        expect(indexes).toEqual(spec.indexAccess ?? {});
      }
    });

    it('no function may delete a submission or an event', () => {
      for (const spec of API_FUNCTIONS) {
        const statements = statementsOfFunction(s.json, functionByService(s.json, spec.serviceName));
        for (const st of statements.filter((x) => tableArnsIn(x).includes('feedback'))) expect(actionsOf(st)).not.toContain('dynamodb:DeleteItem');
      }
    });
  });

  describe('Monitoring', () => {
    const alarms = () => Object.values(resourcesOfType(s.json, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const topicId = () => Object.entries(resourcesOfType(s.json, 'AWS::SNS::Topic')).find(([, t]) => t.Properties.DisplayName === 'Ducha alarms')![0];

    it('sends every alarm to one encrypted SNS topic', () => {
      const topic = s.json.Resources[topicId()];
      expect(topic.Properties.KmsMasterKeyId).toBeDefined();
      expect(alarms().length).toBeGreaterThan(0);
      for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topicId() }]);
    });

    it('alarms on the API 5xx rate', () => {
      const rate = alarms().find((a) => (a.Metrics ?? []).some((m: { Expression?: string }) => m.Expression?.includes('errors / requests')));
      expect(rate).toBeDefined();
      const metricNames = rate!.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName).sort();
      expect(metricNames).toEqual(['5xx', 'Count']);
      expect(rate!.Threshold).toBe(5);
    });

    it('alarms on errors and throttles of every function, the staff function included', () => {
      for (const spec of API_FUNCTIONS) {
        const fnId = functionByService(s.json, spec.serviceName);
        for (const metric of ['Errors', 'Throttles']) {
          const hit = alarms().find((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === metric && referencedIds(a.Dimensions).has(fnId));
          expect(hit, `${spec.id} ${metric}`).toBeDefined();
        }
      }
    });

    it('alarms on read and write throttles of every table', () => {
      for (const id of Object.values(tables)) {
        const hit = alarms().find((a) => (a.Metrics ?? []).some((m: any) => m.MetricStat?.Metric.MetricName === 'WriteThrottleEvents' && referencedIds(m.MetricStat.Metric.Dimensions).has(id)));
        expect(hit).toBeDefined();
        expect(JSON.stringify(hit!.Metrics)).toContain('ReadThrottleEvents');
      }
    });
  });

  it('outputs the site URL and the API URL', () => {
    s.template.hasOutput('SiteUrl', {});
    s.template.hasOutput('ApiUrl', {});
    if (variant === 'china') s.template.hasOutput('SiteUrl', { Value: `https://${VARIANTS.china.domain}/` });
    s.template.hasOutput('ApiUrl', { Value: Match.anyValue() });
  });
});
