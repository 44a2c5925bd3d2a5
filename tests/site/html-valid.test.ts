/**
 * Every page of the sample build, and every page the API renders itself for browsers without JavaScript,
 * passes the W3C's Nu HTML Checker (the npm package vnu-jar, run once over all files with the machine's Java)
 * without an error.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../helpers/dist.ts';
import { apiPages } from '../helpers/api-pages.ts';

const distDir = inject('distDir');
// The package's main module only tells where its jar is; the jar sits beside it.
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url: string;
  readonly message: string;
  readonly extract?: string;
}

let messages: VnuMessage[];
let apiDir: string;

beforeAll(async () => {
  apiDir = mkdtempSync(path.join(os.tmpdir(), 'ducha-api-pages-'));
  for (const [name, html] of Object.entries(apiPages())) writeFileSync(path.join(apiDir, `${name}.html`), html);
  // The checker exits non-zero when it finds errors; its JSON report is on stderr either way.
  const run = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', distDir, apiDir], { maxBuffer: 64 * 1024 * 1024 })
    .then((r) => r.stderr)
    .catch((error: { stderr?: string }) => {
      if (!error.stderr?.startsWith('{')) throw error;
      return error.stderr;
    });
  messages = (JSON.parse(run) as { messages: VnuMessage[] }).messages;
}, 120_000);

const describeAll = (list: VnuMessage[]) =>
  list.map((m) => `${m.url.replace(/^file:/, '').replace(distDir, 'dist').replace(apiDir, 'api')}: ${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`);

describe('the Nu HTML Checker', () => {
  it('checks every built page and every page the API renders', () => {
    expect(htmlFiles(distDir).length).toBeGreaterThan(100);
    expect(Object.keys(apiPages()).length).toBeGreaterThan(3);
  });

  it('finds no error on any of them', () => {
    expect(describeAll(messages.filter((m) => m.type === 'error' || m.subType === 'fatal'))).toEqual([]);
  });
});
