import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getMeeting, meetingKeys } from '../../api/meetings';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';

/**
 * `/moeder/:id/sammendrag`: the plain-language summary for the parents, print-friendly (the
 * header, footer and buttons are left out when printing): what the meeting was about, who took
 * part and the agreed next steps.
 */
export function ParentSummaryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => getMeeting(id) });
  const back = `/moeder/${id}`;
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to={back}>{t('meetings.summary.back')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const m = query.data;
  const title = t('meetings.summary.printTitle', { child: m.child.name });
  return (
    <article className="spire-parent-summary">
      <PageTitle title={title} />
      <div className="spire-no-print">
        <BackLink to={back}>{t('meetings.summary.back')}</BackLink>
      </div>
      <h1>{title}</h1>
      <p className="font-lead">{t('meetings.summary.printIntro', { date: formatDate(m.heldOn), place: m.place, facilitator: m.facilitator.name })}</p>
      <div style={{ whiteSpace: 'pre-wrap', maxWidth: '70ch' }}>{m.parentSummary ?? t('meetings.summary.none')}</div>
      <h2>{t('meetings.summary.printWho')}</h2>
      <ul>
        {m.participants.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
      {m.actions.length > 0 ? (
        <>
          <h2>{t('meetings.summary.printNextSteps')}</h2>
          <ul>
            {m.actions.map((a) => (
              <li key={a.id}>
                {a.description} – {a.owner.name}, {t('meetings.myDay.dueText', { date: formatDate(a.dueOn) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="spire-no-print mt-6">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('meetings.summary.printButton')}
        </button>
      </p>
    </article>
  );
}
