/**
 * 立项督办's draft of a new supervision item, as stored with the submissions it comes from (the workflow in
 * promotion.ts). Types only, imported by the event and record types without a cycle.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
/** What the reviewer chose for the new item. */
export interface ItemDraftInput {
  readonly title: string;
  readonly category: string;
  readonly region: string;
  readonly leadUnit: string;
  readonly supportUnits?: readonly string[];
  readonly deadline: string;
}

/** The stored draft: the choice, the submissions it comes from (the first is its key), who made it when. */
export interface ItemDraft extends ItemDraftInput {
  readonly supportUnits: readonly string[];
  readonly trackingNumbers: readonly string[];
  readonly by: string;
  readonly at: string;
}
