import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth';
import { Footer } from './Footer';
import { Header } from './Header';
import { SessionTimeoutDialog } from './SessionTimeoutDialog';

const MUNICIPALITY_KEY = 'spire.municipality';

/** The municipality's name, remembered so the sign-in page can show whose system it is. */
function useMunicipalityName(fromUser: string | undefined): string | null {
  useEffect(() => {
    if (!fromUser) return;
    try {
      window.localStorage.setItem(MUNICIPALITY_KEY, fromUser);
    } catch {
      // ignore
    }
  }, [fromUser]);
  if (fromUser) return fromUser;
  try {
    return window.localStorage.getItem(MUNICIPALITY_KEY);
  } catch {
    return null;
  }
}

/**
 * The page frame: skip link, DKFDS header, `main#main-content`, footer and the session-timeout
 * dialog. After each client-side navigation, focus moves to the new page's H1 so screen reader
 * and keyboard users start at the top of the new content.
 */
export function Layout() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const municipalityName = useMunicipalityName(user?.municipality.name);
  const location = useLocation();
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      if (document.activeElement?.closest('[data-module="error-summary"]')) return;
      const heading = document.querySelector<HTMLElement>('#main-content h1');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      } else {
        document.getElementById('main-content')?.focus();
      }
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname]);

  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('common.skipLink')}
      </a>
      <Header user={user} municipalityName={municipalityName} onLogOut={() => void signOut('user')} />
      <div className="container page-container spire-page">
        <main id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Footer municipalityName={municipalityName} />
      <SessionTimeoutDialog />
    </>
  );
}
