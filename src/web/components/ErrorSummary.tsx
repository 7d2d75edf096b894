import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from '../forms';
import { Icon } from './Icon';

/**
 * DKFDS "Fejlopsummering": shown above the H1 on every submit with errors, focused so screen
 * readers read it, each item a link that moves focus to its field. `focusKey` changes on every
 * failed submit, so the summary is focused again even when the errors are the same.
 *
 * @example <ErrorSummary items={form.summary} focusKey={form.attempt} />
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: string | number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every failed submit
  useEffect(() => {
    if (items.length > 0) {
      ref.current?.focus();
      ref.current?.scrollIntoView({ block: 'start' });
    }
  }, [focusKey, items.length > 0]);

  if (items.length === 0) return null;

  const onClick = (event: MouseEvent<HTMLAnchorElement>, targetId?: string) => {
    if (!targetId) return;
    const field = document.getElementById(targetId);
    if (!field) return;
    event.preventDefault();
    const label =
      field.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${targetId}"]`);
    (label ?? field).scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  };

  return (
    <div
      ref={ref}
      className="alert alert-error spire-error-summary"
      role="alert"
      data-module="error-summary"
      tabIndex={-1}
    >
      <Icon name="error" className="alert-icon" label={t('alert.error')} />
      <div className="alert-body">
        <h2 className="alert-heading">{t('common.errorSummaryHeading')}</h2>
        <nav aria-label={t('common.errorSummaryHeading')}>
          <ul className="alert-text nobullet-list">
            {items.map((item) =>
              item.targetId ? (
                <li key={`${item.targetId}-${item.message}`}>
                  <a href={`#${item.targetId}`} onClick={(e) => onClick(e, item.targetId)}>
                    {item.message}
                  </a>
                </li>
              ) : (
                <li key={item.message}>{item.message}</li>
              ),
            )}
          </ul>
        </nav>
      </div>
    </div>
  );
}
