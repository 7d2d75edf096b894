import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Alert } from './Alert';
import { ConflictAlert } from './ConflictAlert';

/**
 * What went wrong when saving, for the problems a form cannot show next to a field: someone saved
 * first (409 `conflict.stale_version`: say so, offer the newest version), or a problem without
 * field errors (its title). Field errors belong to the form's own error summary: nothing here.
 * @example <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} conflictText={t('errors.unitConflict')} onReload={reload} />
 */
export function SaveProblem({
  error,
  conflictText,
  onReload,
  focusKey,
  headingLevel,
}: {
  error: unknown;
  conflictText: string;
  onReload: () => void;
  focusKey?: string | number;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  if (error.status === 409 && error.code === 'conflict.stale_version') {
    return <ConflictAlert text={conflictText} onReload={onReload} focusKey={focusKey} headingLevel={headingLevel} />;
  }
  if (error.errors.length > 0) return null;
  return (
    <Alert variant="error" heading={t('errors.saveHeading')} headingLevel={headingLevel} focusKey={focusKey}>
      {error.title}
    </Alert>
  );
}
