import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getNotificationSummary, notificationKeys } from '../../api/notifications';

/**
 * Min dag: for social services the inbox counts (due today, overdue, open); for notifiers the
 * receipts of the last week. Renders nothing for people it does not concern, or on an error.
 */
export function MyDayNotifications() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: notificationKeys.summary, queryFn: getNotificationSummary });
  const data = summary.data;
  if (!data || (!data.inbox && data.mine.newReceipts === 0)) return null;
  return (
    <section className="mt-7" aria-labelledby="myday-notifications">
      <h2 id="myday-notifications" className="mt-0">
        {t('notifications.myDay.heading')}
      </h2>
      <ul className="spire-stats nobullet-list no-max-width">
        {data.inbox ? (
          <>
            <li className={`spire-stat${data.inbox.overdue > 0 ? ' spire-stat-attention' : ''}`}>
              <span className="spire-stat-number">{data.inbox.overdue}</span>
              <Link to="/underretninger/indbakke">{t('notifications.myDay.overdue')}</Link>
            </li>
            <li className={`spire-stat${data.inbox.dueToday > 0 ? ' spire-stat-warning' : ''}`}>
              <span className="spire-stat-number">{data.inbox.dueToday}</span>
              <Link to="/underretninger/indbakke">{t('notifications.myDay.dueToday')}</Link>
            </li>
            <li className="spire-stat">
              <span className="spire-stat-number">{data.inbox.open}</span>
              <Link to="/underretninger/indbakke">{t('notifications.myDay.open')}</Link>
            </li>
          </>
        ) : null}
        {data.mine.newReceipts > 0 ? (
          <li className="spire-stat">
            <span className="spire-stat-number">{data.mine.newReceipts}</span>
            <Link to="/underretninger">{t('notifications.myDay.newReceipts')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
