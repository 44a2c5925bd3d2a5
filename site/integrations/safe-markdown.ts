/**
 * Editors' Markdown (items, notices, standing pages) becomes HTML only through an allowlist: headings,
 * paragraphs, lists, tables, quotes, emphasis and code; links to http(s), mailto or relative targets; images
 * from the site's own /attachments/. Raw HTML in Markdown is parsed (Sätteri's `rawHtml`) and then
 * sanitized with hast-util-sanitize — the engine of rehype-sanitize, on the tree of Astro's default Markdown
 * processor — so a `<script>`, `<meta http-equiv="refresh">`, `<iframe>`, `<form>`, an event attribute, a
 * `style`, a `javascript:` or `data:` link is dropped while the text around it stays. Nothing else a person
 * typed (citizens, staff, exported replies) is ever rendered as Markdown.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import type { AstroIntegration } from 'astro';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

type Root = Parameters<typeof sanitize>[0];

/** The allowlist. Everything not named here is unwrapped (its text kept) or, for `strip`, removed whole. */
export const MARKDOWN_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'b', 'i', 'del', 's', 'sup', 'sub', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img'],
  attributes: {
    a: ['href', 'title'],
    img: [['src', /^\/attachments\/[^?#]+$/], 'alt', 'title'],
    ol: ['start'],
    th: [['align', 'left', 'center', 'right']],
    td: [['align', 'left', 'center', 'right']],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  required: {},
  strip: ['script', 'style', 'template', 'textarea', 'title', 'noscript', 'svg', 'math', 'iframe', 'object'],
};

/** Sätteri's HAST plugin shape (Astro's default processor), as much of it as this uses. */
interface HastPlugin {
  readonly name: string;
  after(root: Readonly<Root>, ctx: { replaceNode(node: unknown, replacement: unknown): void }): void;
}

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[]; value?: string };

/** An image whose source the allowlist refused (not one of the site's attachments) becomes its alt text. */
function dropRefusedImages(node: Node): Node {
  if (node.type === 'element' && node.tagName === 'img' && !node.properties?.src) return { type: 'text', value: String(node.properties?.alt ?? '') };
  return node.children ? { ...node, children: node.children.map(dropRefusedImages) } : node;
}

/** Replace the whole tree with its sanitized copy, once the other plugins have run. */
export const sanitizePlugin: HastPlugin = {
  name: 'ducha-sanitize',
  after(root, ctx) {
    // The tree is Sätteri's view of its native document; sanitize works on a plain copy.
    ctx.replaceNode(root, dropRefusedImages(sanitize(JSON.parse(JSON.stringify(root)) as Root, MARKDOWN_SCHEMA) as Node));
  },
};

type Processor = { name: string; options: { features: { rawHtml?: boolean }; hastPlugins: unknown[] } };

/**
 * Put the allowlist on a Sätteri processor: raw HTML parsed, then the tree sanitized. Both the processor
 * Astro uses (the integration below) and the one pages render editors' bodies with (site/lib/markdown.ts).
 */
export function withAllowlist<P extends Processor>(processor: P): P {
  // The allowlist is written against Sätteri's tree; another processor would need its own wiring.
  if (processor.name !== 'satteri') throw new Error(`safe-markdown: expected the satteri Markdown processor, found ${processor.name}`);
  processor.options.features.rawHtml = true;
  if (!processor.options.hastPlugins.includes(sanitizePlugin)) processor.options.hastPlugins.push(sanitizePlugin);
  return processor;
}

export default function safeMarkdown(): AstroIntegration {
  return {
    name: 'ducha-safe-markdown',
    hooks: {
      'astro:config:setup': ({ config }) => {
        withAllowlist(config.markdown.processor as Processor);
      },
    },
  };
}
