/**
 * `npm start` — build the site from content/ and serve the whole portal on http://localhost:4321
 * (site + feedback API + embedded DynamoDB under .data/). Options: --port N, --no-build, --host, --dist,
 * --data; PORT, DUCHA_DIST_DIR and DUCHA_DATA_DIR set the same from the environment (DUCHA_CONTENT_DIR
 * moves the content), so a test runs the very command the editors' guide gives in its own folders.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, ContentError, root } from './lib/build-site.ts';
import { startLocalPortal } from './lib/portal.ts';
import { DataDirError } from '../functions/local/dynamodb.ts';
import { BuildMemoryError } from './lib/build-memory.ts';

let values: { port?: string; 'no-build'?: boolean; host?: string; dist?: string; data?: string };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, 'no-build': { type: 'boolean' }, host: { type: 'string' }, dist: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  console.error(`参数错误：${error instanceof Error ? error.message : String(error)}。用法：npm start -- [--port 4321] [--host 127.0.0.1] [--no-build] [--dist 站点目录] [--data 数据目录]`);
  process.exit(2);
}
const port = Number(values.port ?? process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`参数错误：--port 必须是 0–65535 之间的整数（0 表示任选空闲端口），收到 “${values.port}”`);
  process.exit(2);
}

const distDir = path.resolve(values.dist ?? process.env.DUCHA_DIST_DIR ?? path.join(root, 'dist'));
if (!values['no-build']) {
  try {
    await buildSite({ outDir: distDir });
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
}
let server: Awaited<ReturnType<typeof startLocalPortal>>;
try {
  server = await startLocalPortal({ distDir, dataDir: path.resolve(values.data ?? process.env.DUCHA_DATA_DIR ?? path.join(root, '.data')), port, hostname: values.host ?? '127.0.0.1' });
} catch (error) {
  // A data directory that cannot be written: say which and what to do (in Chinese and English), no stack.
  if (error instanceof DataDirError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
console.log(`\n督查公开已启动：${server.url}/  （按 Ctrl+C 停止）\nDynamoDB：${server.dynamoEndpoint}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
