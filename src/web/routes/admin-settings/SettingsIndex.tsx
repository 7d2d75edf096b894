import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';

/** The settings screens an administrator reaches from `/admin/indstillinger`. */
const SETTINGS = [
  { href: '/admin/tilbud', key: 'offers' },
  { href: '/admin/lukkedage', key: 'closingDays' },
  { href: '/admin/sparringsdistrikter', key: 'districts' },
  { href: '/admin/trivselsskala', key: 'scale' },
  { href: '/admin/screeningsvaerktoejer', key: 'screening' },
] as const;

/** `/admin/indstillinger`: the municipality's configuration screens, each with one line on what it sets. */
export function SettingsIndex() {
  const { t } = useTranslation();
  const title = t('adminSettings.index.title');
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={title} />
        <h1>{title}</h1>
        <p className="font-lead">{t('adminSettings.index.lead')}</p>
        <ul className="nobullet-list">
          {SETTINGS.map((s) => (
            <li key={s.href} className="mb-5">
              <Link to={s.href} className="h4">
                {t(`adminSettings.index.${s.key}`)}
              </Link>
              <p className="mt-2 mb-0">{t(`adminSettings.index.${s.key}Text`)}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
