import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getInbox, type InboxFilter, type InboxItem, notificationKeys } from '../../api/notifications';
import { useMe } from '../../auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Flash } from '../../components/Flash';
import { SelectField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDateTimeShort } from '../../format';
import { DeadlineCell, SOCIAL_SERVICES, useGroundsText } from './shared';

const FILTERS: InboxFilter[] = ['open', 'closed', 'all'];

/**
 * `/underretninger/indbakke`: the social services unit's notifications with both deadlines
 * (24 hours, 6 working days), the nearest first; due today and overdue in words and icons.
 */
export function NotificationInbox() {
  const { t } = useTranslation();
  const me = useMe();
  const groundsText = useGroundsText();
  const [params, setParams] = useSearchParams();
  const asked = params.get('vis') as InboxFilter | null;
  const filter: InboxFilter = asked && FILTERS.includes(asked) ? asked : 'open';
  const units = me.units.filter((u) => u.kind === SOCIAL_SERVICES);
  const inbox = useQuery({ queryKey: notificationKeys.inbox(filter), queryFn: () => getInbox(filter), enabled: units.length > 0 });

  if (units.length === 0) {
    return (
      <>
        <PageTitle title={t('notifications.inbox.title')} />
        <h1>{t('notifications.inbox.title')}</h1>
        <p className="font-lead">{t('notifications.inbox.notMember')}</p>
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('notifications.inbox.title')} />
      <h1>{t('notifications.inbox.title')}</h1>
      <p className="font-lead">{t('notifications.inbox.lead', { units: units.map((u) => u.name).join(', ') })}</p>
      <Flash />
      {inbox.data ? (
        <ul className="spire-stats nobullet-list no-max-width" aria-label={t('notifications.myDay.heading')}>
          <li className="spire-stat">
            <span className="spire-stat-number">{inbox.data.counts.open}</span> {t('notifications.inbox.counts.open')}
          </li>
          <li className={`spire-stat${inbox.data.counts.dueToday > 0 ? ' spire-stat-warning' : ''}`}>
            <span className="spire-stat-number">{inbox.data.counts.dueToday}</span> {t('notifications.inbox.counts.dueToday')}
          </li>
          <li className={`spire-stat${inbox.data.counts.overdue > 0 ? ' spire-stat-attention' : ''}`}>
            <span className="spire-stat-number">{inbox.data.counts.overdue}</span> {t('notifications.inbox.counts.overdue')}
          </li>
        </ul>
      ) : null}
      <SelectField
        id="inbox-filter"
        label={t('notifications.inbox.filter')}
        value={filter}
        onChange={(value) => setParams({ vis: value }, { replace: true })}
        options={FILTERS.map((f) => ({ value: f, label: t(`notifications.inbox.filters.${f}`) }))}
      />
      {inbox.isPending ? <Spinner /> : null}
      {inbox.isError ? <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data ? (
        inbox.data.items.length === 0 ? (
          <EmptyState title={t('notifications.inbox.empty')} headingLevel={2}>
            <p>{t('notifications.inbox.emptyText')}</p>
          </EmptyState>
        ) : (
          <DataTable<InboxItem>
            caption={t('notifications.inbox.caption')}
            rows={inbox.data.items}
            rowKey={(n) => n.id}
            columns={[
              {
                key: 'about',
                header: t('notifications.inbox.col.about'),
                rowHeader: true,
                render: (n) => <Link to={`/underretninger/${encodeURIComponent(n.id)}`}>{n.label}</Link>,
              },
              { key: 'grounds', header: t('notifications.inbox.col.grounds'), render: (n) => groundsText(n.grounds) },
              {
                key: 'notifier',
                header: t('notifications.inbox.col.notifier'),
                render: (n) => (
                  <>
                    {n.notifier.name}
                    <br />
                    <span className="spire-muted">{n.notifier.workplace}</span>
                  </>
                ),
              },
              { key: 'received', header: t('notifications.inbox.col.received'), render: (n) => formatDateTimeShort(n.receivedAt) },
              { key: 'acute', header: t('notifications.inbox.col.acute'), render: (n) => <DeadlineCell kind="acute" deadlines={n.deadlines} /> },
              { key: 'receipt', header: t('notifications.inbox.col.receipt'), render: (n) => <DeadlineCell kind="receipt" deadlines={n.deadlines} /> },
              { key: 'state', header: t('notifications.inbox.col.state'), render: (n) => <Badge>{t(`notifications.state.${n.state}`)}</Badge> },
            ]}
          />
        )
      ) : null}
    </>
  );
}
