import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyActions, meetingKeys } from '../../api/meetings';
import { useMe } from '../../auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { seesMeetings } from './shared';

/**
 * "Mine handlinger" on Min dag: the user's own open next steps from meetings, soonest first;
 * overdue ones carry the word "Overskredet" (not only a colour). Renders nothing for people
 * without any.
 */
export function MyActionsSection() {
  const { t } = useTranslation();
  const me = useMe();
  const enabled = seesMeetings(me);
  const query = useQuery({ queryKey: meetingKeys.myActions, queryFn: listMyActions, enabled });
  if (!enabled) return null;
  if (query.isPending) return <Spinner small />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return null;
  return (
    <section aria-labelledby="my-actions-heading" className="mt-8">
      <h2 id="my-actions-heading">{t('meetings.myDay.heading')}</h2>
      <p>{t('meetings.myDay.intro')}</p>
      <DataTable
        caption={t('meetings.myDay.caption')}
        captionHidden
        rows={query.data}
        rowKey={(a) => a.id}
        columns={[
          {
            key: 'what',
            header: t('meetings.myDay.what'),
            rowHeader: true,
            render: (a) => <Link to={`/moeder/${a.meetingId}`}>{a.description}</Link>,
          },
          { key: 'child', header: t('meetings.myDay.child'), render: (a) => a.child.name },
          {
            key: 'due',
            header: t('meetings.myDay.due'),
            render: (a) =>
              a.overdue ? (
                <span className="spire-overdue">
                  {formatDate(a.dueOn)} <Badge variant="error">{t('meetings.myDay.overdue')}</Badge>
                </span>
              ) : (
                formatDate(a.dueOn)
              ),
          },
        ]}
      />
    </section>
  );
}
