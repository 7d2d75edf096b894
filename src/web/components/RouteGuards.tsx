import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth';
import { ErrorState } from './ErrorState';
import { PageTitle } from './PageTitle';
import { Spinner } from './Spinner';

/** Screens behind sign-in: shows a spinner while `GET /api/auth/me` runs, else sends to /log-ind. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { status, error, retry } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (status === 'loading') return <Spinner />;
  if (status === 'error') {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <ErrorState error={error} onRetry={retry} />
      </>
    );
  }
  if (status === 'signedOut') {
    const from = `${location.pathname}${location.search}`;
    const target = from === '/' ? '/log-ind' : `/log-ind?next=${encodeURIComponent(from)}`;
    return <Navigate to={target} replace />;
  }
  return children ?? <Outlet />;
}

/** Administrator screens. Others get a plain "no access" page (the navigation never links here). */
export function RequireAdmin() {
  const { user } = useAuth();
  const { t } = useTranslation();
  if (!user?.isAdmin) {
    return (
      <>
        <PageTitle title={t('errors.forbiddenTitle')} />
        <h1>{t('errors.forbiddenTitle')}</h1>
        <p className="font-lead">{t('errors.forbiddenText')}</p>
      </>
    );
  }
  return <Outlet />;
}
