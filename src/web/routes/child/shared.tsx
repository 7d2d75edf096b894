import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import type { FormErrors } from '../../forms';

interface NoticeState {
  variant: 'success' | 'error';
  heading?: string;
  text: string;
  /** A conflict: offer to load the latest data instead of a close button. */
  reload?: boolean;
  key: number;
}

/**
 * The message next to a section after a save: success, a field error (shown on the fields and
 * in the page's error summary instead), a conflict (409 stale version: "Genindlæs"), or the
 * server's title.
 *
 * @example
 *   const notice = useNotice(() => child.refetch());
 *   onSuccess: () => notice.success(t('…')); onError: (e) => notice.fail(e, form, t('…conflict'))
 *   {notice.node}
 */
export function useNotice(onReload?: () => unknown) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const success = useCallback((text: string) => setNotice({ variant: 'success', text, key: Date.now() }), []);
  const clear = useCallback(() => setNotice(null), []);
  const fail = useCallback(
    (err: unknown, form?: FormErrors, conflictText?: string) => {
      if (form?.failFromApi(err)) {
        setNotice(null);
        return;
      }
      if (err instanceof ApiError && err.status === 409 && err.code === 'conflict.stale_version') {
        setNotice({
          variant: 'error',
          heading: t('errors.conflictHeading'),
          text: conflictText ?? err.title,
          reload: true,
          key: Date.now(),
        });
        return;
      }
      setNotice({
        variant: 'error',
        heading: t('errors.saveHeading'),
        text: err instanceof ApiError ? err.title : t('errors.unexpectedText'),
        key: Date.now(),
      });
    },
    [t],
  );
  const node = notice ? (
    <Alert
      variant={notice.variant}
      heading={notice.heading}
      announce
      focusKey={notice.key}
      className="mb-6"
      onClose={notice.reload ? undefined : clear}
    >
      <p className="alert-text">{notice.text}</p>
      {notice.reload ? (
        <button
          type="button"
          className="button button-secondary mt-4"
          onClick={() => {
            setNotice(null);
            void onReload?.();
          }}
        >
          {t('errors.reloadLatest')}
        </button>
      ) : null}
    </Alert>
  ) : null;
  return { success, fail, clear, node };
}

/** A titled part of the child's page, with optional actions next to the heading. */
export function Section({
  id,
  title,
  actions,
  children,
  level = 2,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  level?: 2 | 3;
}) {
  const Heading = `h${level}` as 'h2';
  return (
    <section className="spire-child-section" aria-labelledby={id}>
      <div className="spire-section-head">
        <Heading id={id} className={level === 2 ? 'h3' : 'h4'}>
          {title}
        </Heading>
        {actions ? <div className="spire-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A label–value list (DKFDS "strukturerede lister" as a description list). */
export function Facts({ items }: { items: { label: string; value: ReactNode; key?: string }[] }) {
  return (
    <dl className="spire-structured">
      {items.map((item) => (
        <div key={item.key ?? item.label} className="spire-structured-row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
