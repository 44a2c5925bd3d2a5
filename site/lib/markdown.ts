/**
 * Editors' Markdown (item descriptions, notices, standing pages) to HTML, with the processor Astro
 * itself uses for Markdown (`@astrojs/markdown-satteri`, Astro's default, with the project's options: no
 * syntax highlighting) and the allowlist (site/integrations/safe-markdown.ts). Pages render a body when they are built instead of Astro's content layer holding every
 * body's HTML for the whole build (site/lib/portal.ts).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { withAllowlist } from '../integrations/safe-markdown.ts';

let renderer: ReturnType<ReturnType<typeof satteri>['createRenderer']> | undefined;

export async function renderMarkdown(body: string): Promise<string> {
  renderer ??= withAllowlist(satteri()).createRenderer({ syntaxHighlight: false });
  const { code } = await (await renderer).render(body, { frontmatter: {} });
  return code;
}
