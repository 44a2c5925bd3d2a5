/**
 * The public statistics of citizens' submissions and the ledger, for the pages under /stats/feedback/ and
 * the open data: the ledger's rows (content/ledger/, as `npm run ledger:export` wrote them), the figures
 * computed from those rows alone (domain/feedback/stats.ts) as of the day they were exported, the units
 * in the editors' order, and the open-data field lists. Read once per build.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { urls } from '../../domain/urls.ts';
import { feedbackStatistics, REJECT_CATEGORIES, type FeedbackFigures, type FeedbackStatistics, type PeriodFigures } from '../../domain/feedback/stats.ts';
import { ledgerMonth, type LedgerRow } from '../../domain/feedback/ledger.ts';
import { FEEDBACK_KINDS, kindLabel } from '../../domain/feedback/kinds.ts';
import { RATING, RATINGS } from '../../domain/feedback/rating.ts';
import { FEEDBACK_STATUSES, statusLabel } from '../../domain/feedback/status.ts';
import { feedbackStats as t, ledgerPage as l, rejectCategory } from '../../domain/labels/zh-CN.ts';
import { asOfDate } from '../../domain/dates.ts';
import { readLedgerContent } from './content-source.ts';
import { contentDir } from './paths.ts';
import type { FieldDef } from './opendata.ts';

export interface FeedbackData {
  /** Every row, by tracking number. */
  readonly rows: readonly LedgerRow[];
  readonly byMonth: ReadonlyMap<string, readonly LedgerRow[]>;
  readonly statistics: FeedbackStatistics;
  readonly unitOrder: readonly string[];
  /** Short name of a unit (its id when unknown; 尚未确定承办单位 for none). */
  readonly unitName: (id: string | null) => string;
  readonly limits: ReturnType<typeof readLedgerContent>['settings'];
}

let cached: FeedbackData | undefined;

export function getFeedbackData(): FeedbackData {
  if (cached) return cached;
  const ledger = readLedgerContent(contentDir());
  const rows = [...ledger.rows].sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
  const byMonth = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    const list = byMonth.get(ledgerMonth(r));
    if (list) list.push(r);
    else byMonth.set(ledgerMonth(r), [r]);
  }
  const names = new Map(ledger.units.map((u) => [u.id, u.shortName]));
  // The figures stand as of the export day (the rows' status is as of then); without an export, the build's day.
  const asOf = ledger.asOf ?? asOfDate();
  cached = {
    rows,
    byMonth,
    statistics: feedbackStatistics(rows, ledger.unitOrder, asOf),
    unitOrder: ledger.unitOrder,
    unitName: (id) => (id === null ? t.unassigned : (names.get(id) ?? id)),
    limits: ledger.settings,
  };
  return cached;
}

/** The ledger row of a tracking number, as a link to its month's page and row; undefined when it is not in the ledger. */
export function ledgerLink(trackingNumber: string): string | undefined {
  for (const [month, rows] of getFeedbackData().byMonth) {
    const i = rows.findIndex((r) => r.trackingNumber === trackingNumber);
    if (i >= 0) return `${urls.ledgerMonth(month, Math.floor(i / LEDGER_PAGE_SIZE) + 1)}#${trackingNumber}`;
  }
  return undefined;
}

/** Rows of a page of a month's ledger. */
export const LEDGER_PAGE_SIZE = 200;

/** A rate for people: 67%, or 样本不足. */
export const rateText = (rate: number | null) => (rate === null ? t.tooFew : `${Math.round(rate * 100)}%`);

/** The columns of the figures tables and the statistics' open data, with their labels. */
export const FIGURE_COLUMNS = [
  ['received', t.received], ['accepted', t.accepted], ['notAccepted', t.notAccepted], ['replied', t.replied], ['repliedOnTime', t.repliedOnTime],
  ['onTimeRate', t.onTimeRate], ['medianWorkingDays', t.medianDays], ['extended', t.extended], ['overdueNow', t.overdueNow], ['rated', t.rated],
  ['satisfied', t.satisfied], ['satisfiedRate', t.satisfiedRate], ['dissatisfied', t.dissatisfied], ['reopened', t.reopened],
] as const satisfies readonly (readonly [keyof FeedbackFigures, string])[];

/** A figure as a table shows it. */
export function figureText(f: FeedbackFigures, key: (typeof FIGURE_COLUMNS)[number][0]): string {
  if (key === 'onTimeRate' || key === 'satisfiedRate') return rateText(f[key]);
  if (key === 'medianWorkingDays') return f.medianWorkingDays === null ? '—' : String(f.medianWorkingDays);
  return String(f[key]);
}

// ——— open data ———

const STAT_FIELDS = [
  { name: 'period', type: 'string', title: '统计期', required: true, description: 'all（全部）、年份 YYYY 或月份 YYYY-MM；按收到留言的日期归集' },
  { name: 'unit', type: 'string', title: `${t.unit}编码`, description: '空为全部单位合计；none 为尚未确定承办单位' },
  { name: 'unitName', type: 'string', title: t.unit, required: true },
  ...FIGURE_COLUMNS.map(([name, title]) => ({
    name,
    type: name === 'onTimeRate' || name === 'satisfiedRate' || name === 'medianWorkingDays' ? ('number' as const) : ('integer' as const),
    title,
    ...(name === 'onTimeRate' || name === 'satisfiedRate' ? { description: `0–1；少于 ${5} 件时为空（样本不足）` } : {}),
  })),
  ...REJECT_CATEGORIES.map((c) => ({ name: `notAccepted_${c}`, type: 'integer' as const, title: `${t.notAccepted}：${rejectCategory[c]}` })),
] as const satisfies readonly FieldDef<string>[];

type StatRecord = Record<string, string | number | null>;

function statRecord(period: string, unit: string | null | undefined, name: string, f: FeedbackFigures): StatRecord {
  return {
    period,
    unit: unit === undefined ? '' : (unit ?? 'none'),
    unitName: name,
    ...Object.fromEntries(FIGURE_COLUMNS.map(([k]) => [k, f[k] as number | null])),
    ...Object.fromEntries(REJECT_CATEGORIES.map((c) => [`notAccepted_${c}`, f.notAcceptedBy[c]])),
  };
}

/** Every period × (all units, each unit) as open-data records. */
export function statRecords(data: FeedbackData): StatRecord[] {
  const s = data.statistics;
  const of = (p: PeriodFigures) => [statRecord(p.period, undefined, t.whole, p.total), ...p.units.map((u) => statRecord(p.period, u.unit, data.unitName(u.unit), u.figures))];
  return [s.all, ...s.years, ...s.months].flatMap(of);
}

export const STAT_CSV_FIELDS: readonly FieldDef<string>[] = STAT_FIELDS;

export const LEDGER_FIELDS = [
  { name: 'trackingNumber', type: 'string', title: l.trackingNumber, required: true },
  { name: 'receivedOn', type: 'date', title: l.receivedOn, required: true },
  { name: 'kind', type: 'string', title: l.kind, required: true, enum: [...FEEDBACK_KINDS], description: FEEDBACK_KINDS.map((k) => `${k}=${kindLabel(k)}`).join('；') },
  { name: 'status', type: 'string', title: l.status, required: true, enum: [...FEEDBACK_STATUSES], description: FEEDBACK_STATUSES.map((s) => `${s}=${statusLabel(s)}`).join('；') },
  { name: 'unit', type: 'string', title: `${l.unit}编码`, description: '尚未交办时为空；问题线索在答复前为空' },
  { name: 'deadline', type: 'date', title: l.deadline, description: '答复时限（含经批准的延期）；尚未受理时为受理时限' },
  { name: 'repliedOn', type: 'date', title: l.repliedOn },
  { name: 'onTime', type: 'boolean', title: l.onTime, description: '答复日期不晚于办理时限；未答复时为空' },
  { name: 'workingDays', type: 'integer', title: '答复用时（工作日）', description: '从收到到答复的工作日数；未答复时为空' },
  { name: 'extended', type: 'boolean', title: l.extended, required: true },
  { name: 'rating', type: 'string', title: l.rating, enum: [...RATINGS], description: RATINGS.map((r) => `${r}=${RATING[r].label}`).join('；') },
  { name: 'reopened', type: 'boolean', title: t.reopened, required: true },
  { name: 'rejectCategory', type: 'string', title: l.rejectCategory, enum: [...REJECT_CATEGORIES], description: REJECT_CATEGORIES.map((c) => `${c}=${rejectCategory[c]}`).join('；') },
] as const satisfies readonly FieldDef<keyof LedgerRow>[];
