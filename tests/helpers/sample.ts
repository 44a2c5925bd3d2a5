/**
 * The sample content as tests expect to see it: read with the same validator the build uses, with the
 * derived facts computed as of TEST_AS_OF. Tests compare pages against this, never against literals.
 */
import path from 'node:path';
import { readContent } from '../../site/lib/content-source.ts';
import { completion, effectiveDeadline, isOverdue } from '../../domain/items/derived.ts';
import { root, TEST_AS_OF } from './paths.ts';

export function loadSample(contentDir = path.join(root, 'content')) {
  const content = readContent(contentDir, path.dirname(contentDir));
  if (content.problems.length) throw new Error(`sample content invalid: ${content.problems.length} problems`);
  const units = new Map(content.units.map((u) => [u.id, u.data]));
  const regions = new Map(content.regions.map((r) => [r.id, r.data]));
  const items = content.items.map((e) => ({
    ...e.data,
    body: e.body,
    year: e.data.assignedOn.slice(0, 4),
    overdue: isOverdue(e.data, TEST_AS_OF),
    effectiveDeadline: effectiveDeadline(e.data),
    completion: completion(e.data),
    leadName: units.get(e.data.leadUnit)!.name,
    regionName: regions.get(e.data.region)!.name,
  }));
  return { content, items, units, regions, notices: content.notices, pages: content.pages, replies: content.replies };
}

export type SampleItem = ReturnType<typeof loadSample>['items'][number];
