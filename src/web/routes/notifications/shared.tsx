import { useTranslation } from 'react-i18next';
import type { Deadlines, Ground } from '../../api/notifications';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { formatDate, formatDateTimeShort } from '../../format';
import './notifications.css';

/** The units of the signed-in user that receive notifications. */
export const SOCIAL_SERVICES = 'social_services';

/**
 * A deadline with its status in words and an icon (never colour alone): "Frist i dag", "Overskredet".
 * @example <DeadlineCell kind="receipt" deadlines={item.deadlines} />
 */
export function DeadlineCell({ kind, deadlines }: { kind: 'receipt' | 'acute'; deadlines: Deadlines }) {
  const status = kind === 'receipt' ? deadlines.receiptStatus : deadlines.acuteStatus;
  const when = kind === 'receipt' ? formatDate(deadlines.receiptDueOn) : formatDateTimeShort(deadlines.acuteDueAt);
  return (
    <span className="spire-deadline">
      <span className="weight-semibold">{when}</span>
      <br />
      <DeadlineBadge status={status} />
    </span>
  );
}

/** The status of one deadline as a DKFDS badge with an icon. */
export function DeadlineBadge({ status }: { status: Deadlines['receiptStatus'] }) {
  const { t } = useTranslation();
  const variant = status === 'overdue' || status === 'met_late' ? 'error' : status === 'due_today' ? 'warning' : status === 'met' ? 'success' : 'info';
  const icon = status === 'overdue' || status === 'met_late' ? 'error' : status === 'due_today' ? 'warning' : status === 'met' ? 'check' : 'hourglass';
  return (
    <span className="spire-deadline-status">
      <Icon name={icon} className="mr-2" />
      <Badge variant={variant}>{t(`notifications.deadline.${status}`)}</Badge>
    </span>
  );
}

/** The short names of the grounds, comma-separated. */
export function useGroundsText() {
  const { t } = useTranslation();
  return (grounds: Ground[]) => grounds.map((g) => t(`notifications.groundShort.${g}`)).join(', ');
}
