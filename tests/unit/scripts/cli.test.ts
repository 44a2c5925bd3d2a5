/**
 * The editors' commands, run as editors run them: a bad file stops check:content and the build with the
 * file, field and rule in Chinese and no stack trace; new:item writes a file that passes the check.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseItem, writeContent } from '../../helpers/content-fixture.ts';
import { root } from '../../helpers/paths.ts';
import { contentError } from '../../../domain/labels/zh-CN.ts';

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const badDeadline = () => writeContent({ items: { '2026/DC-2026-014.md': { data: baseItem({ deadline: '2026-02-30' }) } } });
const EXPECTED = ['content/items/2026/DC-2026-014.md: deadline 不是有效日期 (YYYY-MM-DD)', '发现 1 处内容错误，请修改后重试。'];

describe('npm run check:content', () => {
  it('passes valid content and says what it checked', () => {
    const r = run('check-content.ts', ['--dir', writeContent()]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(contentError.ok(1, 3, 2, 1));
  });

  it('fails a bad file with the exact Chinese message and no stack trace', () => {
    const r = run('check-content.ts', ['--dir', badDeadline()]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(EXPECTED);
  });

  it('explains a bad argument', () => {
    const r = run('check-content.ts', ['--dri', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^参数错误：.*用法：npm run check:content/);
  });
});

describe('npm run build with bad content', () => {
  it('stops before building, with the same message and no stack trace', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'ducha-out-'));
    const r = run('build.ts', ['--content', badDeadline(), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(EXPECTED);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});

describe('npm run new:item', () => {
  const args = ['--title', '城区公厕提质改造', '--category', 'livelihood', '--source', '群众反映', '--region', 'qingshi', '--lead', 'housing', '--support', 'water,qingshi-gov', '--deadline', '2027-03-31', '--assigned', '2026-11-20'];

  it('writes the next number of the year as a file that passes the check', () => {
    const dir = writeContent();
    const r = run('new-item.ts', [...args, '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('已创建 content/items/2026/DC-2026-015.md。请补充正文和进展后提交。');
    const text = readFileSync(path.join(dir, 'items/2026/DC-2026-015.md'), 'utf8');
    expect(text).toContain('source: public_report');
    expect(text).toContain('supportUnits:\n  - water\n  - qingshi-gov');
    expect(run('check-content.ts', ['--dir', dir]).code).toBe(0);
  });

  it('refuses unknown references and missing values, writing nothing', () => {
    const dir = writeContent();
    const r = run('new-item.ts', [...args.slice(0, -4), '--lead', 'ghost', '--deadline', '2027-03-31', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`content/items/2026/DC-2026-015.md: leadUnit ${contentError.unknownUnit('ghost')}`);
    expect(existsSync(path.join(dir, 'items/2026/DC-2026-015.md'))).toBe(false);
    const r2 = run('new-item.ts', ['--title', '只有标题', '--dir', dir]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/^缺少参数：--category（事项类别/);
  });
});
