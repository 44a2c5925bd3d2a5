/**
 * 立项督办 (POST /api/staff/item-drafts): the office turns the submission on screen, and any similar accepted
 * ones named by tracking number (each sent with the version its detail shows now), into a new item's draft —
 * title, category, region, lead and supporting units, deadline. Checked with the API's schema before it is
 * sent; the API's 422 go beside the fields, like the action forms'.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useState, type FormEvent } from 'react';
import { category as categories, staffPage } from '../../../domain/labels/zh-CN.ts';
import { normalizeTrackingNumber } from '../../../domain/feedback/tracking-number.ts';
import { validatePromotion, type StaffApi } from '../../scripts/staff-api.ts';
import type { PromoteRequest } from '../../../domain/feedback/staff-schema.ts';
import { describedBy, errorOf, ErrorSummary, FieldMessage, Input, TextArea } from './forms.tsx';
import type { FieldError } from '../../../domain/api/problem.ts';
import type { StaffSubmission, UnitInfo } from '../../../domain/api/staff.ts';

const t = staffPage.promote;
const id = (field: string) => `staff-promote-${field}`;

interface Props {
  readonly api: StaffApi;
  readonly units: readonly UnitInfo[];
  readonly regions: Readonly<Record<string, string>>;
  readonly submission: StaffSubmission;
  /** Sends the request (field errors to show, or null when handled); a function of Detail, as `act` is. */
  readonly onPromote: (body: PromoteRequest) => Promise<FieldError[] | null>;
}

export default function PromoteForm({ api, units, regions, submission, onPromote }: Props) {
  const [v, setValues] = useState({
    title: submission.title,
    category: 'public_request',
    region: submission.region ?? '',
    leadUnit: submission.units?.[0] ?? units[0]?.id ?? '',
    supportUnits: [] as string[],
    deadline: '',
    others: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setValues((old) => ({ ...old, ...patch }));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      // Every other submission with the version it has now (its detail); a number that is not found is the API's 404 message.
      const others = [...new Set(v.others.split(/[\s,，、;；]+/).filter(Boolean).map(normalizeTrackingNumber))].filter((n) => n !== submission.trackingNumber);
      const submissions = [{ trackingNumber: submission.trackingNumber, version: submission.version }];
      for (const n of others) {
        try {
          submissions.push({ trackingNumber: n, version: (await api.detail(n)).submission.version });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return setErrors([{ field: 'submissions', message: `${n}：${message}` }]);
        }
      }
      const body = { submissions, title: v.title, category: v.category, region: v.region, leadUnit: v.leadUnit, supportUnits: v.supportUnits.filter((u) => u !== v.leadUnit), deadline: v.deadline };
      const problems = validatePromotion(body);
      setErrors(problems);
      if (problems.length) return;
      const answer = await onPromote(body);
      if (answer) setErrors(answer);
    } finally {
      setBusy(false);
    }
  }

  const fieldIds: Record<string, string> = { submissions: id('others'), title: id('title'), category: id('category'), region: id('region'), leadUnit: id('leadUnit'), supportUnits: `${id('supportUnits')}-${units.find((u) => u.id !== v.leadUnit)?.id ?? ''}`, deadline: id('deadline') };
  const err = (field: string) => errorOf(errors, field);
  const select = (field: 'category' | 'region' | 'leadUnit', options: readonly (readonly [string, string])[]) => (
    <div className={`form-field${err(field) ? ' has-error' : ''}`}>
      <label htmlFor={id(field)}>{t[field]}</label>
      <FieldMessage id={id(field)} error={err(field)} />
      <select id={id(field)} value={v[field]} aria-invalid={err(field) ? true : undefined} aria-describedby={describedBy(id(field), err(field))} onChange={(e) => set({ [field]: e.target.value })}>
        {options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby={id('heading')} className="staff-action">
      <h4 id={id('heading')}>{t.title}</h4>
      <form onSubmit={submit} noValidate className="form">
        <p className="hint" id={id('help')}>
          {t.help}
        </p>
        <ErrorSummary id={id('errors')} errors={errors} fieldIds={fieldIds} labels={t.field} />
        <Input id={id('title')} label={t.itemTitle} hint={t.itemTitleHint} type="text" value={v.title} error={err('title')} onChange={(title) => set({ title })} />
        {select('category', Object.entries(categories))}
        {select('region', [['', staffPage.reveal.categoryChoose], ...Object.entries(regions)])}
        {select(
          'leadUnit',
          units.map((u) => [u.id, u.name]),
        )}
        <fieldset className={`form-field staff-units${err('supportUnits') ? ' has-error' : ''}`} aria-describedby={describedBy(id('supportUnits'), err('supportUnits'))}>
          <legend>{t.supportUnits}</legend>
          <FieldMessage id={id('supportUnits')} error={err('supportUnits')} />
          {units
            .filter((u) => u.id !== v.leadUnit)
            .map((u) => (
              <div className="choice" key={u.id}>
                <input
                  type="checkbox"
                  id={`${id('supportUnits')}-${u.id}`}
                  checked={v.supportUnits.includes(u.id)}
                  aria-invalid={err('supportUnits') ? true : undefined}
                  onChange={(e) => set({ supportUnits: e.target.checked ? [...v.supportUnits, u.id] : v.supportUnits.filter((x) => x !== u.id) })}
                />
                <label htmlFor={`${id('supportUnits')}-${u.id}`}>{u.name}</label>
              </div>
            ))}
        </fieldset>
        <Input id={id('deadline')} label={t.deadline} hint={t.deadlineHint} type="date" value={v.deadline} error={err('deadline')} onChange={(deadline) => set({ deadline })} />
        <TextArea id={id('others')} label={t.others} hint={t.othersHint} value={v.others} error={err('submissions')} rows={3} onChange={(others) => set({ others })} />
        <p>
          <button type="submit" disabled={busy} aria-describedby={id('help')}>
            {busy ? staffPage.working : t.submit}
          </button>
        </p>
      </form>
    </section>
  );
}
