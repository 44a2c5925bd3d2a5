/**
 * Publishes the files editors put under `content/attachments/` at `/attachments/…` in the built site.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { AstroIntegration } from 'astro';
import { cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../lib/paths.ts';

export default function attachments(): AstroIntegration {
  return {
    name: 'ducha-attachments',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const from = path.join(contentDir(), 'attachments');
        if (existsSync(from)) await cp(from, path.join(fileURLToPath(dir), 'attachments'), { recursive: true });
      },
    },
  };
}
