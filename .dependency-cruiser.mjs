/**
 * The dependency rule (DEVELOPERS.md draws it): domain/ at the bottom imports nothing of ours and does no
 * I/O; site/, functions/ and infra/ import domain/ and never each other — except that infra/ names the
 * handler entry files and the table definitions in functions/; scripts/ and tests/ may import anything;
 * nothing but tests imports tests/. Checked by tests/unit/architecture.test.ts (which also reads .astro
 * templates); `npx depcruise domain site functions infra scripts tests` runs it on the TypeScript files alone.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'domain/ is the bottom layer: it imports nothing of the project outside domain/.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(site|functions|infra|scripts|tests|content)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure TypeScript: of the npm packages only zod and js-yaml (parsing, no I/O) and chinese-days (the State Council’s holiday schedules, data) — no Astro, Hono, AWS SDK or React.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: 'node_modules/', pathNot: 'node_modules/(zod|js-yaml|chinese-days)/' },
    },
    {
      name: 'domain-does-no-io',
      comment: 'domain/ does no I/O: of Node’s modules only node:crypto (hashing).',
      severity: 'error',
      from: { path: '^domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'site-stays-site',
      comment: 'site/ imports domain/, never functions/, infra/, scripts/ or tests/.',
      severity: 'error',
      from: { path: '^site/' },
      to: { path: '^(functions|infra|scripts|tests)/' },
    },
    {
      name: 'functions-stay-functions',
      comment: 'functions/ imports domain/, never site/, infra/, scripts/ or tests/.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(site|infra|scripts|tests)/' },
    },
    {
      name: 'infra-stays-infra',
      comment: 'infra/ imports domain/, never site/, scripts/ or tests/.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^(site|scripts|tests)/' },
    },
    {
      name: 'infra-names-handlers-and-tables-only',
      comment: 'Of functions/, infra/ may name the handler entry files (functions/handlers/bundling.ts) and the table definitions (functions/store/tables.ts), nothing else.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^functions/', pathNot: '^functions/(handlers/bundling|store/tables)\\.ts$' },
    },
    {
      name: 'only-tests-import-tests',
      comment: 'Nothing imports tests/ but tests.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|cdk\\.out|\\.astro|\\.data|\\.cache)/' },
    // Type-only imports count: a type from functions/ in site/ is still the runtimes knowing each other.
    tsPreCompilationDeps: true,
  },
};
