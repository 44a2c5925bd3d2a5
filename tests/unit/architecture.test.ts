/**
 * The dependency rule, checked with dependency-cruiser over every source file and template: domain/ at the
 * bottom and pure; site/, functions/ and infra/ on top of it and never importing each other (infra/ names
 * handler entry files and table definitions only); scripts/ and tests/ above; nothing imports tests/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rules from '../../.dependency-cruiser.mjs';
import { checkArchitecture } from '../helpers/architecture.ts';
import { root } from '../helpers/paths.ts';

describe('the dependency rule', () => {
  it('holds for every file of the project, templates included', async () => {
    const { breaches, modules } = await checkArchitecture(root);
    expect(breaches).toEqual([]);
    // It read the whole tree: every layer, and the Astro templates as well as the TypeScript.
    for (const layer of ['domain/', 'site/', 'functions/', 'infra/', 'scripts/', 'tests/']) expect(modules.some((m) => m.startsWith(layer)), layer).toBe(true);
    expect(modules).toContain('site/pages/items/[id].astro');
    expect(modules).toContain('domain/feedback/workflow.ts');
  }, 60_000);

  it('fails for each kind of forbidden import', async () => {
    // A small tree with one breach of each rule, under .cache/ (inside the project, so npm packages resolve).
    mkdirSync(path.join(root, '.cache'), { recursive: true });
    const tree = mkdtempSync(path.join(root, '.cache', 'arch-breaches-'));
    const put = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), text);
    };
    put('domain/ok.ts', "export const ok = 1;\n");
    put('domain/up.ts', "import { app } from '../functions/http/app.ts';\nexport const x = app;\n");
    put('domain/io.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    put('domain/framework.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n");
    put('functions/http/app.ts', "import { page } from '../../site/lib/page.ts';\nexport const app = page;\n");
    put('functions/store/tables.ts', "export const TABLES = {};\n");
    put('functions/store/client.ts', "export const client = 1;\n");
    put('site/lib/page.ts', "import type { Row } from '../../functions/store/client.ts';\nexport const page = 1 as unknown as Row;\n");
    put('site/pages/index.astro', "---\nimport { app } from '../../functions/http/app.ts';\n---\n<p>{String(app)}</p>\n");
    put('infra/stack.ts', "import { TABLES } from '../functions/store/tables.ts';\nimport { client } from '../functions/store/client.ts';\nimport { page } from '../site/lib/page.ts';\nexport const s = [TABLES, client, page];\n");
    put('scripts/tool.ts', "import { helper } from '../tests/helpers/h.ts';\nexport const t = helper;\n");
    put('tests/helpers/h.ts', "import { ok } from '../../domain/ok.ts';\nexport const helper = ok;\n");
    put('domain/a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
    put('domain/b.ts', "import { a } from './a.ts';\nexport const b = () => a;\n");
    const { breaches } = await checkArchitecture(tree);
    const fired = (rule: string) => breaches.filter((b) => b.rule === rule).map((b) => `${b.from} → ${b.to}`);
    expect(fired('domain-imports-only-domain')).toEqual(['domain/up.ts → functions/http/app.ts']);
    expect(fired('domain-does-no-io')).toEqual(['domain/io.ts → fs']);
    expect(fired('domain-is-pure')).toHaveLength(1);
    expect(fired('functions-stay-functions')).toEqual(['functions/http/app.ts → site/lib/page.ts']);
    expect(fired('site-stays-site').sort()).toEqual(['site/lib/page.ts → functions/store/client.ts', 'site/pages/index.astro → functions/http/app.ts']);
    expect(fired('infra-names-handlers-and-tables-only')).toEqual(['infra/stack.ts → functions/store/client.ts']);
    expect(fired('infra-stays-infra')).toEqual(['infra/stack.ts → site/lib/page.ts']);
    expect(fired('only-tests-import-tests')).toEqual(['scripts/tool.ts → tests/helpers/h.ts']);
    expect(fired('no-circular').length).toBeGreaterThan(0);
    // Every rule of the configuration was exercised.
    expect(new Set(breaches.map((b) => b.rule))).toEqual(new Set(rules.forbidden!.map((r) => r.name)));
    rmSync(tree, { recursive: true, force: true });
  }, 60_000);
});
