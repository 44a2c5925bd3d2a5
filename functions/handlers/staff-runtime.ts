/** Wiring of the staff function (filled in with the staff workflow). */
import { Hono } from 'hono';

export function buildStaffApp() {
  return new Hono();
}
