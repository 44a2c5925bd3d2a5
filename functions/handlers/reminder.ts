/**
 * Lambda entry point of the daily reminder (催办): invoked by EventBridge at 09:00 China time
 * (infra/constructs/reminders.ts); reads the open submissions and publishes each reminder to the SNS topic
 * DUCHA_REMINDER_TOPIC_ARN, whose subscriptions decide who receives what (docs/deploy.md). Nothing is sent
 * on a day off (the working-day calendar of /data/clock.json). Each unit also gets its digest of its
 * supervision items (domain/items/report-digest.ts) from the published site facts and its reports.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { FeedbackStore } from '../store/feedback-store.ts';
import { ReportStore } from '../store/report-store.ts';
import { tableNamesFromEnv } from '../store/tables.ts';
import { sendDailyReminders, snsMessage, type ReminderChannel } from '../staff/reminders.ts';
import { siteClock } from './site-clock.ts';
import { publishedFacts, unitNameLookup } from '../http/site-facts.ts';

// The service name comes from POWERTOOLS_SERVICE_NAME (ducha-reminder), set by the stack.
const logger = new Logger();
const siteUrl = (process.env.DUCHA_SITE_URL ?? '').replace(/\/$/, '');
const topicArn = process.env.DUCHA_REMINDER_TOPIC_ARN ?? '';
const sns = new SNSClient({});
const feedback = new FeedbackStore(documentClient(createDynamoClient()), tableNamesFromEnv(process.env, 'ducha'));
const facts = publishedFacts(siteUrl);
const unitName = unitNameLookup(facts);
const reports = new ReportStore(feedback.db, feedback.tables);

/** SNS: one publish per reminder, the audience as message attributes for the subscriptions' filters. */
const channel: ReminderChannel = {
  async send(r) {
    await sns.send(new PublishCommand(snsMessage(topicArn, r)));
  },
};

export const handler = async (): Promise<{ sent: number }> => {
  const sent = await sendDailyReminders({ feedback, clock: siteClock(siteUrl, logger), unitName: (id) => unitName(id) ?? id, consoleUrl: `${siteUrl}/staff/`, channel, logger, items: async () => (await facts()).items.values(), reports });
  return { sent: sent.length };
};
