/**
 * Lambda entry point of the public feedback function: the routes domain/api/routes.ts gives the `feedback`
 * function (health, proof-of-work challenges, submissions). It may write submissions and contact details,
 * never read contacts (IAM, infra/constructs/api-functions.ts). Wiring only: runtime.ts.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { handle } from 'hono/aws-lambda';
import { buildApp } from './runtime.ts';

export const handler = handle(buildApp());
