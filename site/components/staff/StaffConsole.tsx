/**
 * The staff console (/staff/), the site's only React island. Signs in (GET /api/staff-config: a pasted
 * development token locally, the provider's hosted sign-in with PKCE in AWS), then shows the queue or one
 * submission — `#/` and `#/<tracking number>` in the address, so the browser's back button and links work.
 *
 * Announcements go to one polite status region and one alert region; focus moves to the heading of
 * whatever replaced the control the user was on. 401 from any call returns to sign-in.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../scripts/form-errors.ts';
import { clearToken, finishSignIn, logoutUrl, parseConfig, saveToken, SignInError, storedToken, type ConsoleConfig } from '../../scripts/staff-auth.ts';
import { staffApi } from '../../scripts/staff-api.ts';
import { formText, staffPage as t, staffRole } from '../../../domain/labels/zh-CN.ts';
import DetailView from './Detail.tsx';
import Queue from './Queue.tsx';
import Reports from './Reports.tsx';
import SignIn from './SignIn.tsx';
import { TRACKING_NUMBER, normalizeTrackingNumber } from '../../../domain/feedback/tracking-number.ts';
import type { Me } from '../../../domain/api/staff.ts';
import { unitDirectory } from '../../../domain/units.ts';
import { routePath } from '../../../domain/api/routes.ts';

type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'signin'; readonly config: ConsoleConfig | null; readonly message?: string; readonly error?: string }
  | { readonly kind: 'ready'; readonly config: ConsoleConfig; readonly token: string; readonly me: Me };

/** `#/DC2611-7K3Q9M` → the tracking number; `#/` or no hash → the queue; any other hash (#main) → unchanged. */
function routeOf(hash: string): string | null | undefined {
  if (hash === '' || hash === '#' || hash === '#/') return null;
  if (!hash.startsWith('#/')) return undefined;
  const t = normalizeTrackingNumber(decodeURIComponent(hash.slice(2)));
  return TRACKING_NUMBER.test(t) ? t : null;
}

export default function StaffConsole({ regions }: { regions: Readonly<Record<string, string>> }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [route, setRoute] = useState<string | null>(null);
  const [status, setStatus] = useState({ text: '', n: 0 });
  const [alertText, setAlertText] = useState({ text: '', n: 0 });
  const alertRef = useRef<HTMLDivElement>(null);
  const pageTitle = useRef('');
  /** Bumped when the queue replaces what the user was on (signed in, came back): its heading takes focus. */
  const [queueFocus, setQueueFocus] = useState(0);

  const announce = useCallback((text: string) => setStatus((s) => ({ text, n: s.n + 1 })), []);
  const alert = useCallback((text: string) => setAlertText((s) => ({ text, n: s.n + 1 })), []);

  const signInWith = useCallback(async (config: ConsoleConfig, token: string, fromForm: boolean) => {
    try {
      const me = await staffApi(token).me();
      saveToken(token);
      setAlertText((s) => ({ text: '', n: s.n + 1 }));
      setPhase({ kind: 'ready', config, token, me });
      if (fromForm) setQueueFocus((n) => n + 1);
    } catch (error) {
      clearToken();
      const message = error instanceof ApiError ? (fromForm && error.status === 401 ? t.tokenRejected : error.message) : formText.networkError;
      setPhase({ kind: 'signin', config, error: message });
    }
  }, []);

  useEffect(() => {
    pageTitle.current = document.title;
    setRoute(routeOf(location.hash) ?? null);
    const onHash = () => {
      const r = routeOf(location.hash);
      if (r === undefined) return;
      setAlertText((s) => ({ text: '', n: s.n + 1 }));
      setRoute(r);
      if (r === null) setQueueFocus((n) => n + 1);
    };
    addEventListener('hashchange', onHash);
    void (async () => {
      let config: ConsoleConfig | null = null;
      try {
        const res = await fetch(routePath('staffConfig'), { headers: { Accept: 'application/json' }, cache: 'no-store' });
        config = res.ok ? parseConfig(await res.json()) : null;
      } catch {
        config = null;
      }
      if (!config) return setPhase({ kind: 'signin', config: null, error: t.configFailed });
      if (config.mode !== 'dev') {
        try {
          const token = await finishSignIn(config, new URLSearchParams(location.search), t.signInFailed);
          if (token) {
            // The code is used up: take it out of the address (and the history).
            history.replaceState(null, '', location.pathname + location.hash);
            return signInWith(config, token, false);
          }
        } catch (error) {
          history.replaceState(null, '', location.pathname + location.hash);
          return setPhase({ kind: 'signin', config, error: error instanceof SignInError ? error.message : t.signInFailed });
        }
      }
      const token = storedToken();
      if (token) return signInWith(config, token, false);
      setPhase({ kind: 'signin', config });
    })();
    return () => removeEventListener('hashchange', onHash);
  }, [signInWith]);

  const config = phase.kind === 'starting' ? null : phase.config;
  const onError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        clearToken();
        setPhase({ kind: 'signin', config, error: error.message });
        return;
      }
      alert(error instanceof ApiError ? error.message : formText.networkError);
      requestAnimationFrame(() => alertRef.current?.focus());
    },
    [alert, config],
  );

  useEffect(() => {
    if (phase.kind === 'ready' && route === null) document.title = pageTitle.current || document.title;
  }, [phase.kind, route]);

  const token = phase.kind === 'ready' ? phase.token : null;
  const api = useMemo(() => (token ? staffApi(token) : null), [token]);

  function signOut() {
    if (phase.kind !== 'ready') return;
    clearToken();
    const url = logoutUrl(phase.config, phase.token);
    if (url) location.assign(url);
    else setPhase({ kind: 'signin', config: phase.config, message: t.signedOut });
  }

  return (
    <div className="staff-console">
      {/* Announcements only: what they say is also on screen (the queue's summary line, the detail's notice). */}
      <div role="status" aria-live="polite" className="visually-hidden">
        {status.text && <p key={status.n}>{status.text}</p>}
      </div>
      <div role="alert" className="staff-alert" tabIndex={-1} ref={alertRef}>
        {alertText.text && (
          <p className="error-message" key={alertText.n}>
            {alertText.text}
          </p>
        )}
      </div>
      {phase.kind === 'starting' && <p className="muted">{t.loading}</p>}
      {phase.kind === 'signin' && <SignIn config={phase.config} message={phase.message} error={phase.error} onToken={(tk) => signInWith(phase.config ?? { mode: 'dev' }, tk, true)} />}
      {phase.kind === 'ready' && api && (
        <>
          <div className="staff-user">
            <p>
              {t.user}：{t.signedInAs(phase.me.user.name, staffRole[phase.me.user.role], phase.me.user.unit && unitDirectory(phase.me.units).find(phase.me.user.unit))}
            </p>
            <button type="button" onClick={signOut}>
              {t.signOut}
            </button>
          </div>
          {route === null && <Reports api={api} me={phase.me} announce={announce} onError={onError} />}
          <Queue api={api} me={phase.me} active={route === null} focusKey={queueFocus} announce={announce} onError={onError} />
          {route !== null && <DetailView key={route} api={api} me={phase.me} tracking={route} regions={regions} announce={announce} alert={alert} onError={onError} />}
        </>
      )}
    </div>
  );
}
