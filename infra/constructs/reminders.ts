/**
 * The daily reminder (催办): an EventBridge rule at 09:00 China time (01:00 UTC — China keeps no daylight
 * saving time, so the UTC cron is exact in every partition; EventBridge Scheduler's time zones are not
 * needed) invokes the reminder function, which reads the open submissions (the queue and deadline indexes,
 * nothing else) and publishes each unit's and the reviewers' reminder to an encrypted SNS topic. Who gets
 * them is the topic's subscriptions, filtered on the `audience` and `unit` message attributes — mailboxes,
 * an SMS gateway or the office's own messaging (docs/deploy.md, also for China). Its role: its log group,
 * Query on the two indexes, decrypt with the table key, publish to this topic only.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { Api } from './api.ts';
import { REMINDER_FUNCTION } from './api-functions.ts';

/** 09:00 in Asia/Shanghai (UTC+8, no DST) as EventBridge's UTC cron. */
export const REMINDER_SCHEDULE = { minute: '0', hour: '1' } as const;

export interface RemindersProps {
  readonly api: Api;
  /** The site's URL (https://…/): unit names and the clock from its data, console links. */
  readonly siteUrl: string;
}

export class Reminders extends Construct {
  public readonly topic: sns.Topic;
  public readonly function: NodejsFunction;
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    const key = new kms.Key(this, 'TopicKey', { description: 'Ducha: encrypts the reminder topic', enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Ducha 催办', masterKey: key, enforceSSL: true });
    // Exactly these actions (grantPublish would add kms:GenerateDataKey*): publish to this topic, with its key.
    const statements = [
      new iam.PolicyStatement({ sid: 'PublishReminders', actions: ['sns:Publish'], resources: [this.topic.topicArn] }),
      new iam.PolicyStatement({ sid: 'ReminderTopicKey', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }),
    ];
    this.function = props.api.addFunction(REMINDER_FUNCTION, {
      secret: false,
      statements,
      environment: { DUCHA_SITE_URL: props.siteUrl, DUCHA_REMINDER_TOPIC_ARN: this.topic.topicArn },
    });
    this.rule = new events.Rule(this, 'Daily', {
      description: 'Ducha: the daily reminder at 09:00 China time',
      schedule: events.Schedule.cron(REMINDER_SCHEDULE),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });
  }
}
