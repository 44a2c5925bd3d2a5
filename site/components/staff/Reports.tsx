/**
 * 我的督查事项 and the review of units' reports, in the staff console. A unit sees its published items
 * (lead or supporting) with their flags (即将到期 / 已逾期 / 超过 30 天未报送), files 进展报送 — and, as
 * lead unit, 延期申请 / 办结申请 — and revises a returned report; a reviewer approves or returns the
 * pending ones with a note. Every message is the API's own (the same schemas, domain/items/report.ts).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../../scripts/form-errors.ts';
import type { StaffApi } from '../../scripts/staff-api.ts';
import type { FieldError } from '../../../domain/api/problem.ts';
import type { Me, MyItem, ReportView } from '../../../domain/api/staff.ts';
import { reportLabels, reportPage as t, status as statusLabel } from '../../../domain/labels/zh-CN.ts';
import { unitDirectory } from '../../../domain/units.ts';

type Kind = 'progress' | 'extension' | 'completion';

/** The fields of one kind, from a form. */
function fieldsOf(kind: Kind, form: FormData): Record<string, unknown> {
  const v = (k: string) => String(form.get(k) ?? '').trim();
  if (kind === 'progress') return { kind, date: v('date'), text: v('text'), progress: v('progress') === '' ? undefined : Number(v('progress')), ...(v('reason') ? { reason: v('reason') } : {}) };
  if (kind === 'extension') return { kind, newDeadline: v('newDeadline'), reason: v('reason') };
  return { kind, outcome: v('outcome'), completedOn: v('completedOn') };
}

function Errors({ errors }: { errors: readonly FieldError[] }) {
  if (!errors.length) return null;
  return (
    <ul className="error-message" role="alert">
      {errors.map((e) => (
        <li key={e.field + e.message}>{`${(t as Record<string, unknown>)[e.field.replace(/^fields\./, '')] ?? e.field}：${e.message}`}</li>
      ))}
    </ul>
  );
}

/** One report form (new or resubmitted), for `kind`. */
function ReportForm({ id, kind, initial, onSend, label }: { id: string; kind: Kind; initial?: Record<string, unknown>; onSend: (fields: Record<string, unknown>) => Promise<readonly FieldError[]>; label: string }) {
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setErrors(await onSend(fieldsOf(kind, new FormData(e.currentTarget))));
    setBusy(false);
  }
  const field = (name: string, type: 'date' | 'number' | 'textarea', required = true) => (
    <div className="form-field">
      <label htmlFor={`${id}-${name}`}>{(t as Record<string, unknown>)[name] as string}</label>
      {type === 'textarea' ? (
        <textarea id={`${id}-${name}`} name={name} rows={3} required={required} defaultValue={String(initial?.[name] ?? '')} />
      ) : (
        <input id={`${id}-${name}`} name={name} type={type} required={required} defaultValue={initial?.[name] === undefined ? '' : String(initial[name])} {...(type === 'number' ? { min: 0, max: 100 } : {})} />
      )}
    </div>
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`${label}：${reportLabels.kind[kind]}`}>
      <Errors errors={errors} />
      {kind === 'progress' && (
        <>
          {field('date', 'date')}
          {field('text', 'textarea')}
          {field('progress', 'number')}
          {field('reason', 'textarea', false)}
        </>
      )}
      {kind === 'extension' && (
        <>
          {field('newDeadline', 'date')}
          {field('reason', 'textarea')}
        </>
      )}
      {kind === 'completion' && (
        <>
          {field('outcome', 'textarea')}
          {field('completedOn', 'date')}
        </>
      )}
      <button type="submit" disabled={busy}>
        {label}
      </button>
    </form>
  );
}

const problemsOf = (error: unknown): readonly FieldError[] | null => fieldErrorsOf(error);

export default function Reports({ api, me, announce, onError }: { api: StaffApi; me: Me; announce: (text: string) => void; onError: (error: unknown) => void }) {
  const [items, setItems] = useState<readonly MyItem[] | null>(null);
  const [pending, setPending] = useState<readonly ReportView[] | null>(null);
  const units = unitDirectory(me.units);
  const isUnit = me.user.role === 'unit';
  const load = useCallback(async () => {
    try {
      if (isUnit) setItems((await api.myItems()).items);
      else setPending((await api.reports('pending')).reports);
    } catch (error) {
      onError(error);
    }
  }, [api, isUnit, onError]);
  useEffect(() => void load(), [load]);

  async function send(run: () => Promise<ReportView>, done: (r: ReportView) => string): Promise<readonly FieldError[]> {
    try {
      const r = await run();
      announce(done(r));
      await load();
      return [];
    } catch (error) {
      const fields = problemsOf(error);
      if (fields) return fields;
      onError(error);
      return [];
    }
  }

  if (!isUnit) {
    return (
      <section className="staff-reports" aria-labelledby="reports-review">
        <h2 id="reports-review">{t.review}</h2>
        {pending && !pending.length && <p className="muted">{t.reviewNone}</p>}
        {pending?.map((r) => (
          <article key={r.id} className="staff-report" aria-labelledby={`r-${r.id}`}>
            <h3 id={`r-${r.id}`}>
              {r.itemId} {r.itemTitle} · {r.kindLabel}
            </h3>
            <dl className="staff-facts">
              <dt>{t.unit}</dt>
              <dd>{units.find(r.unit) ?? r.unit}</dd>
              {Object.entries(r.fields)
                .filter(([k]) => k !== 'kind')
                .map(([k, v]) => (
                  <div key={k} style={{ display: 'contents' }}>
                    <dt>{(t as Record<string, unknown>)[k] as string}</dt>
                    <dd className="plain-text">{String(v)}</dd>
                  </div>
                ))}
            </dl>
            <button type="button" onClick={() => void send(() => api.reportAction(r.id, { action: 'approve', version: r.version }), (x) => t.done(x.statusLabel))}>
              {t.approve}
            </button>
            <ReturnForm id={r.id} onSend={(note) => send(() => api.reportAction(r.id, { action: 'return', version: r.version, note }), (x) => t.done(x.statusLabel))} />
          </article>
        ))}
      </section>
    );
  }
  return (
    <section className="staff-reports" aria-labelledby="my-items">
      <h2 id="my-items">{t.myItems}</h2>
      <p>{t.myItemsIntro}</p>
      {items && !items.length && <p className="muted">{t.none}</p>}
      {items?.map((i) => (
        <article key={i.id} className="staff-report" aria-labelledby={`i-${i.id}`}>
          <h3 id={`i-${i.id}`}>
            {i.id} {i.title}
          </h3>
          <p>
            {i.lead ? t.role.lead : t.role.support} · {t.deadline} {i.effectiveDeadline} · {t.status} {(statusLabel as Record<string, string>)[i.status] ?? i.status} · {t.progress} {i.progress}% · {t.lastUpdate} {i.lastUpdate ?? '—'}
            {i.flagLabels.map((f) => (
              <span key={f} className="badge">
                {' '}
                {f}
              </span>
            ))}
          </p>
          {i.reports.length > 0 && (
            <ul aria-label={t.reports}>
              {i.reports.map((r) => (
                <li key={r.id}>
                  {r.kindLabel}：{r.statusLabel}
                  {r.note && <span className="plain-text">（{t.note}：{r.note}）</span>}
                  {r.status === 'returned' && (
                    <details>
                      <summary>{t.resubmit}</summary>
                      <ReportForm id={`re-${r.id}`} kind={r.kind} initial={r.fields} label={t.resubmit} onSend={(fields) => send(() => api.reportAction(r.id, { action: 'resubmit', version: r.version, fields, rev: i.rev }), (x) => t.submitted(x.kindLabel))} />
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )}
          {i.status !== 'completed' &&
            (i.lead ? (['progress', 'extension', 'completion'] as const) : (['progress'] as const)).map((kind) => (
              <details key={kind}>
                <summary>{reportLabels.kind[kind]}</summary>
                <ReportForm id={`${i.id}-${kind}`} kind={kind} label={t.submit} onSend={(fields) => send(() => api.report({ itemId: i.id, rev: i.rev, fields }), (x) => t.submitted(x.kindLabel))} />
              </details>
            ))}
        </article>
      ))}
    </section>
  );
}

function ReturnForm({ id, onSend }: { id: string; onSend: (note: string) => Promise<readonly FieldError[]> }) {
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setErrors(await onSend(String(new FormData(e.currentTarget).get('note') ?? '')));
      }}
    >
      <Errors errors={errors} />
      <div className="form-field">
        <label htmlFor={`note-${id}`}>{t.note}</label>
        <textarea id={`note-${id}`} name="note" rows={2} />
      </div>
      <button type="submit">{t.return}</button>
    </form>
  );
}
