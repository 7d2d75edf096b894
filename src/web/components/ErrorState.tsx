import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Alert } from './Alert';

/**
 * What a screen shows when its data could not be loaded: the server's own title (in the user's
 * language), and a "Prøv igen" button.
 *
 * @example {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
 */
export function ErrorState({
  error,
  onRetry,
  heading,
  headingLevel = 2,
}: {
  error: unknown;
  onRetry?: () => void;
  heading?: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const forbidden = apiError?.status === 403;
  const title = forbidden
    ? t('errors.forbiddenText')
    : (apiError?.title ?? (error instanceof Error ? error.message : t('errors.unexpectedText')));
  return (
    <Alert
      variant="error"
      heading={heading ?? (forbidden ? t('errors.forbiddenTitle') : t('errors.loadHeading'))}
      headingLevel={headingLevel}
    >
      <p className="alert-text">
        {title}
        {apiError?.detail ? ` ${apiError.detail}` : ''}
      </p>
      {onRetry && !forbidden ? (
        <button type="button" className="button button-secondary mt-4" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Alert>
  );
}
