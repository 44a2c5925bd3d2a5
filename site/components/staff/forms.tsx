/**
 * Form pieces of the console, the GOV.UK way the citizen forms use (site/scripts/form-errors.ts): an error
 * summary that takes focus and links to each field, and the message by the field, tied to its control with
 * aria-describedby and aria-invalid. The messages are the API's own (same schema, same dictionary).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useEffect, useRef } from 'react';
import { staffPage as t } from '../../../domain/labels/zh-CN.ts';
import type { FieldError } from '../../../domain/api/problem.ts';

export const label = (field: string, labels: Readonly<Record<string, string>> = t.field) => labels[field];

/** The error of one field, if any. */
export const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/** aria-describedby for a control: its error first, then its hints. */
export function describedBy(id: string, error: string | undefined, ...hints: (string | false | undefined)[]): string | undefined {
  const ids = [error ? `${id}-error` : '', ...hints.filter(Boolean)].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Shows `errors` (named by `labels`, the action forms' field names unless given) and moves focus to itself whenever a new list of errors arrives. */
export function ErrorSummary({ id, errors, fieldIds, labels }: { id: string; errors: readonly FieldError[]; fieldIds: Readonly<Record<string, string>>; labels?: Readonly<Record<string, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="group" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <p className="error-summary-title" id={`${id}-title`}>
        {t.errorSummary}
      </p>
      <ul>
        {errors.map((e) => {
          const name = label(e.field, labels);
          const text = name ? `${name}：${e.message}` : e.message;
          const target = fieldIds[e.field];
          return (
            <li key={`${e.field}:${e.message}`}>
              {target ? (
                <a
                  href={`#${target}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    document.getElementById(target)?.focus();
                  }}
                >
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The message by a field (with a prefix only screen readers hear). */
export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t.errorPrefix}</span>
      {error}
    </p>
  );
}

/** A labelled textarea with hint and error. */
export function TextArea(props: { id: string; label: string; hint?: string; value: string; error: string | undefined; rows?: number; maxLength?: number; onChange: (v: string) => void }) {
  const { id, hint, error } = props;
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <textarea
        id={id}
        rows={props.rows ?? 4}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint && `${id}-hint`)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** A labelled input (text or date) with hint and error. */
export function Input(props: { id: string; label: string; hint: string; type: 'text' | 'date'; value: string; error: string | undefined; onChange: (v: string) => void }) {
  const { id, error } = props;
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <FieldMessage id={id} error={error} />
      <input type={props.type} id={id} value={props.value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, `${id}-hint`)} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}
