/**
 * Lambda entry point of the lookup function: POST /api/feedback/lookup. It reads submissions and their
 * events and counts failed lookups; it has no access to contact details at all (IAM, infra/).
 */
import { handle } from 'hono/aws-lambda';
import { buildApp } from './runtime.ts';

const app = await buildApp();
export const handler = handle(app);
