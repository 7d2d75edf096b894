import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

/**
 * Someone else saved first (409 `conflict.stale_version`): says so in the screen's own words and
 * offers to load the newest version, so nobody's edit is silently overwritten.
 * @example {conflict ? <ConflictAlert text={t('errors.unitConflict')} onReload={reload} focusKey={mutation.submittedAt} /> : null}
 */
export function ConflictAlert({
  text,
  onReload,
  focusKey,
  headingLevel,
  reloadLabel,
}: {
  text: string;
  onReload: () => void;
  focusKey?: string | number;
  headingLevel?: 2 | 3;
  reloadLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" heading={t('errors.conflictHeading')} headingLevel={headingLevel} focusKey={focusKey}>
      <p className="alert-text">{text}</p>
      <button type="button" className="button button-secondary mt-4" onClick={onReload}>
        {reloadLabel ?? t('errors.reloadLatest')}
      </button>
    </Alert>
  );
}
