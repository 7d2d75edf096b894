import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealCpr } from '../api/children';
import { ApiError } from '../api/client';

/**
 * A masked CPR number (DDMMÅÅ-XXXX) with an explicit "Vis CPR-nummer" action. Showing the full
 * number is a disclosure the server writes to the access log; the number is kept in this
 * component only (never in the query cache, a URL or the page title) and hidden again on leaving.
 *
 * @example <CprReveal personId={child.id} masked={child.cprMasked} canReveal={child.access.edit} />
 */
export function CprReveal({
  personId,
  masked,
  canReveal,
  whose,
}: {
  personId: string;
  masked: string | null;
  canReveal: boolean;
  /** Whose number, for screen readers ("Vis CPR-nummer for Anna Jensen"). */
  whose?: string;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: () => revealCpr(personId), onSuccess: (r) => setShown(r.formatted) });
  // A different person on the same component: hide the number.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the person changes
  useEffect(() => {
    setShown(null);
    mutation.reset();
  }, [personId]);

  if (!masked) return <span>{t('child.noCpr')}</span>;
  return (
    <span className="spire-cpr">
      <span className="spire-cpr-number">{shown ?? masked}</span>
      {canReveal ? (
        shown ? (
          <>
            <button type="button" className="button button-unstyled spire-link-button" onClick={() => setShown(null)}>
              {t('child.hideCpr')}
            </button>
            <span className="spire-cpr-logged" role="status">
              {t('child.cprLogged')}
            </span>
          </>
        ) : (
          <button
            type="button"
            className="button button-unstyled spire-link-button"
            onClick={() => mutation.mutate()}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? t('common.loading') : t('child.showCpr')}
            {whose ? <span className="sr-only"> {t('child.showCprFor', { name: whose })}</span> : null}
          </button>
        )
      ) : null}
      {mutation.isError ? (
        <span className="spire-cpr-error" role="alert">
          {mutation.error instanceof ApiError ? mutation.error.title : t('errors.unexpectedText')}
        </span>
      ) : null}
    </span>
  );
}
