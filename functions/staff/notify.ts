/**
 * Telling a citizen that a reply is ready, by email and/or SMS, with nothing but the tracking number and
 * where to look (no name, no reply text). In AWS through SES and SNS; locally a JSON file per message in
 * .data/outbox/, which is what a developer (and the tests) can read.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Contact } from '../../domain/feedback/schema.ts';
import { notification } from '../../domain/labels/zh-CN.ts';

export interface OutgoingMessage {
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly trackingNumber: string;
}

export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

/** The messages for one approved reply, one per contact channel the citizen left. */
export function replyReadyMessages(trackingNumber: string, contact: Contact | undefined, lookupUrl: string): OutgoingMessage[] {
  if (!contact) return [];
  const subject = notification.subject(trackingNumber);
  const body = notification.body(trackingNumber, lookupUrl);
  const out: OutgoingMessage[] = [];
  if (contact.email) out.push({ channel: 'email', to: contact.email, subject, body, trackingNumber });
  // Landlines cannot take an SMS.
  if (contact.phone && /^1\d{10}$/.test(contact.phone)) out.push({ channel: 'sms', to: contact.phone, subject, body, trackingNumber });
  return out;
}

/** Local: one JSON file per message under `dir`. */
export function outboxNotifier(dir: string): Notifier {
  let n = 0;
  return {
    async send(message) {
      mkdirSync(dir, { recursive: true });
      n += 1;
      writeFileSync(path.join(dir, `${Date.now()}-${n}-${message.trackingNumber}-${message.channel}.json`), JSON.stringify(message, null, 2));
    },
  };
}
