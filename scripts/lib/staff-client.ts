/**
 * The exports' way to call the staff API from a command line (replies:export, ledger:export): GET with a
 * bearer token; a Chinese line and exit 1 when the API cannot be reached or refuses.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */
export async function staffGet<T>(api: string, pathname: string, token: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${api}${pathname}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  } catch (error) {
    console.error(`无法连接 ${api}：${error instanceof Error ? error.message : String(error)}。本机请先运行 npm start。`);
    process.exit(1);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { title?: string };
    console.error(`导出失败（HTTP ${res.status}）：${problem.title ?? res.statusText}`);
    process.exit(1);
  }
  return (await res.json()) as T;
}
