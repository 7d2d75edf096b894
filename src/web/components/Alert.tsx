import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  variant: AlertVariant;
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  className?: string;
  /**
   * Announce the alert to screen readers when it appears (role="alert"). On by default for
   * warnings and errors, as DKFDS does; turn it off for messages that are part of the page.
   */
  announce?: boolean;
  /** Shows a "Luk" button. */
  onClose?: () => void;
  id?: string;
  /**
   * Move focus to the alert when it appears (and whenever this key changes), so a message about
   * something the user just did is seen even when they were at the bottom of a long page.
   */
  focusKey?: string | number;
}

/**
 * DKFDS "Beskeder": `div.alert.alert-<variant>` with an icon and a body.
 *
 * @example <Alert variant="success">Enheden er oprettet.</Alert>
 */
export function Alert({
  variant,
  heading,
  headingLevel = 2,
  children,
  className,
  announce,
  onClose,
  id,
  focusKey,
}: AlertProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey === undefined || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: 'center' });
  }, [focusKey]);
  const role = (announce ?? (variant === 'error' || variant === 'warning')) ? 'alert' : undefined;
  const Heading = `h${headingLevel}` as 'h2';
  const body =
    typeof children === 'string' || typeof children === 'number' ? <p className="alert-text">{children}</p> : children;
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={focusKey === undefined ? undefined : -1}
      className={`alert alert-${variant}${onClose ? ' has-close' : ''}${className ? ` ${className}` : ''}`}
      role={role}
    >
      <Icon name={variant} className="alert-icon" label={t(`alert.${variant}`)} />
      <div className="alert-body">
        {heading ? <Heading className={`alert-heading${onClose ? ' pr-7' : ''}`}>{heading}</Heading> : null}
        {body}
        {onClose ? (
          <button type="button" className="alert-close" onClick={onClose}>
            <Icon name="close" />
            {t('common.close')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
