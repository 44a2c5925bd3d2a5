/**
 * Wiring of the staff function in Lambda: tokens verified against the Cognito user pool's key set (cached
 * by jose), the units read from the site's published facts (/data/site-facts.json), notifications
 * through SES (email) and SNS (SMS) when the stack enables them.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { createRemoteJWKSet } from 'jose';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { absolute, urls } from '../../domain/urls.ts';
import { createStaffApp } from '../http/staff-app.ts';
import { createVerifier } from '../staff/auth.ts';
import type { Notifier } from '../staff/notify.ts';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { ContactStore, FeedbackStore } from '../store/feedback-store.ts';
import { tableNamesFromEnv } from '../store/tables.ts';
import { publishedFacts } from '../http/site-facts.ts';
import { siteClock } from './site-clock.ts';

// The service name comes from POWERTOOLS_SERVICE_NAME (ducha-staff), set by the stack.
const logger = new Logger();

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/** SES for email, SNS for SMS, each only when configured; otherwise the message is logged as skipped. */
function awsNotifier(): Notifier {
  const from = process.env.DUCHA_NOTIFY_EMAIL_FROM;
  const sms = process.env.DUCHA_NOTIFY_SMS === 'true';
  const ses = from ? new SESClient({}) : undefined;
  const sns = sms ? new SNSClient({}) : undefined;
  return {
    async send(m) {
      if (m.channel === 'email' && ses && from) {
        await ses.send(new SendEmailCommand({ Source: from, Destination: { ToAddresses: [m.to] }, Message: { Subject: { Data: m.subject, Charset: 'UTF-8' }, Body: { Text: { Data: m.body, Charset: 'UTF-8' } } } }));
      } else if (m.channel === 'sms' && sns) {
        await sns.send(new PublishCommand({ PhoneNumber: `+86${m.to}`, Message: m.body, MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } } }));
      } else {
        logger.info('notification channel not configured', { channel: m.channel, trackingNumber: m.trackingNumber });
      }
    },
  };
}

export function buildStaffApp() {
  const client = createDynamoClient();
  const db = documentClient(client);
  const tables = tableNamesFromEnv(process.env, 'ducha');
  const issuer = required('DUCHA_AUTH_ISSUER');
  const siteUrl = required('DUCHA_SITE_URL').replace(/\/$/, '');
  return createStaffApp({
    feedback: new FeedbackStore(db, tables),
    contacts: new ContactStore(db, tables),
    verify: createVerifier({
      issuer,
      audience: required('DUCHA_AUTH_AUDIENCE'),
      keys: createRemoteJWKSet(new URL(process.env.DUCHA_AUTH_JWKS_URL ?? `${issuer}/.well-known/jwks.json`)),
      // The scheduled export's machine credential (client-credentials grant), when the stack has one.
      ...(process.env.DUCHA_MACHINE_SCOPE && process.env.DUCHA_MACHINE_CLIENTS ? { machine: { scope: process.env.DUCHA_MACHINE_SCOPE, clients: process.env.DUCHA_MACHINE_CLIENTS.split(',') } } : {}),
    }),
    site: publishedFacts(siteUrl),
    clock: siteClock(siteUrl, logger),
    notifier: awsNotifier(),
    lookupUrl: absolute(urls.feedbackStatus, siteUrl),
    consoleConfig: JSON.parse(process.env.DUCHA_CONSOLE_CONFIG ?? '{"mode":"cognito"}') as Record<string, unknown>,
    logger,
  });
}
