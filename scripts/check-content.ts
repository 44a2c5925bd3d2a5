/**
 * `npm run check:content [-- --dir path/to/content]` — validate every editor file with the content schemas
 * and print one Chinese line per problem (file, field, rule). Exit code 1 when anything is wrong.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readContent } from '../site/lib/content-source.ts';
import { formatProblem } from '../domain/content/index.ts';
import { contentError as msg } from '../domain/labels/zh-CN.ts';

const root = path.resolve(import.meta.dirname, '..');

function main(): number {
  let dir: string;
  try {
    const { values } = parseArgs({ options: { dir: { type: 'string' } }, strict: true });
    dir = path.resolve(values.dir ?? process.env.DUCHA_CONTENT_DIR ?? path.join(root, 'content'));
  } catch (error) {
    console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm run check:content -- [--dir 内容目录]`);
    return 2;
  }
  if (!existsSync(dir)) {
    console.error(msg.noDir(dir));
    return 2;
  }
  const content = readContent(dir, path.dirname(dir));
  if (content.problems.length) {
    for (const p of content.problems) console.error(formatProblem(p));
    console.error(msg.summary(content.problems.length));
    return 1;
  }
  console.log(msg.ok(content.items.length, content.units.length, content.regions.length, content.notices.length));
  return 0;
}

process.exitCode = main();
