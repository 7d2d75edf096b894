import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { Alert } from './Alert';
import { Modal } from './Modal';

/** WCAG 2.2.1: warn well ahead; DKFDS recommends about 5 minutes, never less than 20 seconds. */
export const DEFAULT_WARN_SECONDS = 300;
export const MIN_WARN_SECONDS = 20;

export function warnSeconds(fromServer: number | undefined): number {
  const value = typeof fromServer === 'number' && Number.isFinite(fromServer) ? fromServer : DEFAULT_WARN_SECONDS;
  return Math.max(MIN_WARN_SECONDS, value);
}

/**
 * DKFDS "Session udløber": a modal that requires action, shown `warnBeforeSeconds` (from
 * `GET /api/auth/me`, default 5 min, at least 20 s) before the session ends, with a countdown.
 * The deadline follows the `x-session-expires-at` header of every API response (the session
 * slides with use), so someone working on any screen is not warned too early.
 * "Forbliv logget ind" calls `POST /api/auth/refresh`; "Log af" signs out; at zero the user is
 * sent to the sign-in page with a message.
 */
export function SessionTimeoutDialog() {
  const { t } = useTranslation();
  const { clock, status, extendSession, signOut } = useAuth();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const stayRef = useRef<HTMLButtonElement>(null);
  const expiredRef = useRef(false);

  const expiresAt = status === 'signedIn' && clock ? clock.expiresAtLocal : null;
  const warnAt = expiresAt === null ? null : expiresAt - warnSeconds(clock?.warnBeforeSeconds) * 1000;

  // Wake up at the warning time, then every second while the dialog is showing.
  useEffect(() => {
    if (expiresAt === null || warnAt === null) return;
    expiredRef.current = false;
    setNow(Date.now());
    let interval: number | undefined;
    const startTicking = () => {
      setNow(Date.now());
      interval = window.setInterval(() => setNow(Date.now()), 1000);
    };
    const delay = warnAt - Date.now();
    const timeout = delay > 0 ? window.setTimeout(startTicking, Math.min(delay, 2_147_000_000)) : undefined;
    if (delay <= 0) startTicking();
    return () => {
      if (timeout !== undefined) window.clearTimeout(timeout);
      if (interval !== undefined) window.clearInterval(interval);
    };
  }, [expiresAt, warnAt]);

  const remainingMs = expiresAt === null ? Number.POSITIVE_INFINITY : expiresAt - now;
  const open = warnAt !== null && now >= warnAt && remainingMs > 0;

  useEffect(() => {
    if (expiresAt !== null && remainingMs <= 0 && !expiredRef.current) {
      expiredRef.current = true;
      void signOut('expired');
    }
  }, [expiresAt, remainingMs, signOut]);

  useEffect(() => {
    if (!open) setFailed(false);
  }, [open]);

  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const time =
    seconds >= 60
      ? t('session.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
      : t('session.seconds', { seconds });
  // Screen readers: announce each whole minute and the last 20 seconds in steps of 10, not every tick.
  const announceAt = seconds > 60 ? Math.ceil(seconds / 60) * 60 : seconds > 20 ? 60 : Math.ceil(seconds / 10) * 10;
  const announceTime =
    announceAt >= 60
      ? t('session.minutesSeconds', { minutes: Math.floor(announceAt / 60), seconds: 0 })
      : t('session.seconds', { seconds: announceAt });

  const stay = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await extendSession();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('session.title')}
      forcedAction
      initialFocus={stayRef}
      id="session-timeout"
      footer={
        <>
          <button type="button" className="button button-primary" ref={stayRef} onClick={stay} disabled={busy}>
            {busy ? t('session.extending') : t('session.stay')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void signOut('user')}>
            {t('session.logOut')}
          </button>
        </>
      }
    >
      <p>
        {t('session.text')} <strong className="spire-countdown">{time}</strong>
      </p>
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {t('session.liveAnnouncement', { time: announceTime })}
      </div>
      <p>{t('session.unsaved')}</p>
      {failed ? <Alert variant="error">{t('session.refreshFailed')}</Alert> : null}
    </Modal>
  );
}
