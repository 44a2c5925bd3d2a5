/**
 * The sign-in screen: paste a development token locally, or go to the identity provider's hosted sign-in
 * page (Cognito or another OpenID Connect provider) in AWS.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { looksLikeJwt, startSignIn, type ConsoleConfig } from '../../scripts/staff-auth.ts';
import { staffPage as t } from '../../../domain/labels/zh-CN.ts';
import { errorOf, ErrorSummary, FieldMessage, describedBy } from './forms.tsx';
import type { FieldError } from '../../../domain/api/problem.ts';

interface Props {
  readonly config: ConsoleConfig | null;
  /** Why the user is here again (signed out, token refused), shown above the form. */
  readonly message?: string | undefined;
  readonly error?: string | undefined;
  readonly onToken: (token: string) => Promise<void>;
}

export default function SignIn({ config, message, error, onToken }: Props) {
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Coming back to sign-in (signed out, token expired): start at the top of the form.
  useEffect(() => {
    if (message || error) heading.current?.focus();
  }, [message, error]);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const value = token.trim();
    const problem = !value ? t.tokenRequired : !looksLikeJwt(value) ? t.tokenFormat : null;
    if (problem) {
      setErrors([{ field: 'token', message: problem }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await onToken(value);
    } finally {
      setBusy(false);
    }
  }

  const tokenError = errorOf(errors, 'token');
  return (
    <section aria-labelledby="staff-signin-title" className="staff-signin">
      <h2 id="staff-signin-title" tabIndex={-1} ref={heading}>
        {t.signInTitle}
      </h2>
      {message && <p className="note">{message}</p>}
      {error && <p className="error-message">{error}</p>}
      {config === null ? null : config.mode === 'dev' ? (
        <form onSubmit={submit} noValidate className="form">
          <p>{t.devIntro}</p>
          <p id="staff-token-howto">{t.devHowTo}</p>
          <pre className="staff-command">
            <code>{t.devCommand}</code>
          </pre>
          <ErrorSummary id="staff-signin-errors" errors={errors} fieldIds={{ token: 'staff-token' }} />
          <div className={`form-field${tokenError ? ' has-error' : ''}`}>
            <label htmlFor="staff-token">{t.tokenLabel}</label>
            <p className="hint" id="staff-token-hint">
              {t.tokenHint}
            </p>
            <FieldMessage id="staff-token" error={tokenError} />
            <textarea
              id="staff-token"
              rows={4}
              spellCheck={false}
              autoComplete="off"
              value={token}
              aria-invalid={tokenError ? true : undefined}
              aria-describedby={describedBy('staff-token', tokenError, 'staff-token-howto', 'staff-token-hint')}
              onChange={(e) => setToken(e.target.value)}
            />
          </div>
          <p>
            <button type="submit" disabled={busy}>
              {busy ? t.signingIn : t.signIn}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p>{t.ssoIntro}</p>
          <p>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void startSignIn(config);
              }}
            >
              {t.ssoButton}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
