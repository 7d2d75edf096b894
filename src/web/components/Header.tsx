import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../api/types';
import { seesChildren } from '../childText';
import { DAYCARE_KINDS } from '../api/wellbeing';
import { seesMeetings } from '../routes/meetings/shared';
import { runsCounselling } from '../routes/counselling/shared';
import { seesSparring } from '../routes/concerns/shared';
import { Icon } from './Icon';
import { LanguagePicker } from './LanguagePicker';

export interface NavItem {
  href: string;
  label: string;
  /** A plain link out of the app (e.g. the API docs). */
  external?: boolean;
  title?: string;
}

/**
 * Which navigation items a user gets: everyone "Min dag"; staff working with children in a unit
 * (health visitors, their managers, pedagogues) "Børn"; administrators the admin screens and the API docs.
 */
export function navItemsFor(user: Me | null, t: (key: string) => string): NavItem[] {
  if (!user) return [];
  const items: NavItem[] = [{ href: '/', label: t('nav.myDay') }];
  if (seesChildren(user)) items.push({ href: '/boern', label: t('nav.children') });
  // Trivselsvurdering for daycare staff; the unit overview for staff/managers of a health-visiting or daycare unit.
  const daycare = user.units.some((u) => DAYCARE_KINDS.includes(u.kind));
  if (daycare) items.push({ href: '/trivsel', label: t('wellbeing.nav.rounds') });
  if (daycare || user.units.some((u) => u.kind === 'health_visiting' || u.kind === 'ppr' || u.kind === 'family_centre')) {
    items.push({ href: '/enhed', label: t('wellbeing.nav.unitOverview') });
  }
  if (seesSparring(user)) items.push({ href: '/sparring', label: t('concerns.nav') });
  if (seesMeetings(user)) items.push({ href: '/moeder', label: t('meetings.nav') });
  if (user.units.length > 0 || user.isAdmin) items.push({ href: '/tilbud', label: t('offers.nav') });
  // Open counselling and staff workshops: in the menu for PPR and the family centre, who run them
  // daily; health visitors (who give talks in daycare) reach them from "Tilbud".
  if (runsCounselling(user) && user.units.some((u) => u.kind === 'ppr' || u.kind === 'family_centre')) {
    items.push({ href: '/aaben-raadgivning', label: t('counselling.nav.slots') }, { href: '/workshops', label: t('counselling.nav.workshops') });
  }
  // Underretning: every public employee with a unit may notify; social services get the inbox.
  if (user.units.some((u) => u.kind === 'social_services')) items.push({ href: '/underretninger/indbakke', label: t('notifications.nav.inbox') });
  else if (user.units.length > 0) items.push({ href: '/underretninger', label: t('notifications.nav.notify') });
  if (user.isAdmin) {
    items.push(
      { href: '/admin/organisation', label: t('nav.organisation') },
      { href: '/admin/medarbejdere', label: t('nav.staff') },
      { href: '/admin/adgangslog', label: t('nav.audit') },
      // Trivselsskala, screeningsværktøjer, tilbudskatalog, lukkedage and sparringsdistrikter live under "Indstillinger".
      { href: '/admin/indstillinger', label: t('adminSettings.nav') },
      { href: '/api/docs', label: t('nav.api'), external: true, title: t('nav.apiTitle') },
    );
  }
  return items;
}

function linkState(href: string, pathname: string): { current: boolean; active: boolean } {
  const current = pathname === href;
  const active = current || (href !== '/' && pathname.startsWith(`${href}/`));
  return { current, active };
}

function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <ul className="mainmenu">
      {items.map((item) => {
        const { current, active } = item.external ? { current: false, active: false } : linkState(item.href, pathname);
        const className = [active ? 'active' : '', current ? 'current' : ''].filter(Boolean).join(' ') || undefined;
        const ariaCurrent = current ? 'page' : active ? 'true' : undefined;
        return (
          <li key={item.href} className={className}>
            {item.external ? (
              <a href={item.href} className="nav-link" title={item.title}>
                <span>{item.label}</span>
              </a>
            ) : (
              <Link to={item.href} className="nav-link" aria-current={ariaCurrent} onClick={onNavigate}>
                <span>{item.label}</span>
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * DKFDS header: language picker; row 1 (portal: the municipality, the signed-in user, "Log af");
 * row 2 (solution title "Spire" and the responsible authority); row 3 (top navigation); and the
 * mobile drawer with the same content below the desktop breakpoint.
 */
export function Header({
  user,
  municipalityName,
  onLogOut,
}: {
  user: Me | null;
  municipalityName: string | null;
  onLogOut: () => void;
}) {
  const { t } = useTranslation();
  const items = navItemsFor(user, t);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer whenever the page changes
  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    if (!drawerOpen) return;
    // Keep keyboard and screen reader focus inside the open drawer (it is a modal dialog).
    const drawer = document.getElementById('spire-mobile-drawer');
    const outside = Array.from(document.querySelectorAll<HTMLElement>('#root > *, .header > *')).filter(
      (el) => el !== drawer && !el.contains(drawer) && !el.classList.contains('overlay') && !el.hasAttribute('inert'),
    );
    for (const el of outside) el.setAttribute('inert', '');
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setDrawerOpen(false);
        openRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      for (const el of outside) el.removeAttribute('inert');
    };
  }, [drawerOpen]);

  const userInfo = user ? `${user.name}, ${t(`profession.${user.profession}`)}` : null;
  const authority = municipalityName ?? user?.municipality.name ?? null;
  const closeDrawer = () => {
    setDrawerOpen(false);
    openRef.current?.focus();
  };

  return (
    <>
      <header className="header">
        <LanguagePicker variant="header" />
        <div className="portal-info">
          <div className="portal-info-inner container">
            <Link
              to="/"
              className="logo spire-portal-logo"
              aria-label={authority ? t('header.portalHome', { municipality: authority }) : t('header.homeLink')}
            >
              <span aria-hidden="true" className="spire-portal-mark" />
              <span className="spire-portal-name">{authority ?? t('common.appName')}</span>
            </Link>
            <button
              type="button"
              ref={openRef}
              className="function-link button-menu-open js-menu-open ml-auto d-print-none"
              aria-haspopup="dialog"
              aria-expanded={drawerOpen}
              aria-controls="spire-mobile-drawer"
              onClick={() => setDrawerOpen(true)}
            >
              <Icon name="menu" />
              {t('header.menu')}
            </button>
            {user ? (
              <div className="portal-user">
                <p className="user">{userInfo}</p>
                <button type="button" className="function-link d-print-none log-off" onClick={onLogOut}>
                  <Icon name="lock" />
                  {t('header.logOut')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/" aria-label={t('header.homeLink')}>
                {t('common.appName')}
              </Link>
            </div>
            {authority ? (
              <div className="additional-info">
                <p>
                  <strong className="authority-name">{authority}</strong>
                </p>
              </div>
            ) : null}
          </div>
        </div>
        {items.length > 0 ? (
          <div className="navigation-menu">
            <div className="navigation-menu-inner container">
              <nav className="nav" aria-label={t('header.mainMenu')}>
                <NavLinks items={items} />
              </nav>
            </div>
          </div>
        ) : null}
        <div
          className={`mobile-drawer${drawerOpen ? ' is-visible' : ''}`}
          id="spire-mobile-drawer"
          role="dialog"
          aria-modal="true"
          aria-labelledby="menu-heading"
          hidden={!drawerOpen}
        >
          <div className="menu-top">
            <h2 id="menu-heading" className="menu-heading">
              {t('header.menu')}
            </h2>
            <button type="button" ref={closeRef} className="function-link button-menu-close js-menu-close" onClick={closeDrawer}>
              <Icon name="close" />
              {t('header.closeMenu')}
            </button>
          </div>
          {authority ? (
            <div className="solution-info-mobile">
              <h3 className="sr-only">{t('header.authority')}</h3>
              <p className="mb-2">
                <strong className="authority-name">{authority}</strong>
              </p>
            </div>
          ) : null}
          {items.length > 0 ? (
            <nav className="navigation-menu-mobile" aria-label={t('header.mainMenu')}>
              <NavLinks items={items} onNavigate={() => setDrawerOpen(false)} />
            </nav>
          ) : null}
          {user ? (
            <div className="portal-info-mobile">
              <h3 className="sr-only">{t('header.user')}</h3>
              <p className="user">
                <span className="mb-3">{user.name}</span>
                <span>{t(`profession.${user.profession}`)}</span>
              </p>
              <p>
                <button type="button" className="function-link d-print-none log-off" onClick={onLogOut}>
                  <Icon name="lock" />
                  {t('header.logOut')}
                </button>
              </p>
            </div>
          ) : null}
          <LanguagePicker variant="mobile" />
        </div>
      </header>
      <div
        className={`overlay${drawerOpen ? ' is-visible' : ''}`}
        aria-hidden="true"
        onClick={closeDrawer}
      />
    </>
  );
}
