import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyMeetings, type MeetingSummary, meetingKeys } from '../../api/meetings';
import { useMe } from '../../auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { BasisBadge, maySetUpMeetings } from './shared';

/** `/moeder`: the meetings the user facilitates, takes part in, or that their unit holds. */
export function MeetingsList() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ queryKey: meetingKeys.mine, queryFn: listMyMeetings });
  return (
    <>
      <PageTitle title={t('meetings.list.title')} />
      <h1>{t('meetings.list.title')}</h1>
      <p className="font-lead">{t('meetings.list.lead')}</p>
      {maySetUpMeetings(me) ? (
        <p>
          <Link to="/moeder/ny" className="button button-primary">
            {t('meetings.list.new')}
          </Link>
        </p>
      ) : null}
      {query.isPending ? <Spinner /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.length === 0 ? (
        <EmptyState title={t('meetings.list.empty')} headingLevel={2}>
          <p>{t('meetings.list.emptyText')}</p>
        </EmptyState>
      ) : null}
      {query.data && query.data.length > 0 ? <MeetingTable meetings={query.data} caption={t('meetings.list.caption')} /> : null}
    </>
  );
}

/** A table of meetings: date, child, facilitator, legal basis, the user's role (and "Afsluttet" once closed), a link. */
export function MeetingTable({ meetings, caption, withChild = true }: { meetings: MeetingSummary[]; caption: string; withChild?: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={meetings}
      rowKey={(m) => m.id}
      columns={[
        {
          key: 'date',
          header: t('meetings.list.date'),
          rowHeader: true,
          render: (m) => (
            <Link to={`/moeder/${m.id}`}>
              {formatDate(m.heldOn)}
              {m.startTime ? ` ${m.startTime}` : ''}
              <span className="sr-only"> – {t('meetings.list.open')}</span>
            </Link>
          ),
        },
        ...(withChild ? [{ key: 'child', header: t('meetings.list.child'), render: (m: MeetingSummary) => m.child.name }] : []),
        { key: 'kind', header: t('meetings.create.kind'), render: (m) => t(`meetings.kind.${m.kind}`) },
        { key: 'facilitator', header: t('meetings.list.facilitator'), render: (m) => `${m.facilitator.name} (${m.facilitatorUnit.name})` },
        { key: 'basis', header: t('meetings.list.basis'), render: (m) => <BasisBadge basis={m.legalBasis} /> },
        {
          key: 'role',
          header: t('meetings.list.role'),
          render: (m) => (
            <>
              {t(`meetings.role.${m.myRole}`)}
              {m.closedAt ? (
                <>
                  {' '}
                  <Badge variant="success">{t('meetings.page.closedBadge')}</Badge>
                </>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
