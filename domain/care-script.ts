/**
 * The elderly-mode (关怀版) toggle: the only script content pages carry. It runs inline in <head> so the
 * chosen mode applies before first paint, remembers the choice in localStorage, and reveals the header
 * button (hidden without JavaScript, so no dead control is shown). Kept under 1 KB; the CSP allows it by
 * hash (astro.config.mjs), so no 'unsafe-inline'.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */
import { createHash } from 'node:crypto';

export const CARE_STORAGE_KEY = 'ducha-care';

export const CARE_SCRIPT =
  `(function(){var d=document.documentElement,k="${CARE_STORAGE_KEY}";try{localStorage.getItem(k)==="1"&&d.classList.add("care")}catch(e){}` +
  `document.addEventListener("DOMContentLoaded",function(){var b=document.getElementById("care-toggle");if(!b)return;` +
  `function s(){var o=d.classList.contains("care");b.textContent=o?b.dataset.off:b.dataset.on}b.hidden=!1;s();` +
  `b.addEventListener("click",function(){var o=d.classList.toggle("care");try{localStorage.setItem(k,o?"1":"0")}catch(e){}s()})})})();`;

/** `sha256-…` source expression for the CSP. */
export function careScriptHash(): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(CARE_SCRIPT).digest('base64')}`;
}
