/** One URL per page template of the sample site, chosen from the content so every variant is covered. */
import { loadSample } from '../helpers/sample.ts';
import { urls } from '../../domain/urls.ts';

export function templateUrls(): Record<string, string> {
  const s = loadSample();
  const pick = (f: (i: (typeof s.items)[number]) => boolean, what: string) => {
    const item = s.items.find(f);
    if (!item) throw new Error(`sample has no ${what} item`);
    return `/items/${item.id}/`;
  };
  const unitId = [...s.units.keys()].find((u) => s.items.some((i) => i.leadUnit === u))!;
  const reply = s.replies.find((r) => r.data.itemId);
  const month = [...s.content.ledger.months].sort().at(-1);
  if (!month) throw new Error('sample has no ledger');
  if (!reply) throw new Error('sample has no published reply about an item');
  return {
    home: '/',
    list: '/items/',
    listPage2: '/items/2/',
    facetStatus: '/items/status/in_progress/',
    facetUnit: `/items/unit/${unitId}/`,
    itemOverdue: pick((i) => i.overdue && i.extensions.length > 0, 'overdue extended'),
    itemLate: pick((i) => i.completion === 'late', 'completed late'),
    itemSuspended: pick((i) => i.status === 'suspended', 'suspended'),
    itemAttachments: pick((i) => i.attachments.length > 0, 'with attachments'),
    units: '/units/',
    unit: `/units/${unitId}/`,
    stats: '/stats/',
    feedbackStats: urls.feedbackStats,
    feedbackYear: urls.feedbackStatsYear(month.slice(0, 4)),
    feedbackReport: urls.feedbackReport(month),
    ledger: urls.ledger,
    ledgerMonth: urls.ledgerMonth(month),
    search: '/search/?q=电梯',
    notices: '/notices/',
    notice: `/notices/${s.notices[0]!.id}/`,
    about: '/about/',
    privacy: '/privacy/',
    accessibility: '/accessibility/',
    data: '/data/',
    feedback: '/feedback/',
    feedbackForItem: `/feedback/?item=${s.items[0]!.id}`,
    feedbackStatus: '/feedback/status/',
    replies: '/replies/',
    repliesByUnit: `/replies/unit/${reply.data.unit}/`,
    reply: `/replies/${reply.id}/`,
    itemWithReplies: `/items/${reply.data.itemId}/`,
    staff: '/staff/',
    notFound: '/no-such-page/',
  };
}
