/**
 * Lambda entry point of the staff function: the routes domain/api/routes.ts gives the `staff` function —
 * GET /api/staff-config (no sign-in) and /api/staff/* (signed-in supervision-office and unit staff; the JWT
 * is checked by API Gateway and again here). The only function that may read contact details: for the
 * audited reveal, the approval notification and the redacted export (IAM, infra/constructs/api-functions.ts).
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { handle } from 'hono/aws-lambda';
import { buildStaffApp } from './staff-runtime.ts';

export const handler = handle(buildStaffApp());
