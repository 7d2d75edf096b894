import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { type SignInLocationState, useAuth } from '../auth';
import { Alert } from '../components/Alert';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/FormField';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { useFormErrors } from '../forms';

const FIELDS = ['username', 'password'] as const;

/** Only same-app paths, so a crafted link cannot send the user elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/log-ind')) return '/';
  return next;
}

/** `/log-ind`: username and password; 401 and 429 shown as alerts with the server's words. */
export function SignIn() {
  const { t } = useTranslation();
  const { status, signIn, signOutReason } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = signOutReason ?? (location.state as SignInLocationState | null)?.reason;

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const form = useFormErrors('signin', FIELDS);

  if (status === 'loading') return <Spinner />;
  if (status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (
      form.fail({
        username: username.trim() ? '' : t('signIn.usernameRequired'),
        password: password ? '' : t('signIn.passwordRequired'),
      })
    ) {
      return;
    }
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (form.failFromApi(err)) return;
      form.clear();
      setFailure(err instanceof ApiError ? err : new ApiError(0, { code: 'unknown', title: t('errors.unexpectedText') }));
    }
  };

  const lockedMinutes =
    failure?.status === 429 ? Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)) : 0;

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <PageTitle title={t('signIn.title')} />
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        {reason === 'expired' && !failure ? (
          <Alert variant="warning" heading={t('signIn.expiredHeading')} className="mb-6">
            <p className="alert-text">{t('signIn.expiredText')}</p>
          </Alert>
        ) : null}
        {reason === 'user' && !failure ? (
          <Alert variant="success" className="mb-6" announce>
            <p className="alert-text">{t('signIn.loggedOut')}</p>
          </Alert>
        ) : null}
        <h1>{t('signIn.title')}</h1>
        <p className="font-lead">{t('signIn.intro')}</p>
        {failure ? (
          failure.status === 429 ? (
            <Alert variant="error" heading={t('signIn.lockedHeading')} className="mb-6">
              {/* The server's title usually names the minutes already; if not, say it ourselves. */}
              {failure.title?.includes(String(lockedMinutes)) ? (
                <p className="alert-text">{failure.title}</p>
              ) : (
                <p className="alert-text">{t('signIn.lockedText', { count: lockedMinutes })}</p>
              )}
            </Alert>
          ) : (
            <Alert variant="error" heading={t('signIn.failedHeading')} className="mb-6">
              <p className="alert-text">
                {failure.title}
                {failure.detail ? ` ${failure.detail}` : ''}
              </p>
            </Alert>
          )
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextField
            id={form.id('username')}
            name="username"
            label={t('signIn.username')}
            value={username}
            onChange={setUsername}
            error={form.errors.username}
            autoComplete="username"
            spellCheck={false}
            required
          />
          <TextField
            id={form.id('password')}
            name="password"
            type="password"
            label={t('signIn.password')}
            value={password}
            onChange={setPassword}
            error={form.errors.password}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button button-primary mt-6" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="mt-6">{t('signIn.forgotten')}</p>
      </div>
    </div>
  );
}
