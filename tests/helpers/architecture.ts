/**
 * Runs dependency-cruiser with the project's rules (.dependency-cruiser.mjs) over the source folders. It
 * cannot read .astro templates, so they are cruised as TSX: the tree is mirrored under .cache/architecture/
 * with each template converted by Astro's own compiler (@astrojs/astro2tsx, frontmatter and <script>
 * imports kept at the same relative paths) — every other file is copied as it is.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { convertToTsx } from '@astrojs/astro2tsx';
import { cruise, type IViolation } from 'dependency-cruiser';
import rules from '../../.dependency-cruiser.mjs';

export const LAYERS = ['domain', 'site', 'functions', 'infra', 'scripts', 'tests'] as const;
const SOURCE = /\.(?:ts|tsx|mts|mjs|js)$/;
const SKIP = new Set(['node_modules', 'dist', 'cdk.out', '.astro', 'fixtures']);

function mirror(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) mirror(src, dst);
    else if (SOURCE.test(e.name) || e.name.endsWith('.astro')) {
      mkdirSync(to, { recursive: true });
      if (!e.name.endsWith('.astro')) copyFileSync(src, dst);
      else {
        const tsx = convertToTsx(readFileSync(src, 'utf8'), { filename: e.name });
        writeFileSync(`${dst}.tsx`, [tsx.code, ...tsx.scripts.map((s) => s.content)].join('\n'));
      }
    }
  }
}

/** One broken rule, as people read it: `site/pages/x.astro → functions/http/app.ts (site-stays-site)`. */
export interface Breach {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** Cruise `root`'s layers (a copy, with templates as TSX): every breach of the rules, and the project's own modules cruised. */
export async function checkArchitecture(root: string, layers: readonly string[] = LAYERS): Promise<{ breaches: Breach[]; modules: string[] }> {
  const copy = path.join(root, '.cache', 'architecture');
  rmSync(copy, { recursive: true, force: true });
  const present = layers.filter((l) => readdirSync(root).includes(l));
  for (const layer of present) mirror(path.join(root, layer), path.join(copy, layer));
  // npm packages resolve (and are told apart as dependencies) as they do in the project.
  const project = existsSync(path.join(root, 'package.json')) ? root : path.resolve(import.meta.dirname, '../..');
  symlinkSync(path.join(project, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  copyFileSync(path.join(project, 'package.json'), path.join(copy, 'package.json'));
  const result = await cruise(present, { ruleSet: rules, baseDir: copy, ...rules.options, validate: true, outputType: 'json' });
  const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  const violations = (output.summary.violations as IViolation[]).filter((v) => v.rule.severity === 'error');
  const real = (p: string) => p.replace(/\.astro\.tsx$/, '.astro');
  const modules = (output.modules as { source: string }[]).map((m) => real(m.source)).filter((s) => !s.includes('node_modules') && !s.startsWith('node:') && !/^[a-z_]+$/.test(s));
  return { breaches: violations.map((v) => ({ rule: v.rule.name, from: real(v.from), to: real(v.to) })), modules };
}
