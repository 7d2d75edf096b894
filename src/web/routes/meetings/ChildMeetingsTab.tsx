import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { listChildMeetings, meetingKeys } from '../../api/meetings';
import { useMe } from '../../auth';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Spinner } from '../../components/Spinner';
import { MeetingTable } from './MeetingsList';
import { maySetUpMeetings, seesMeetings } from './shared';

/** Whether the user gets the child's "Møder" tab at all. */
export function useSeesMeetings(): boolean {
  return seesMeetings(useMe());
}

/** The child's page, tab "Møder": the child's meetings the user may see; hides itself on 403/404. */
export function ChildMeetingsTab({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ queryKey: meetingKeys.child(childId), queryFn: () => listChildMeetings(childId) });
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404)) return null;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <section aria-labelledby="child-meetings-heading">
      <h2 id="child-meetings-heading">{t('meetings.childTab.heading')}</h2>
      {maySetUpMeetings(me) ? (
        <p>
          <Link to={`/moeder/ny?barn=${encodeURIComponent(childId)}`} className="button button-secondary">
            {t('meetings.childTab.new')}
          </Link>
        </p>
      ) : null}
      {query.data.length === 0 ? (
        <EmptyState title={t('meetings.childTab.empty')} />
      ) : (
        <MeetingTable meetings={query.data} caption={t('meetings.childTab.caption')} withChild={false} />
      )}
    </section>
  );
}
