/**
 * Lambda entry point of the lookup function: the routes domain/api/routes.ts gives the `lookup` function
 * (a citizen's lookup and rating). It reads submissions and their events, appends the rating event and
 * counts failed lookups; it has no access to contact details at all (IAM, infra/constructs/api-functions.ts).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { handle } from 'hono/aws-lambda';
import { buildApp } from './runtime.ts';

export const handler = handle(buildApp());
