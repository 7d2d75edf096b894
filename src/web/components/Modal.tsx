import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

let openModals = 0;

/** Make everything but the modal inert (focus trap) while at least one modal is open. */
function setAppInert(inert: boolean) {
  const root = document.getElementById('root');
  if (!root) return;
  if (inert) root.setAttribute('inert', '');
  else root.removeAttribute('inert');
  document.body.classList.toggle('modal-open', inert);
}

interface ModalProps {
  open: boolean;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  /** "Modal som kræver handling": no close button, Escape does nothing. */
  forcedAction?: boolean;
  onClose?: () => void;
  /** Element to focus when the modal opens; defaults to the close button or the heading. */
  initialFocus?: RefObject<HTMLElement | null>;
  id?: string;
}

/**
 * DKFDS modal (`div.fds-modal[role=dialog][aria-modal=true]` + `.modal-backdrop`), rendered in a
 * portal on `body`; the app root is `inert` while it is open, focus moves in on open and back to
 * where it was on close.
 *
 * @example
 *   <Modal open={open} title="Fjern certificering?" onClose={() => setOpen(false)}
 *     footer={<button className="button button-primary">Fjern</button>}>…</Modal>
 */
export function Modal({ open, title, children, footer, forcedAction, onClose, initialFocus, id }: ModalProps) {
  const { t } = useTranslation();
  const autoId = useId();
  const modalId = id ?? `modal-${autoId.replace(/:/g, '')}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    if (!open) return;
    const previouslyFocused = document.activeElement as HTMLElement | null;
    openModals += 1;
    setAppInert(true);
    const focusTimer = window.setTimeout(() => {
      const target = initialFocus?.current ?? closeRef.current ?? headingRef.current;
      target?.focus();
    }, 0);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !forcedAction) onCloseRef.current?.();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(focusTimer);
      document.removeEventListener('keydown', onKey);
      openModals -= 1;
      if (openModals === 0) setAppInert(false);
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
  }, [open, forcedAction, initialFocus]);

  if (!open) return null;

  return createPortal(
    <div className="fds-modal-container">
      <div
        className="fds-modal"
        id={modalId}
        aria-hidden="false"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${modalId}-heading`}
        data-modal-forced-action={forcedAction ? '' : undefined}
      >
        <div className="modal-content">
          <div className="modal-header">
            <h2 className="modal-title" id={`${modalId}-heading`} ref={headingRef} tabIndex={-1}>
              {title}
            </h2>
            {!forcedAction && onClose ? (
              <button type="button" className="modal-close function-link" ref={closeRef} onClick={onClose}>
                <Icon name="close" />
                {t('common.close')}
              </button>
            ) : null}
          </div>
          <div className="modal-body">{children}</div>
          {footer ? <div className="modal-footer">{footer}</div> : null}
        </div>
      </div>
      <div
        className="modal-backdrop show"
        id="modal-backdrop"
        onClick={forcedAction ? undefined : onClose}
        aria-hidden="true"
      />
    </div>,
    document.body,
  );
}
