/**
 * The units' progress reports in the staff API (进展报送 / 延期申请 / 办结申请): 我的督查事项 from the published
 * site facts, a unit's new report checked with the content schema's own rules (domain/items/report.ts), the
 * office's review (approve | return, the unit's resubmit; one version-checked write each) and the approved
 * reports for `npm run progress:export`. Mounted by staff-app.ts on its pipeline, after its sign-in.
 * Layer: functions/ — imports domain/ and functions/; never site/, infra/, scripts/ or tests/.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { Logger } from '@aws-lambda-powertools/logger';
import { createApi, validate, type PipelineEnv } from './pipeline.ts';
import { problems, refused } from './problems.ts';
import { ReportStore } from '../store/report-store.ts';
import type { FeedbackStore } from '../store/feedback-store.ts';
import type { SiteFactsSource } from './site-facts.ts';
import type { MyItem, MyItemsPage, ProgressExportPage, ReportsPage, ReportView } from '../../domain/api/staff.ts';
import { checkReport, decideReport, itemFlags, newReport, newReportSchema, REPORT_STATUSES, reportActionSchema, type ReportRecord } from '../../domain/items/report.ts';
import { reportError, reportLabels } from '../../domain/labels/zh-CN.ts';
import type { ClockContext, StaffUser } from '../../domain/feedback/workflow.ts';

/** The staff apps' context: the signed-in user on every request (staff-app.ts sets it). */
export type StaffEnv = PipelineEnv & { Variables: { user: StaffUser } };
type StaffApi = ReturnType<typeof createApi<StaffEnv>>;

export interface ReportRouteDeps {
  readonly feedback: FeedbackStore;
  /** Units' progress reports. @default in the feedback table */
  readonly reports?: ReportStore;
  readonly site: SiteFactsSource;
  readonly logger: Logger;
}

export function reportRoutes(api: StaffApi, deps: ReportRouteDeps, now: () => Date, time: () => Promise<ClockContext>): void {
  let reportStore = deps.reports;
  /** Made on first use (a route test's app has no store at all). */
  const reports = () => (reportStore ??= new ReportStore(deps.feedback.db, deps.feedback.tables));
  const reportView = (r: ReportRecord, title: string): ReportView => ({ ...r, kindLabel: reportLabels.kind[r.kind], statusLabel: reportLabels.status[r.status], itemTitle: title });
  const allReports = async (unit?: string) => (await Promise.all(REPORT_STATUSES.map((st) => reports().list(st, unit)))).flat();
  /** The published item a report is on; 422 naming itemId when there is none. */
  const publishedItem = async (id: string) => {
    const item = (await deps.site()).items.get(id);
    if (!item) throw problems.invalid([{ field: 'itemId', message: reportError.noItem(id) }]);
    return item;
  };

  api.on('myItems', async (c) => {
    const user = c.get('user');
    const t = await time();
    const { items } = await deps.site();
    const mine = [...items.values()].filter((i) => user.role !== 'unit' || i.leadUnit === user.unit || i.supportUnits.includes(user.unit ?? ''));
    const own = await allReports(user.role === 'unit' ? user.unit : undefined);
    const out: MyItem[] = mine.map((i) => {
      const rs = own.filter((r) => r.itemId === i.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const flags = itemFlags(i, rs, t);
      return { ...i, effectiveDeadline: i.extensions.at(-1)?.newDeadline ?? i.deadline, flags, flagLabels: flags.map((f) => reportLabels.flag[f]), lead: i.leadUnit === user.unit, reports: rs.map((r) => reportView(r, i.title)) };
    });
    // Open items first, soonest deadline first; completed ones after them.
    out.sort((a, b) => Number(a.status === 'completed') - Number(b.status === 'completed') || a.effectiveDeadline.localeCompare(b.effectiveDeadline) || a.id.localeCompare(b.id));
    return c.json({ asOf: t.today, items: out } satisfies MyItemsPage);
  });

  api.on('reports', validate('query', z.strictObject({ status: z.enum(REPORT_STATUSES).default('pending') })), async (c) => {
    const user = c.get('user');
    const { items } = await deps.site();
    const list = await reports().list(c.req.valid('query').status, user.role === 'unit' ? user.unit : undefined);
    return c.json({ reports: list.map((r) => reportView(r, items.get(r.itemId)?.title ?? r.itemId)) } satisfies ReportsPage);
  });

  api.on('newReport', validate('json', newReportSchema), async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    const item = await publishedItem(body.itemId);
    const t = await time();
    const check = checkReport(user, item, body.fields, t.today);
    if (!check.ok) throw refused({ ...check, field: check.field ? `fields.${check.field}` : '' });
    const at = now().toISOString();
    const id = `RP${t.today.replaceAll('-', '').slice(2)}-${randomBytes(5).toString('hex').toUpperCase()}`;
    const record = newReport({ ...user, unit: user.unit! }, { id, itemId: item.id, rev: body.rev, fields: body.fields }, at);
    if (!(await reports().create(record))) throw problems.versionConflict();
    deps.logger.info('report submitted', { actor: user.sub, report: id, item: item.id, kind: record.kind });
    return c.json(reportView(record, item.title), 201);
  });

  api.on('reportAction', validate('json', reportActionSchema), async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    const report = await reports().get(c.req.param('id') ?? '');
    if (!report || (user.role === 'unit' && report.unit !== user.unit)) throw problems.notFound(reportError.noReport);
    if (body.version !== report.version) throw problems.versionConflict(reportError.conflict);
    const item = await publishedItem(report.itemId);
    const t = await time();
    if (body.action === 'resubmit') {
      const check = checkReport(user, item, body.fields, t.today);
      if (!check.ok) throw refused({ ...check, field: check.field ? `fields.${check.field}` : '' });
    }
    const decision = decideReport(user, report, body, now().toISOString(), reportLabels.approvedBy);
    if (!decision.ok) throw refused(decision);
    if (!(await reports().save(decision.next, report.version))) throw problems.versionConflict(reportError.conflict);
    deps.logger.info('report action', { actor: user.sub, report: report.id, action: body.action, version: decision.next.version });
    return c.json(reportView(decision.next, item.title));
  });

  api.on('progressExport', async (c) => {
    const user = c.get('user');
    if (user.role === 'unit') throw problems.forbidden();
    const approved = (await reports().list('approved')).sort((a, b) => (a.approvedAt ?? '').localeCompare(b.approvedAt ?? '') || a.id.localeCompare(b.id));
    deps.logger.info('progress exported', { actor: user.sub, count: approved.length });
    return c.json({ reports: approved } satisfies ProgressExportPage);
  });

}
