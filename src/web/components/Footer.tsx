import { useTranslation } from 'react-i18next';

/**
 * DKFDS footer with the link "Tilgængelighedserklæring" (webtilgængelighedsloven § 4); `/was`
 * redirects to the statement at was.digst.dk.
 */
export function Footer({ municipalityName }: { municipalityName: string | null }) {
  const { t } = useTranslation();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-8 footer-col">
              <div className="align-text-left">
                <p className="weight-semibold mb-2">{t('common.appName')}</p>
                <p className="mt-0">{t('footer.about')}</p>
                {municipalityName ? (
                  <p className="mt-2">{t('footer.responsible', { municipality: municipalityName })}</p>
                ) : null}
              </div>
            </div>
            <div className="col-12 col-md-4 footer-col">
              <div className="align-text-left">
                <ul className="unstyled-list" aria-label={t('footer.links')}>
                  <li>
                    <a href="/was">{t('footer.accessibility')}</a>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
