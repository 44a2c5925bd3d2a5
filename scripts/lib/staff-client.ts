/**
 * The exports' way to call the staff API from a command line (replies:export, ledger:export, progress:export,
 * drafts:export): a bearer token, JSON in and out. `staffRequest` throws (the API's problem title in the
 * message); `staffGet` is the command-line form — a Chinese line and exit 1 when the API cannot be reached or
 * refuses.
 * Layer: scripts/ — may import any layer but tests/; only scripts/ and tests/ import it.
 */

/** The API could not be reached at all (the message is the network's). */
export class StaffApiUnreachable extends Error {}

/** The API answered with an error status; `title` is its problem's title. */
export class StaffApiRefused extends Error {
  readonly status: number;
  readonly title: string;
  constructor(status: number, title: string) {
    super(`HTTP ${status}：${title}`);
    this.status = status;
    this.title = title;
  }
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** GET `pathname`, or POST `body` as JSON when given; the answer's JSON. */
export async function staffRequest<T>(api: string, pathname: string, token: string, options: { body?: unknown; fetch?: Fetch } = {}): Promise<T> {
  const post = options.body !== undefined;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(`${api.replace(/\/$/, '')}${pathname}`, {
      method: post ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(post ? { 'content-type': 'application/json' } : {}) },
      ...(post ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (error) {
    throw new StaffApiUnreachable(error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { title?: string };
    throw new StaffApiRefused(res.status, problem.title ?? res.statusText);
  }
  return (await res.json()) as T;
}

export async function staffGet<T>(api: string, pathname: string, token: string): Promise<T> {
  try {
    return await staffRequest<T>(api, pathname, token);
  } catch (error) {
    if (error instanceof StaffApiUnreachable) console.error(`无法连接 ${api}：${error.message}。本机请先运行 npm start。`);
    else if (error instanceof StaffApiRefused) console.error(`导出失败（HTTP ${error.status}）：${error.title}`);
    else throw error;
    process.exit(1);
  }
}
