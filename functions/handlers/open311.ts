/**
 * Lambda entry point of the Open311 function: the routes domain/api/routes.ts gives the `open311` function
 * (the ledger, read only, as GeoReport v2). It reads submission records by key and the queue index; it can
 * write nothing and has no access to contact details (IAM, infra/constructs/api-functions.ts).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { handle } from 'hono/aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { createOpen311App } from '../http/open311-app.ts';
import { createDynamoClient, documentClient } from '../store/client.ts';
import { FeedbackStore } from '../store/feedback-store.ts';
import { tableNamesFromEnv } from '../store/tables.ts';
import { siteClock } from './site-clock.ts';
import { publishedFacts, unitNameLookup } from '../http/site-facts.ts';

// The service name comes from POWERTOOLS_SERVICE_NAME (ducha-open311), set by the stack.
const logger = new Logger();
const siteUrl = process.env.DUCHA_SITE_URL ?? '';

export const handler = handle(
  createOpen311App({
    feedback: new FeedbackStore(documentClient(createDynamoClient()), tableNamesFromEnv(process.env, 'ducha')),
    unitName: unitNameLookup(publishedFacts(siteUrl)),
    clock: siteClock(siteUrl, logger),
    logger,
  }),
);
