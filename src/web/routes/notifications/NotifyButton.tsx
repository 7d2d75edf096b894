import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth';

/**
 * "Underret" on the child's page: opens the notification form for this child. Shown to anyone
 * with a unit (every public employee may notify; consent is never needed).
 */
export function NotifyButton({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.units.length === 0) return null;
  return (
    <p className="mt-4">
      <Link to={`/underretninger/ny?barn=${encodeURIComponent(childId)}`} className="button button-secondary">
        {t('notifications.notifyButton')}
      </Link>
    </p>
  );
}
