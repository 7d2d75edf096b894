import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../i18n';
import { Icon } from './Icon';

/**
 * DKFDS "Sprogvælger". `header`: the overflow menu above the portal row (desktop);
 * `mobile`: the plain list in the mobile menu. The choice is kept in localStorage and sent as
 * Accept-Language on API calls.
 */
export function LanguagePicker({ variant }: { variant: 'header' | 'mobile' }) {
  const { t, i18n } = useTranslation();
  const current = (i18n.language === 'en' ? 'en' : 'da') as Language;
  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = `language-${useId().replace(/:/g, '')}`;

  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (!wrapperRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDoc);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDoc);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const choose = (lng: Language) => {
    setOpen(false);
    void setLanguage(lng);
    buttonRef.current?.focus();
  };

  if (variant === 'mobile') {
    return (
      <div className="language-switcher-mobile">
        <h3>{t('language.choose')}</h3>
        <ul>
          {LANGUAGES.map((lng) => (
            <li key={lng}>
              <button
                type="button"
                className="button-unstyled spire-language-option"
                lang={lng}
                aria-current={lng === current ? 'true' : undefined}
                onClick={() => choose(lng)}
              >
                {lng === current ? <Icon name="check" /> : null}
                {t(`language.${lng}`)}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="language-switcher-header">
      <div className="container">
        <div className="overflow-menu overflow-menu--open-left" ref={wrapperRef}>
          <button
            type="button"
            ref={buttonRef}
            className="button-overflow-menu select-language-button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((o) => !o)}
          >
            <Icon name="language" />
            <span className="sr-only">{t('language.choose')}: </span>
            <span lang={current}>{t(`language.${current}`)}</span>
          </button>
          <div className={`overflow-menu-inner select-language-list${open ? '' : ' collapsed'}`} id={listId}>
            <ul className="overflow-list">
              {LANGUAGES.map((lng) => (
                <li key={lng}>
                  <button
                    type="button"
                    lang={lng}
                    aria-current={lng === current ? 'true' : undefined}
                    onClick={() => choose(lng)}
                  >
                    {t(`language.${lng}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </div>
  );
}
