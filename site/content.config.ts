/**
 * The content collections. Every collection is read by one loader over `content/` (or DUCHA_CONTENT_DIR),
 * which validates all files together so references between collections are checked; the schemas live in
 * domain/content and are also what `npm run check:content` runs.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { itemSchema, noticeSchema, pageSchema, regionSchema, replySchema, unitSchema, formatProblem } from '../domain/content/index.ts';
import { readContent, type Content } from './lib/content-source.ts';
import { contentDir } from './lib/paths.ts';

let cached: Content | undefined;
/** Collections loaded from `cached`; once all have been, it is let go (a large site's build holds less). */
let loaded = 0;

function ducha(name: 'items' | 'units' | 'regions' | 'notices' | 'pages' | 'replies'): Loader {
  return {
    name: `ducha-${name}`,
    load: async ({ store, renderMarkdown, generateDigest, watcher }) => {
      if (!cached) {
        cached = readContent(contentDir(), undefined, { ledger: false });
        loaded = 0;
      }
      const content = cached;
      if (++loaded === Object.keys(collections).length) cached = undefined;
      if (content.problems.length) {
        throw new Error(content.problems.map(formatProblem).join('\n'));
      }
      const keep = new Set<string>();
      for (const entry of content[name]) {
        keep.add(entry.id);
        const digest = generateDigest({ file: entry.file, data: entry.data as unknown as Record<string, unknown>, body: entry.body });
        if (store.get(entry.id)?.digest === digest) continue;
        store.set({
          id: entry.id,
          data: entry.data as unknown as Record<string, unknown>,
          body: entry.body,
          filePath: entry.file,
          digest,
          // Editors' Markdown only (through the allowlist, integrations/safe-markdown.ts); a reply's body is
          // what a unit wrote, shown as text (components/PlainText.astro), never rendered.
          ...(entry.body && name !== 'replies' ? { rendered: await renderMarkdown(entry.body) } : {}),
        });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      // In `astro dev`, re-read everything when an editor saves a file.
      watcher?.add(contentDir());
      watcher?.on('all', (_event, file) => {
        if (file.startsWith(contentDir())) cached = undefined;
      });
    },
  };
}

export const collections = {
  items: defineCollection({ loader: ducha('items'), schema: itemSchema }),
  units: defineCollection({ loader: ducha('units'), schema: unitSchema }),
  regions: defineCollection({ loader: ducha('regions'), schema: regionSchema }),
  notices: defineCollection({ loader: ducha('notices'), schema: noticeSchema }),
  pages: defineCollection({ loader: ducha('pages'), schema: pageSchema }),
  replies: defineCollection({ loader: ducha('replies'), schema: replySchema }),
};
