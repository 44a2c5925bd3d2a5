/**
 * Static SVG charts, drawn at build time with Apache ECharts' server-side SVG renderer, so no chart
 * JavaScript reaches the browser. The SVG is cleaned for the page's CSP (no inline style attributes or
 * <style> elements) and for size (no hover metadata).
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

const base = {
  animation: false,
  textStyle: { color: TEXT, fontFamily: FONT, fontSize: 13 },
  grid: { containLabel: true, left: 8, right: 56, top: 40, bottom: 8 },
  legend: { top: 0, textStyle: { color: TEXT, fontSize: 13 } },
};

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...base, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return cleanSvg(svg);
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
    640,
    Math.max(240, 60 + rows.length * 26),
  );
}

export function onTimeByUnitChart(rows: readonly UnitRateRow[], name: (unit: string) => string): string {
  return render(
    {
      legend: { show: false },
      grid: { ...base.grid, top: 16 },
      yAxis: { type: 'category', data: rows.map((r) => name(r.unit)).reverse(), axisLabel: { color: TEXT } },
      xAxis: { type: 'value', max: 100, axisLabel: { color: TEXT, formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          itemStyle: { color: STATUS_COLOURS.completed },
          label: { show: true, position: 'right', color: TEXT, formatter: '{c}%' },
          data: rows.map((r) => Math.round(r.rate * 100)).reverse(),
        },
      ],
    },
    640,
    Math.max(200, 40 + rows.length * 26),
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
    640,
    300,
  );
}

export function overdueAgeingChart(buckets: readonly number[], labels: readonly string[]): string {
  return render(
    {
      legend: { show: false },
      grid: { ...base.grid, top: 24 },
      xAxis: { type: 'category', data: [...labels], axisLabel: { color: TEXT } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
      series: [{ type: 'bar', itemStyle: { color: '#9a0c0c' }, label: { show: true, position: 'top', color: TEXT }, data: [...buckets] }],
    },
    640,
    260,
  );
}

/** Counts per label as horizontal bars, in the order given (e.g. why submissions were not accepted). */
export function countByLabelChart(rows: readonly { readonly label: string; readonly count: number }[]): string {
  return render(
    {
      legend: { show: false },
      grid: { ...base.grid, top: 16 },
      yAxis: { type: 'category', data: rows.map((r) => r.label).reverse(), axisLabel: { color: TEXT } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
      series: [{ type: 'bar', itemStyle: { color: STATUS_COLOURS.assigned }, label: { show: true, position: 'right', color: TEXT }, data: rows.map((r) => r.count).reverse() }],
    },
    640,
    Math.max(200, 40 + rows.length * 30),
  );
}
