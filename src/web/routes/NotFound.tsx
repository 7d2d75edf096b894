import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

/** Any path the app does not know. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('errors.notFoundTitle')} />
      <h1>{t('errors.notFoundTitle')}</h1>
      <p className="font-lead">{t('errors.notFoundText')}</p>
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </>
  );
}
