import { useTranslation } from 'react-i18next';
import type { ContactStatus, VisitStatus } from '../api/types';
import { Badge } from './Badge';

/** A planned contact's status: overdue (red), due now (yellow), upcoming (blue), done (green). */
export function ContactStatusBadge({ status }: { status: ContactStatus }) {
  const { t } = useTranslation();
  const variant = status === 'overdue' ? 'error' : status === 'due' ? 'warning' : status === 'done' ? 'success' : 'info';
  return <Badge variant={variant}>{t(`contactStatus.${status}`)}</Badge>;
}

/** A visit's status: planned, done, cancelled, family did not show. */
export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  const variant = status === 'done' ? 'success' : status === 'planned' ? 'info' : status === 'no_show' ? 'warning' : undefined;
  return <Badge variant={variant}>{t(`visitStatus.${status}`)}</Badge>;
}

/** "Udvidet indsats": the family is on the extended track. */
export function ExtendedTrackBadge() {
  const { t } = useTranslation();
  return <Badge variant="warning">{t('child.extendedTrack')}</Badge>;
}
