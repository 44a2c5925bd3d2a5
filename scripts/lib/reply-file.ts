/**
 * The file `npm run replies:export` writes for one approved reply, content/replies/<tracking-number>.md:
 * the facts and the citizen's question as YAML data, the reply as the body. Both are text the site shows as
 * text (site/components/PlainText.astro); nothing here is ever markup.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import yaml from 'js-yaml';
import type { ExportedReply } from '../../domain/api/staff.ts';
import { chinaDate } from '../../domain/dates.ts';

export function replyFile(r: ExportedReply): string {
  const front = {
    trackingNumber: r.trackingNumber,
    title: r.title,
    kind: r.kind,
    unit: r.unit,
    submittedOn: chinaDate(new Date(r.submittedAt)),
    repliedOn: chinaDate(new Date(r.repliedAt)),
    ...(r.itemId ? { itemId: r.itemId } : {}),
    question: r.question,
  };
  return `---\n${yaml.dump(front, { lineWidth: -1, schema: yaml.CORE_SCHEMA })}---\n${r.reply}\n`;
}
