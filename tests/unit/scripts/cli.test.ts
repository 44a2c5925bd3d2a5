/**
 * The editors' commands, run as editors run them: a bad file stops check:content and the build with the
 * file, field and rule in Chinese and no stack trace; new:item checks every answer as it is typed, never
 * loses one, and writes a file the check accepts once its body is written.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseItem, baseUnits, writeContent } from '../../helpers/content-fixture.ts';
import { root, TEST_AS_OF } from '../../helpers/paths.ts';
import { category, contentError, newItem } from '../../../domain/labels/zh-CN.ts';

/** Run a script as `npm run` does, as of the tests' "today"; `input` is what is typed at its prompts. */
function run(script: string, args: string[], input = '') {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DUCHA_AS_OF: TEST_AS_OF },
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
  const NEW_FILE = 'content/items/2026/DC-2026-015.md';
  const without = (option: string) => args.filter((_, i) => args[i] !== option && args[i - 1] !== option);

  it('writes the next number of the year, with a placeholder body the check refuses until it is replaced', () => {
    const dir = writeContent();
    const r = run('new-item.ts', [...args, '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(newItem.created(NEW_FILE));
    const file = path.join(dir, 'items/2026/DC-2026-015.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('source: public_report');
    expect(text).toContain('supportUnits:\n  - water\n  - qingshi-gov');
    expect(text).toContain(`# ${newItem.comment.leadUnit}`);
    const check = run('check-content.ts', ['--dir', dir]);
    expect(check.stderr.trim().split('\n')).toEqual([`${NEW_FILE}: ${contentError.placeholderBody}`, contentError.summary(1)]);
    writeFileSync(file, text.replace(newItem.bodyPlaceholder, '改造城区 12 座公厕，增设无障碍设施。'));
    expect(run('check-content.ts', ['--dir', dir]).code).toBe(0);
  });

  it('refuses an unknown unit by its option, lists the valid codes, keeps what was typed and writes nothing', () => {
    const dir = writeContent();
    const r = run('new-item.ts', [...without('--lead'), '--lead', 'ghost', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(newItem.problem('lead', 'ghost', contentError.unknownUnit('ghost')));
    for (const u of baseUnits) expect(r.stderr).toContain(`${String(u.id)} = ${String(u.name)}`);
    expect(r.stderr).not.toContain(NEW_FILE);
    expect(r.stderr).toContain("--title 城区公厕提质改造");
    expect(r.stderr).toContain('--lead ghost');
    expect(existsSync(path.join(dir, 'items/2026/DC-2026-015.md'))).toBe(false);
  });

  it('says which values are missing when there is nobody to ask, keeping what was typed', () => {
    const r = run('new-item.ts', ['--title', '只有标题', '--dir', writeContent()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(newItem.missing(''));
    expect(r.stderr).toContain(`--category（${newItem.fields.category}）`);
    expect(r.stderr).toContain('--title 只有标题');
  });

  it('asks for each missing value, checks each answer as it is typed and lists the codes on ?', () => {
    const dir = writeContent();
    // summary (Enter), category (wrong, then ?, then right), source, region, lead (unknown, then right), support (Enter), assigned, deadline
    const answers = ['', '杂项', '?', 'livelihood', 'meeting', 'qingshi', 'ghost', 'housing', '', '2026-11-20', '2027-03-31'];
    const r = run('new-item.ts', ['--title', '城区公厕提质改造', '--dir', dir], answers.join('\n') + '\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(newItem.problem('category', '杂项', ''));
    expect(r.stdout).toContain(`key_task = ${category.key_task}`);
    expect(r.stdout).toContain(newItem.problem('lead', 'ghost', contentError.unknownUnit('ghost')));
    expect(r.stdout.trim().endsWith(newItem.created(NEW_FILE))).toBe(true);
    const text = readFileSync(path.join(dir, 'items/2026/DC-2026-015.md'), 'utf8');
    expect(text).toContain('category: livelihood');
    expect(text).toContain('leadUnit: housing');
    expect(text).toContain('supportUnits: []');
  });

  it('asks again when answers contradict each other (a deadline before the assignment)', () => {
    const dir = writeContent();
    const r = run('new-item.ts', [...without('--deadline'), '--deadline', '2026-01-01', '--dir', dir], '2027-01-31\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(newItem.problem('deadline', '2026-01-01', contentError.deadlineBeforeAssigned));
    expect(readFileSync(path.join(dir, 'items/2026/DC-2026-015.md'), 'utf8')).toContain('deadline: 2027-01-31');
  });
});
