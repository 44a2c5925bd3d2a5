/**
 * One form per action the API says this user may take now (`actions` of the detail): accept, reject with a
 * reason, assign to units, draft the reply (admins choose the unit), approve, send back with a note, close,
 * reveal the contact details with a reason category and a reason; the clock's: an interim reply, an extension
 * request (new deadline and reason) and its approval or refusal, a transfer to another unit. Each is checked with the API's schema and rules before it is
 * sent, with the version of the submission the user is looking at.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ActionRequest } from '../../../domain/feedback/staff-schema.ts';
import type { StaffUser } from '../../../domain/feedback/workflow.ts';
import { contactReadReason, deadlineLabel, rejectCategory, staffPage as t } from '../../../domain/labels/zh-CN.ts';
import { REVEAL_REASONS, type RejectCategory } from '../../../domain/feedback/events.ts';
import { validateAction } from '../../scripts/staff-api.ts';
import { describedBy, errorOf, ErrorSummary, FieldMessage, TextArea } from './forms.tsx';
import type { FieldError } from '../../../domain/api/problem.ts';
import type { StaffAction } from '../../../domain/feedback/status.ts';
import type { StaffSubmission, UnitInfo } from '../../../domain/api/staff.ts';
import { unitDirectory } from '../../../domain/units.ts';

/** What an action does with the answer: field errors to show (422), or null when handled. */
export type Act = (body: ActionRequest) => Promise<FieldError[] | null>;

interface Props {
  readonly user: StaffUser;
  readonly units: readonly UnitInfo[];
  readonly submission: StaffSubmission;
  readonly actions: readonly StaffAction[];
  readonly onAct: Act;
  /** Forms of other routes offered here too (立项督办). */
  readonly children?: ReactNode;
}

export default function ActionForms({ user, units, submission, actions, onAct, children }: Props) {
  return (
    <section aria-labelledby="staff-actions-title" className="staff-actions">
      <h3 id="staff-actions-title">{t.actions}</h3>
      {actions.length === 0 && !children ? (
        <p>{t.noActions}</p>
      ) : (
        actions.map((a) => <ActionForm key={`${a}-${submission.version}`} action={a} user={user} units={units} submission={submission} onAct={onAct} />)
      )}
      {children}
    </section>
  );
}

interface Values {
  reasonCategory: string;
  reason: string;
  note: string;
  text: string;
  unit: string;
  units: string[];
  deadline: string;
  category: RejectCategory;
}

function ActionForm({ action, user, units, submission, onAct }: { action: StaffAction } & Omit<Props, 'actions' | 'children'>) {
  const assigned = submission.units ?? [];
  const [values, setValues] = useState<Values>({
    reasonCategory: '',
    reason: '',
    note: '',
    text: action === 'draft' ? (submission.draft?.text ?? '') : '',
    unit: action === 'transfer' ? (units.find((u) => !assigned.includes(u.id))?.id ?? '') : (submission.draft?.unit ?? assigned[0] ?? ''),
    units: [...assigned],
    deadline: '',
    category: 'out_of_scope',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const id = (field: string) => `staff-${action}-${field}`;
  const names = unitDirectory(units);
  const texts = t[action];

  function body(): ActionRequest {
    const base = { action, version: submission.version };
    switch (action) {
      case 'reject':
        return { ...base, reason: values.reason, category: values.category };
      case 'reveal':
        return { ...base, ...(values.reasonCategory ? { reasonCategory: values.reasonCategory as (typeof REVEAL_REASONS)[number] } : {}), reason: values.reason };
      case 'send_back':
      case 'refuse_extension':
        return { ...base, note: values.note };
      case 'interim':
        return { ...base, text: values.text };
      case 'request_extension':
        return { ...base, deadline: values.deadline, reason: values.reason };
      case 'transfer':
        return { ...base, unit: values.unit, note: values.note };
      case 'assign':
        return { ...base, units: values.units };
      case 'draft':
        return { ...base, text: values.text, ...(user.role === 'unit' ? {} : { unit: values.unit }) };
      default:
        return base;
    }
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    const request = body();
    const problems = validateAction(user, submission, request, names.ids);
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const answer = await onAct(request);
      if (answer) setErrors(answer);
    } finally {
      setBusy(false);
    }
  }

  // Where the error summary's links go: the field's control (the first checkbox for units).
  const fieldIds: Record<string, string> = { reasonCategory: id('reasonCategory'), reason: id('reason'), note: id('note'), text: id('text'), unit: id('unit'), units: `${id('units')}-${units[0]?.id ?? ''}`, deadline: id('deadline'), category: id('category') };
  const deadlineError = errorOf(errors, 'deadline');
  const categoryError = errorOf(errors, 'category');
  const unitsError = errorOf(errors, 'units');
  const unitError = errorOf(errors, 'unit');
  const revealCategoryError = errorOf(errors, 'reasonCategory');
  return (
    <section aria-labelledby={id('title')} className="staff-action">
      <h4 id={id('title')}>{texts.title}</h4>
      <form onSubmit={submit} noValidate className="form">
        <p className="hint" id={id('help')}>
          {texts.help}
        </p>
        <ErrorSummary id={id('errors')} errors={errors} fieldIds={fieldIds} />
        {action === 'reveal' && (
          <div className={`form-field${revealCategoryError ? ' has-error' : ''}`}>
            <label htmlFor={id('reasonCategory')}>{t.reveal.category}</label>
            <FieldMessage id={id('reasonCategory')} error={revealCategoryError} />
            <select id={id('reasonCategory')} value={values.reasonCategory} aria-invalid={revealCategoryError ? true : undefined} aria-describedby={describedBy(id('reasonCategory'), revealCategoryError)} onChange={(e) => set({ reasonCategory: e.target.value })}>
              <option value="">{t.reveal.categoryChoose}</option>
              {REVEAL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {contactReadReason[r]}
                </option>
              ))}
            </select>
          </div>
        )}
        {action === 'reject' && (
          <div className={`form-field${categoryError ? ' has-error' : ''}`}>
            <label htmlFor={id('category')}>{t.rejectCategory}</label>
            <FieldMessage id={id('category')} error={categoryError} />
            <select id={id('category')} value={values.category} aria-invalid={categoryError ? true : undefined} aria-describedby={describedBy(id('category'), categoryError)} onChange={(e) => set({ category: e.target.value as RejectCategory })}>
              {(Object.keys(rejectCategory) as RejectCategory[]).map((c) => (
                <option key={c} value={c}>
                  {rejectCategory[c]}
                </option>
              ))}
            </select>
          </div>
        )}
        {action === 'approve_extension' && submission.extension && (
          <dl className="staff-facts">
            <dt>{t.request_extension.deadline}</dt>
            <dd>{submission.extension.deadline}</dd>
            <dt>{t.request_extension.reason}</dt>
            <dd>{submission.extension.reason}</dd>
          </dl>
        )}
        {action === 'request_extension' && (
          <div className={`form-field${deadlineError ? ' has-error' : ''}`}>
            <label htmlFor={id('deadline')}>{t.request_extension.deadline}</label>
            <p className="hint" id={`${id('deadline')}-hint`}>
              {t.request_extension.deadlineHint}
              {submission.replyBy ? `；${deadlineLabel.replyBy} ${submission.replyBy}` : ''}
            </p>
            <FieldMessage id={id('deadline')} error={deadlineError} />
            <input
              type="date"
              id={id('deadline')}
              value={values.deadline}
              min={submission.replyBy}
              aria-invalid={deadlineError ? true : undefined}
              aria-describedby={describedBy(id('deadline'), deadlineError, `${id('deadline')}-hint`)}
              onChange={(e) => set({ deadline: e.target.value })}
            />
          </div>
        )}
        {(action === 'reject' || action === 'reveal' || action === 'request_extension') && (
          <TextArea id={id('reason')} label={t[action].reason} hint={t[action].reasonHint} value={values.reason} error={errorOf(errors, 'reason')} rows={3} onChange={(v) => set({ reason: v })} />
        )}
        {action === 'transfer' && (
          <div className={`form-field${unitError ? ' has-error' : ''}`}>
            <label htmlFor={id('unit')}>{t.transfer.unit}</label>
            <FieldMessage id={id('unit')} error={unitError} />
            <select id={id('unit')} value={values.unit} aria-invalid={unitError ? true : undefined} aria-describedby={describedBy(id('unit'), unitError)} onChange={(e) => set({ unit: e.target.value })}>
              {units
                .filter((u) => !assigned.includes(u.id))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </div>
        )}
        {(action === 'send_back' || action === 'refuse_extension' || action === 'transfer') && (
          <TextArea id={id('note')} label={t[action].note} hint={t[action].noteHint} value={values.note} error={errorOf(errors, 'note')} rows={3} onChange={(v) => set({ note: v })} />
        )}
        {action === 'interim' && <TextArea id={id('text')} label={t.interim.text} hint={t.interim.textHint} value={values.text} error={errorOf(errors, 'text')} rows={5} onChange={(v) => set({ text: v })} />}
        {action === 'assign' && (
          <fieldset className={`form-field staff-units${unitsError ? ' has-error' : ''}`} aria-describedby={describedBy(id('units'), unitsError)}>
            <legend>{t.assign.units}</legend>
            <FieldMessage id={id('units')} error={unitsError} />
            {units.map((u) => (
              <div className="choice" key={u.id}>
                <input
                  type="checkbox"
                  id={`${id('units')}-${u.id}`}
                  checked={values.units.includes(u.id)}
                  aria-invalid={unitsError ? true : undefined}
                  onChange={(e) => set({ units: e.target.checked ? [...values.units, u.id] : values.units.filter((x) => x !== u.id) })}
                />
                <label htmlFor={`${id('units')}-${u.id}`}>{u.name}</label>
              </div>
            ))}
          </fieldset>
        )}
        {action === 'draft' && user.role !== 'unit' && (
          <div className={`form-field${unitError ? ' has-error' : ''}`}>
            <label htmlFor={id('unit')}>{t.draft.unit}</label>
            <FieldMessage id={id('unit')} error={unitError} />
            <select id={id('unit')} value={values.unit} aria-invalid={unitError ? true : undefined} aria-describedby={describedBy(id('unit'), unitError)} onChange={(e) => set({ unit: e.target.value })}>
              {assigned.map((u) => (
                <option key={u} value={u}>
                  {names.name(u)}
                </option>
              ))}
            </select>
          </div>
        )}
        {action === 'draft' && <TextArea id={id('text')} label={t.draft.text} hint={t.draft.textHint} value={values.text} error={errorOf(errors, 'text')} rows={8} onChange={(v) => set({ text: v })} />}
        <p>
          <button type="submit" disabled={busy} aria-describedby={id('help')}>
            {busy ? t.working : texts.submit}
          </button>
        </p>
      </form>
    </section>
  );
}
