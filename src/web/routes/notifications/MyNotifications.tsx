import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyNotifications, type NotifierView, notificationKeys } from '../../api/notifications';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Flash } from '../../components/Flash';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateTimeShort } from '../../format';
import { useGroundsText } from './shared';

/** `/underretninger`: the notifier's own notifications with the receipt and, where allowed, the outcome. */
export function MyNotifications() {
  const { t } = useTranslation();
  const groundsText = useGroundsText();
  const mine = useQuery({ queryKey: notificationKeys.mine, queryFn: listMyNotifications });

  const feedback = (n: NotifierView) =>
    n.feedback.status === 'told' && n.feedback.outcome
      ? t(`notifications.outcome.${n.feedback.outcome}`)
      : t(`notifications.mine.feedback.${n.feedback.status}`);

  return (
    <>
      <PageTitle title={t('notifications.mine.title')} />
      <h1>{t('notifications.mine.title')}</h1>
      <p className="font-lead">{t('notifications.mine.lead')}</p>
      <Flash />
      <p>
        <Link to="/underretninger/ny" className="button button-primary">
          {t('notifications.mine.new')}
        </Link>
      </p>
      {mine.isPending ? <Spinner /> : null}
      {mine.isError ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data ? (
        mine.data.length === 0 ? (
          <EmptyState title={t('notifications.mine.empty')} headingLevel={2}>
            <p>{t('notifications.mine.emptyText')}</p>
          </EmptyState>
        ) : (
          <DataTable<NotifierView>
            caption={t('notifications.mine.caption')}
            rows={mine.data}
            rowKey={(n) => n.id}
            columns={[
              {
                key: 'about',
                header: t('notifications.mine.col.about'),
                rowHeader: true,
                render: (n) => (
                  <>
                    <Link to={`/underretninger/${encodeURIComponent(n.id)}`}>{n.label}</Link>
                    <br />
                    <span className="spire-muted weight-normal">{groundsText(n.grounds)}</span>
                  </>
                ),
              },
              { key: 'received', header: t('notifications.mine.col.received'), render: (n) => formatDateTimeShort(n.receivedAt) },
              { key: 'recipient', header: t('notifications.mine.col.recipient'), render: (n) => n.recipientUnit.name },
              {
                key: 'receipt',
                header: t('notifications.mine.col.receipt'),
                render: (n) =>
                  n.receipt ? (
                    <Badge variant="success">{t('notifications.mine.receiptOn', { date: formatDate(n.receipt.confirmedOn) })}</Badge>
                  ) : (
                    <Badge variant="info">{t('notifications.mine.noReceipt')}</Badge>
                  ),
              },
              { key: 'feedback', header: t('notifications.mine.col.feedback'), render: feedback },
            ]}
          />
        )
      ) : null}
    </>
  );
}
