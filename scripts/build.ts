/**
 * `npm run build [-- --out dir] [-- --content dir]` — validate content, then build the site, open data and
 * search index (into dist/ by default). A content problem prints one Chinese line per problem, exit 1.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import { parseArgs } from 'node:util';
import { buildSite, ContentError } from './lib/build-site.ts';
import { BuildMemoryError } from './lib/build-memory.ts';

let values: { out?: string; content?: string; cache?: string };
try {
  ({ values } = parseArgs({ options: { out: { type: 'string' }, content: { type: 'string' }, cache: { type: 'string' } }, strict: true }));
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm run build -- [--out 输出目录] [--content 内容目录] [--cache 构建缓存目录]`);
  process.exit(2);
}
try {
  await buildSite({
    ...(values.out ? { outDir: values.out } : {}),
    ...(values.content ? { contentDir: values.content } : {}),
    ...(values.cache ? { cacheDir: values.cache } : {}),
  });
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.lines.join('\n'));
    process.exit(1);
  }
  if (error instanceof BuildMemoryError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
