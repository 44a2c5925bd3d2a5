/**
 * The queue: one tab per status with its count, filters (kind, unit, submission dates), a page of
 * submissions newest first, and cursor paging. Units see only their own submissions (the API enforces it;
 * the unit filter is not offered to them).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import Deadline from './Deadline.tsx';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../../../domain/feedback/status.ts';
import { chinaDateTime } from '../../../domain/dates.ts';
import { feedbackField, feedbackKind, feedbackStatus, nav, staffPage as t } from '../../../domain/labels/zh-CN.ts';
import type { StaffApi } from '../../scripts/staff-api.ts';
import { describedBy, errorOf, ErrorSummary, FieldMessage } from './forms.tsx';
import type { FieldError } from '../../../domain/api/problem.ts';
import type { Me, QueuePage } from '../../../domain/api/staff.ts';
import { unitDirectory } from '../../../domain/units.ts';

interface Filters {
  readonly kind: string;
  readonly unit: string;
  readonly from: string;
  readonly to: string;
}
const NO_FILTERS: Filters = { kind: '', unit: '', from: '', to: '' };

interface Props {
  readonly api: StaffApi;
  readonly me: Me;
  /** False while a submission is open: the queue keeps its state and reloads when shown again. */
  readonly active: boolean;
  /** Changes when the queue's heading should take focus. */
  readonly focusKey: number;
  readonly announce: (text: string) => void;
  readonly onError: (error: unknown) => void;
}

export default function Queue({ api, me, active, focusKey, announce, onError }: Props) {
  const isUnit = me.user.role === 'unit';
  const unitName = unitDirectory(me.units).shortName;
  const [status, setStatus] = useState<FeedbackStatus>(isUnit ? 'in_progress' : 'received');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  const [errors, setErrors] = useState<FieldError[]>([]);
  /** Cursors of the pages seen so far: the last is the current page's (undefined for the first). */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<QueuePage | null>(null);
  const [loading, setLoading] = useState(false);
  const tabs = useRef<Partial<Record<FeedbackStatus, HTMLButtonElement | null>>>({});
  const summary = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** What to do with focus when the page arrives: after paging it goes to the summary line. */
  const focusSummary = useRef(false);
  const run = useRef(0);

  const load = useCallback(async () => {
    const mine = ++run.current;
    setLoading(true);
    try {
      const data = await api.queue({ status, ...filters, cursor: cursors.at(-1) });
      if (mine !== run.current) return;
      setPage(data);
      const line = data.items.length ? t.queueShown(feedbackStatus[status], data.items.length, cursors.length) : t.queueEmpty;
      if (focusSummary.current) {
        focusSummary.current = false;
        requestAnimationFrame(() => summary.current?.focus());
      } else announce(line);
    } catch (error) {
      if (mine === run.current) onError(error);
    } finally {
      if (mine === run.current) setLoading(false);
    }
  }, [api, status, filters, cursors, announce, onError]);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  useEffect(() => {
    if (active && focusKey > 0) heading.current?.focus();
  }, [active, focusKey]);

  function choose(next: FeedbackStatus, focus = false) {
    if (next !== status) {
      setStatus(next);
      setCursors([undefined]);
    }
    if (focus) tabs.current[next]?.focus();
  }

  function onTabKey(ev: KeyboardEvent<HTMLButtonElement>) {
    const i = FEEDBACK_STATUSES.indexOf(status);
    const n = FEEDBACK_STATUSES.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    choose(FEEDBACK_STATUSES[to]!, true);
  }

  function applyFilters(ev: FormEvent) {
    ev.preventDefault();
    const problems: FieldError[] = form.from && form.to && form.to < form.from ? [{ field: 'to', message: t.dateOrder }] : [];
    setErrors(problems);
    if (problems.length) return;
    setFilters({ ...form, unit: isUnit ? '' : form.unit });
    setCursors([undefined]);
  }

  function clearFilters() {
    setErrors([]);
    setForm(NO_FILTERS);
    setFilters(NO_FILTERS);
    setCursors([undefined]);
  }

  function turn(next: boolean) {
    focusSummary.current = true;
    setCursors((c) => (next ? [...c, page?.cursor] : c.slice(0, -1)));
  }

  const toError = errorOf(errors, 'to');
  const counts = page?.counts ?? {};
  return (
    <section aria-labelledby="staff-queue-title" hidden={!active}>
      <h2 id="staff-queue-title" tabIndex={-1} ref={heading}>
        {t.queueTitle}
      </h2>
      <div role="tablist" aria-label={t.statusTabs} className="staff-tabs">
        {FEEDBACK_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`staff-tab-${s}`}
            aria-selected={s === status}
            aria-controls="staff-queue-panel"
            tabIndex={s === status ? 0 : -1}
            ref={(el) => {
              tabs.current[s] = el;
            }}
            onClick={() => choose(s)}
            onKeyDown={onTabKey}
          >
            {t.tab(feedbackStatus[s], counts[s])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="staff-queue-panel" aria-labelledby={`staff-tab-${status}`}>
        <form className="staff-filters" onSubmit={applyFilters} noValidate>
          <fieldset>
            <legend>{t.filters}</legend>
            <ErrorSummary id="staff-filter-errors" errors={errors} fieldIds={{ to: 'staff-filter-to' }} />
            <div className="staff-filter-fields">
              <div className="form-field">
                <label htmlFor="staff-filter-kind">{feedbackField.kind}</label>
                <select id="staff-filter-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
                  <option value="">{t.all}</option>
                  {Object.entries(feedbackKind).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </div>
              {!isUnit && (
                <div className="form-field">
                  <label htmlFor="staff-filter-unit">{t.units}</label>
                  <select id="staff-filter-unit" value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })}>
                    <option value="">{t.all}</option>
                    {me.units.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="form-field">
                <label htmlFor="staff-filter-from">{t.from}</label>
                <p className="hint" id="staff-filter-date-hint">
                  {t.dateHint}
                </p>
                <input id="staff-filter-from" type="date" value={form.from} aria-describedby="staff-filter-date-hint" onChange={(e) => setForm({ ...form, from: e.target.value })} />
              </div>
              <div className={`form-field${toError ? ' has-error' : ''}`}>
                <label htmlFor="staff-filter-to">{t.to}</label>
                <FieldMessage id="staff-filter-to" error={toError} />
                <input
                  id="staff-filter-to"
                  type="date"
                  value={form.to}
                  aria-invalid={toError ? true : undefined}
                  aria-describedby={describedBy('staff-filter-to', toError, 'staff-filter-date-hint')}
                  onChange={(e) => setForm({ ...form, to: e.target.value })}
                />
              </div>
            </div>
            <p className="actions">
              <button type="submit">{t.applyFilters}</button>
              <button type="button" onClick={clearFilters}>
                {t.clearFilters}
              </button>
            </p>
          </fieldset>
        </form>

        <p className="muted" id="staff-queue-summary" tabIndex={-1} ref={summary}>
          {loading ? t.queueLoading : page ? (page.items.length ? t.queueShown(feedbackStatus[status], page.items.length, cursors.length) : t.queueEmpty) : ''}
        </p>
        {page && page.items.length > 0 && (
          <ul className="items staff-queue" aria-busy={loading}>
            {page.items.map((i) => (
              <li key={i.trackingNumber}>
                <h3>
                  <a href={`#/${i.trackingNumber}`}>{i.title}</a>
                </h3>
                <p className="meta">
                  <span>{i.trackingNumber}</span>
                  {i.clock && <Deadline clock={i.clock} />}
                  <span>{i.kindLabel}</span>
                  <span>
                    {t.submittedAt} <time dateTime={i.createdAt}>{chinaDateTime(i.createdAt)}</time>
                  </span>
                  {i.units.length > 0 && <span>{`${t.assignedTo}：${i.units.map(unitName).join('、')}`}</span>}
                  {!i.verified && <span>{t.unverified}</span>}
                  {i.hasContact && <span>{t.hasContact}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
        {(cursors.length > 1 || page?.cursor) && (
          <nav className="pager" aria-label={nav.pagination}>
            {cursors.length > 1 && (
              <button type="button" onClick={() => turn(false)} disabled={loading}>
                {t.prevPage}
              </button>
            )}
            <span>{t.pageOf(cursors.length)}</span>
            {page?.cursor && (
              <button type="button" onClick={() => turn(true)} disabled={loading}>
                {t.nextPage}
              </button>
            )}
          </nav>
        )}
      </div>
    </section>
  );
}
