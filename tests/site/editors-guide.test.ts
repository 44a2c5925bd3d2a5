/**
 * Every command in the editors' guide (docs/editors.md) runs as written and does what the guide says, in
 * the guide's order and as an editor would follow it: in a scratch copy of the sample content, with
 * `npm start`'s folders and port moved by the environment (DUCHA_CONTENT_DIR, DUCHA_DIST_DIR,
 * DUCHA_DATA_DIR, PORT). Placeholders the guide asks the reader to fill in (网站地址, 登录令牌) are filled
 * with this portal's address and a token from `npm run staff:token`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, TEST_AS_OF } from '../helpers/paths.ts';
import { contentError, newItem, promotion } from '../../domain/labels/zh-CN.ts';

/** The shell commands of the guide's ```sh blocks, continuation lines joined and comments dropped. */
function guideCommands(): string[] {
  const guide = readFileSync(path.join(root, 'docs/editors.md'), 'utf8');
  return [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean),
  );
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const work = mkdtempSync(path.join(os.tmpdir(), 'ducha-guide-'));
const contentDir = path.join(work, 'content');
let env: NodeJS.ProcessEnv;
let server: ChildProcess | undefined;
let serverUrl = '';

/** Run one command of the guide with bash in the project, as an editor would type it. */
function sh(command: string) {
  const r = spawnSync('bash', ['-c', command], { cwd: root, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The placeholders the guide asks readers to replace, with what this portal uses. */
function filled(command: string): string {
  const token = sh('npm run --silent staff:token -- --name 编辑 --role reviewer').stdout.trim();
  return command.replace('https://网站地址', serverUrl).replace('登录令牌', token);
}

const commands = guideCommands();
const byScript = (script: string) => commands.filter((c) => c.startsWith(`npm run ${script}`) || (script === 'start' && c === 'npm start'));

beforeAll(async () => {
  cpSync(path.join(root, 'content'), contentDir, { recursive: true });
  env = {
    ...process.env,
    DUCHA_CONTENT_DIR: contentDir,
    DUCHA_DIST_DIR: path.join(work, 'dist'),
    DUCHA_DATA_DIR: path.join(work, 'data'),
    DUCHA_CACHE_DIR: path.join(work, 'astro-cache'),
    DUCHA_AS_OF: TEST_AS_OF,
    PORT: String(await freePort()),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
});
afterAll(() => {
  // The whole group: bash, npm and the portal it started.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe("the editors' guide", () => {
  it('gives only commands this test runs', () => {
    const known = ['new:item', 'check:content', 'start', 'replies:export', 'drafts:export'].flatMap(byScript);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => !known.includes(c))).toEqual([]);
  });

  describe('in its order (steps in order)', () => {
    it('new:item: scaffolds the example item with the next number', () => {
      const [command] = byScript('new:item');
      const before = readdirSync(path.join(contentDir, 'items', TEST_AS_OF.slice(0, 4)));
      const r = sh(command!);
      expect(r.stderr, r.stderr).toBe('');
      expect(r.code).toBe(0);
      const created = readdirSync(path.join(contentDir, 'items', TEST_AS_OF.slice(0, 4))).filter((f) => !before.includes(f));
      expect(created).toHaveLength(1);
      expect(r.stdout).toContain(newItem.created(`content/items/${TEST_AS_OF.slice(0, 4)}/${created[0]}`));
      const text = readFileSync(path.join(contentDir, 'items', TEST_AS_OF.slice(0, 4), created[0]!), 'utf8');
      expect(text).toContain(/--title "([^"]+)"/.exec(command!)![1]);
    });

    it('check:content: refuses the new item until its body is written, then passes', () => {
      const [command] = byScript('check:content');
      const refused = sh(command!);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(contentError.placeholderBody);
      const dir = path.join(contentDir, 'items', TEST_AS_OF.slice(0, 4));
      for (const f of readdirSync(dir)) {
        const file = path.join(dir, f);
        const text = readFileSync(file, 'utf8');
        if (text.includes(newItem.bodyPlaceholder)) writeFileSync(file, text.replace(newItem.bodyPlaceholder, '对南苑街道农贸市场进行提升改造，年底前完成。'));
      }
      const passed = sh(command!);
      expect(passed.stderr).toBe('');
      expect(passed.code).toBe(0);
    });

    it('npm start: builds and serves the whole portal, the new item included', async () => {
      const [command] = byScript('start');
      server = spawn('bash', ['-c', command!], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let output = '';
      server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      await expect.poll(() => /已启动：(http:\/\/[^/\s]+)\//.exec(output)?.[1], { timeout: 170_000, interval: 500 }).toBeDefined();
      serverUrl = /已启动：(http:\/\/[^/\s]+)\//.exec(output)![1]!;
      expect(serverUrl).toContain(`:${env.PORT}`);
      const items = await (await fetch(`${serverUrl}/data/items.json`)).json();
      expect((items as { title: string }[]).some((i) => i.title === /--title "([^"]+)"/.exec(byScript('new:item')[0]!)![1])).toBe(true);
    }, 180_000);

    it.each(byScript('replies:export'))('%s: exports the approved replies from the running portal', (command) => {
      const r = sh(filled(command));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });

    it.each(byScript('drafts:export'))('%s: exports the item drafts from the running portal (none here)', (command) => {
      const r = sh(filled(command));
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(promotion.done(0, 0));
    });
  });
});
