import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { NotFound } from './NotFound';

/**
 * The error boundary for screens: a render error in a screen shows this inside the normal page
 * frame (header and navigation stay usable).
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (import.meta.env.DEV) console.error(error);
  return (
    <>
      <PageTitle title={t('errors.unexpectedHeading')} />
      <h1>{t('errors.unexpectedHeading')}</h1>
      <Alert variant="error" heading={t('errors.unexpectedHeading')} headingLevel={2}>
        <p className="alert-text">{t('errors.unexpectedText')}</p>
      </Alert>
      <div className="spire-actions mt-6">
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('errors.reloadPage')}
        </button>
        <Link to="/" className="button button-secondary">
          {t('errors.goHome')}
        </Link>
      </div>
    </>
  );
}

/**
 * The last-resort boundary around the whole app (if even the page frame fails). Plain DKFDS
 * markup with no data from the app.
 */
export function RootError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('common.skipLink')}
      </a>
      <header className="header">
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <a href="/">{t('common.appName')}</a>
            </div>
          </div>
        </div>
      </header>
      <div className="container page-container">
        <main id="main-content" tabIndex={-1}>
          <PageTitle title={t('errors.unexpectedHeading')} />
          <h1>{t('errors.unexpectedHeading')}</h1>
          <p className="font-lead">{t('errors.unexpectedText')}</p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {t('errors.reloadPage')}
          </button>
        </main>
      </div>
    </>
  );
}
