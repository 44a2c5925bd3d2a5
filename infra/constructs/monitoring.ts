/**
 * Monitoring: alarms that mean a citizen could not get through — API 5xx rate, Lambda errors and throttles,
 * DynamoDB throttles — all to one encrypted SNS topic.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface MonitoringProps {
  readonly httpApi: apigw.IHttpApi;
  readonly functions: readonly lambda.IFunction[];
  readonly tables: readonly dynamodb.ITable[];
  /**
   * Alarm when more than this percentage of API requests fail with 5xx over 5 minutes.
   * @default 5
   */
  readonly serverErrorRatePercent?: number;
  /**
   * Ignore the 5xx rate below this many requests in 5 minutes (a single failure out of three is noise).
   * @default 20
   */
  readonly minimumRequests?: number;
  /**
   * Subscribed to the alarm topic.
   * @default - no subscription (subscribe after deploying)
   */
  readonly alarmEmail?: string;
}

const PERIOD = Duration.minutes(5);

export class Monitoring extends Construct {
  public readonly topic: sns.Topic;
  public readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Ducha: encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch publishes alarm notifications to the encrypted topic.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Ducha alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const alarms: cloudwatch.Alarm[] = [];
    const add = (alarmId: string, alarmProps: cloudwatch.AlarmProps) => {
      const alarm = new cloudwatch.Alarm(this, alarmId, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...alarmProps });
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      alarm.addOkAction(new actions.SnsAction(this.topic));
      alarms.push(alarm);
    };

    const minimum = props.minimumRequests ?? 20;
    const serverErrorRate = new cloudwatch.MathExpression({
      label: 'API 5xx rate (%)',
      expression: `IF(requests >= ${minimum}, 100 * errors / requests, 0)`,
      usingMetrics: {
        errors: props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
        requests: props.httpApi.metricCount({ period: PERIOD, statistic: 'Sum' }),
      },
      period: PERIOD,
    });
    add('ApiServerErrorRate', {
      alarmDescription: 'More than the allowed share of API requests failed with a 5xx answer.',
      metric: serverErrorRate,
      threshold: props.serverErrorRatePercent ?? 5,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });

    props.functions.forEach((fn, i) => {
      const name = fn.node.id || `Function${i}`;
      add(`${name}Errors`, {
        alarmDescription: `Function ${name} threw or timed out.`,
        metric: fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
      add(`${name}Throttles`, {
        alarmDescription: `Function ${name} was throttled (concurrency exhausted).`,
        metric: fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    });

    props.tables.forEach((table, i) => {
      const name = table.node.id || `Table${i}`;
      add(`${name}TableThrottles`, {
        alarmDescription: `Table ${name} throttled reads or writes.`,
        metric: new cloudwatch.MathExpression({
          label: `${name} throttle events`,
          expression: 'reads + writes',
          usingMetrics: {
            reads: table.metric('ReadThrottleEvents', { period: PERIOD, statistic: 'Sum' }),
            writes: table.metric('WriteThrottleEvents', { period: PERIOD, statistic: 'Sum' }),
          },
          period: PERIOD,
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    });
    this.alarms = alarms;
  }
}
