/**
 * Lambda entry point of the lookup function: POST /api/feedback/lookup. It reads submissions and their
 * events and counts failed lookups; it has no access to contact details at all (IAM, infra/).
 */
import { handle } from 'hono/aws-lambda';
import { buildApp } from './runtime.ts';

export const handler = handle(buildApp());
