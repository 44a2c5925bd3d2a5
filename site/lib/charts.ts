/**
 * Static SVG charts, drawn at build time with Apache ECharts' server-side SVG renderer, so no chart
 * JavaScript reaches the browser. The SVG is cleaned for the page's CSP (no inline style attributes or
 * <style> elements) and for size (no hover metadata).
 *
 * Each chart is drawn twice: wide (640 px, for screens where it is shown at least about that wide) and
 * narrow (300 px with larger text and fewer ticks, for phones). An SVG scales with its box, so its text is
 * only as large as the box allows: the narrow drawing's 18 px text is still ≥ 16 px when a 320 px phone in
 * 关怀版 shows it 272 px wide, and the wide drawing's 13 px text ≥ 12 px from 600 px up. The page shows one
 * of the two by the width of its column (global.css, `.chart-wide` / `.chart-narrow`).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import * as echarts from 'echarts';
import { status as statusLabels } from '../../domain/labels/zh-CN.ts';
import { STATUS_ORDER, type MonthRow, type UnitRateRow, type UnitStatusRow } from './stats.ts';

/** Colours with at least 4.5:1 against white, matching the status badges. */
const STATUS_COLOURS: Record<string, string> = {
  assigned: '#553285',
  in_progress: '#0a4596',
  completed: '#135a27',
  suspended: '#6b6b6b',
};
const TEXT = '#1a1a1a';
const FONT = 'system-ui, sans-serif';

/** The two drawings of every chart: drawn width, text size, value-axis ticks, height per category row. */
export const CHART_SIZES = {
  wide: { width: 640, fontSize: 13, splitNumber: 5, row: 26 },
  narrow: { width: 300, fontSize: 18, splitNumber: 3, row: 32 },
} as const;
type Size = (typeof CHART_SIZES)[keyof typeof CHART_SIZES];

type Option = Record<string, unknown>;
const list = (v: unknown): Option[] => (Array.isArray(v) ? v : v ? [v] : []) as Option[];

/** `option` with every text at the drawing's size and value axes with its number of ticks. */
function sized(option: Option, size: Size): Option {
  const axis = (a: Option) => ({
    ...a,
    ...(a.type === 'value' ? { splitNumber: size.splitNumber } : {}),
    axisLabel: { ...(a.axisLabel as Option), fontSize: size.fontSize },
  });
  return {
    ...option,
    textStyle: { color: TEXT, fontFamily: FONT, fontSize: size.fontSize },
    legend: { top: 0, ...(option.legend as Option), textStyle: { color: TEXT, fontSize: size.fontSize } },
    xAxis: list(option.xAxis).map(axis),
    yAxis: list(option.yAxis).map(axis),
    series: list(option.series).map((s) => (s.label ? { ...s, label: { ...(s.label as Option), fontSize: size.fontSize } } : s)),
  };
}

/** An ECharts option, or one that depends on the drawing's size. */
type Drawing = Option | ((size: Size) => Option);

/** One drawing of a chart at `size`, `height(size)` tall. */
function draw(drawing: Drawing, size: Size, height: (size: Size) => number): string {
  const option = typeof drawing === 'function' ? drawing(size) : drawing;
  const h = height(size);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: h });
  chart.setOption({
    animation: false,
    ...sized(option, size),
    grid: { containLabel: true, left: size.fontSize * 2, right: size.fontSize * 4, top: size.fontSize * 3, bottom: 8, ...(option.grid as Option) },
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return cleanSvg(svg);
}

/** Both drawings of a chart, each in the box that the stylesheet shows or hides. */
function render(drawing: Drawing, height: (size: Size) => number): string {
  return `<div class="chart-wide">${draw(drawing, CHART_SIZES.wide, height)}</div><div class="chart-narrow">${draw(drawing, CHART_SIZES.narrow, height)}</div>`;
}

/**
 * Make ECharts' SVG safe under a strict CSP and lean: turn `style="a:b;c:d"` into presentation attributes,
 * drop the hover <style> block, class names and ecmeta_* hydration attributes, and collapse whitespace.
 */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_m, css: string) =>
      css
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [k, ...v] = d.split(':');
          return ` ${k!.trim()}="${v.join(':').trim().replace(/"/g, "'")}"`;
        })
        .join(''),
    )
    .replace(/ (?:ecmeta_[a-z_]+|class|pointer-events)="[^"]*"/g, '')
    .replace(/ xmlns:xlink="[^"]*"| version="1\.1"| baseProfile="full"/g, '')
    .replace(/<rect width="\d+" height="\d+" x="0" y="0" fill="none"><\/rect>/, '')
    .replace(/>\s+</g, '><')
    .replace(/(\d+\.\d)\d+/g, '$1')
    .replace(/font-size="(\d+)px"/g, 'font-size="$1"')
    .trim();
}

export function statusByUnitChart(rows: readonly UnitStatusRow[], name: (unit: string) => string): string {
  const units = rows.map((r) => name(r.unit)).reverse();
  return render(
    {
      yAxis: { type: 'category', data: units, axisLabel: { color: TEXT } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
      series: STATUS_ORDER.map((s) => ({
        type: 'bar',
        stack: 'status',
        name: statusLabels[s],
        itemStyle: { color: STATUS_COLOURS[s] },
        data: rows.map((r) => r.counts[s]).reverse(),
      })),
    },
    (size) => Math.max(240, size.fontSize * 4 + rows.length * size.row),
  );
}

export function onTimeByUnitChart(rows: readonly UnitRateRow[], name: (unit: string) => string): string {
  return render(
    (size) => ({
      legend: { show: false },
      grid: { top: 16 },
      yAxis: { type: 'category', data: rows.map((r) => name(r.unit)).reverse(), axisLabel: { color: TEXT } },
      xAxis: { type: 'value', max: 100, interval: 100 / (size.splitNumber - 1), axisLabel: { color: TEXT, formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          itemStyle: { color: STATUS_COLOURS.completed },
          label: { show: true, position: 'right', color: TEXT, formatter: '{c}%' },
          data: rows.map((r) => Math.round(r.rate * 100)).reverse(),
        },
      ],
    }),
    (size) => Math.max(200, size.fontSize * 3 + rows.length * size.row),
  );
}

export function monthlyTrendChart(rows: readonly MonthRow[], labels: { assigned: string; completed: string }): string {
  return render(
    {
      xAxis: { type: 'category', data: rows.map((r) => r.month), axisLabel: { color: TEXT } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
      series: [
        { type: 'line', name: labels.assigned, symbol: 'circle', itemStyle: { color: STATUS_COLOURS.in_progress }, data: rows.map((r) => r.assigned) },
        { type: 'line', name: labels.completed, symbol: 'triangle', lineStyle: { type: 'dashed' }, itemStyle: { color: STATUS_COLOURS.completed }, data: rows.map((r) => r.completed) },
      ],
    },
    (size) => size.fontSize * 22,
  );
}

export function overdueAgeingChart(buckets: readonly number[], labels: readonly string[]): string {
  // Narrow: the buckets as rows, so every label keeps its full width.
  const across = (size: Size) => size.width >= CHART_SIZES.wide.width;
  return render(
    (size) => {
      const bucketAxis = { type: 'category', data: across(size) ? [...labels] : [...labels].reverse(), axisLabel: { color: TEXT, interval: 0 } };
      const countAxis = { type: 'value', minInterval: 1, axisLabel: { color: TEXT } };
      return {
        legend: { show: false },
        grid: { top: size.fontSize * 2 },
        xAxis: across(size) ? bucketAxis : countAxis,
        yAxis: across(size) ? countAxis : bucketAxis,
        series: [{ type: 'bar', itemStyle: { color: '#9a0c0c' }, label: { show: true, position: across(size) ? 'top' : 'right', color: TEXT }, data: across(size) ? [...buckets] : [...buckets].reverse() }],
      };
    },
    (size) => (across(size) ? size.fontSize * 20 : Math.max(200, size.fontSize * 3 + labels.length * size.row * 1.5)),
  );
}

/** Counts per label as horizontal bars, in the order given (e.g. why submissions were not accepted). */
export function countByLabelChart(rows: readonly { readonly label: string; readonly count: number }[]): string {
  return render(
    {
      legend: { show: false },
      grid: { top: 16 },
      yAxis: { type: 'category', data: rows.map((r) => r.label).reverse(), axisLabel: { color: TEXT } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
      series: [{ type: 'bar', itemStyle: { color: STATUS_COLOURS.assigned }, label: { show: true, position: 'right', color: TEXT }, data: rows.map((r) => r.count).reverse() }],
    },
    (size) => Math.max(200, size.fontSize * 3 + rows.length * size.row * 1.2),
  );
}
