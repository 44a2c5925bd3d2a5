/**
 * What a reader sees of a page's layout, measured in the browser (tests/site/layout.browser.test.ts):
 * sideways scrolling, the smallest rendered text (SVG chart text at its drawn size), interactive targets that
 * overlap or are too small, and whether the page's title starts on the first screen.
 */
import type { Page } from 'playwright-core';

export interface LayoutReport {
  /** document width beyond the viewport, in CSS px (0 when nothing scrolls sideways). */
  readonly overflow: number;
  /** Visible text drawn smaller than the minimum: `"text" 11.2px`. */
  readonly smallText: string[];
  /** Pairs of interactive targets whose boxes overlap. */
  readonly overlaps: string[];
  /** Targets (not links inside a sentence) smaller than the minimum in either direction. */
  readonly smallTargets: string[];
  /** The h1's first line is within the first screen. */
  readonly titleOnFirstScreen: boolean;
}

export interface LayoutRules {
  /** Smallest text allowed, px. */
  readonly minText: number;
  /** Smallest target allowed, px (0: not checked). */
  readonly minTarget: number;
}

/**
 * Measure the page as it is now. The title is checked first; then every collapsed section (<details>) is
 * opened, so what it holds is measured too.
 */
export async function measureLayout(page: Page, rules: LayoutRules): Promise<LayoutReport> {
  return page.evaluate(({ minText, minTarget }) => {
    const h1 = document.querySelector('h1');
    let titleOnFirstScreen = false;
    if (h1 && h1.checkVisibility()) {
      const r = h1.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(h1).lineHeight) || r.height;
      titleOnFirstScreen = r.top >= 0 && r.top + Math.min(line, r.height) <= innerHeight;
    }
    document.querySelectorAll('details').forEach((d) => (d.open = true));

    const name = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
      const label = el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? el.getAttribute('name') ?? '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text || label}"`;
    };
    /** Shown at all: rendered, not clipped to a pixel like the visually-hidden helpers. */
    const shown = (el: Element) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 2 && r.height > 2 && !el.closest('.visually-hidden');
    };

    const small = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('script, style, noscript, template') || !shown(el)) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) {
        const m = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < minText - 0.01) small.add(`"${n.textContent.trim().slice(0, 16)}" ${Math.round(size * 10) / 10}px`);
    }
    for (const el of document.querySelectorAll('input:not([type="hidden"]), select, textarea, button')) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (shown(el) && size < minText - 0.01) small.add(`${name(el)} ${size}px`);
    }

    const targets = [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => shown(el) && el.getBoundingClientRect().bottom > 0);
    const boxes = targets.map((el) => ({ el, rects: [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0) }));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const hit = a.rects.some((r) => b.rects.some((s) => Math.min(r.right, s.right) - Math.max(r.left, s.left) > 1 && Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 1));
        if (hit) overlaps.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }

    const smallTargets: string[] = [];
    if (minTarget > 0) {
      for (const el of targets) {
        // A link inside a sentence is text, not a target (WCAG 2.5.8's inline exception).
        const parentText = (el.parentElement?.textContent ?? '').trim();
        if (getComputedStyle(el).display === 'inline' && parentText.length > (el.textContent ?? '').trim().length) continue;
        const r = el.getBoundingClientRect();
        if (Math.min(r.width, r.height) < minTarget - 0.5) smallTargets.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }

    return { overflow: Math.max(0, document.documentElement.scrollWidth - innerWidth), smallText: [...small], overlaps, smallTargets, titleOnFirstScreen };
  }, rules);
}
