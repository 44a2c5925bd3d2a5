/**
 * Lambda entry point of the public feedback function: GET /api/health, GET /api/challenge, POST /api/feedback.
 * It may write submissions and contact details, never read contacts (IAM, infra/).
 */
import { handle } from 'hono/aws-lambda';
import { buildApp } from './runtime.ts';

export const handler = handle(buildApp());
