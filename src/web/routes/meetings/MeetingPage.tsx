import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getMeeting, type Meeting, meetingKeys } from '../../api/meetings';
import { BackLink } from '../../components/BackLink';
import { Badge } from '../../components/Badge';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageSummaryProvider, useSummaryHost } from '../../components/PageSummary';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { MeetingActions } from './MeetingActions';
import { ClosedNotice, MeetingClose } from './MeetingClose';
import { MeetingMapEditor } from './MeetingMapEditor';
import { MeetingMinutes, ParentSummaryEditor } from './MeetingMinutes';
import { MeetingParticipants } from './MeetingParticipants';
import { RatingsChart } from './RatingsChart';
import { BasisBadge } from './shared';

/**
 * `/moeder/:id`: the meeting screen, usable live in the meeting: details and legal basis,
 * participants with attendance and their 0–10 rating, the three-column map, next steps, minutes
 * (approve/correct), the parents' summary, ratings over time across follow-up meetings, and
 * "Afslut møde" for the facilitator; a closed meeting shows "Afsluttet" and no edit controls.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const summary = useSummaryHost();
  const query = useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => getMeeting(id), staleTime: 0 });
  if (query.isPending) {
    return (
      <>
        <BackLink to="/moeder">{t('meetings.page.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/moeder">{t('meetings.page.back')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const m = query.data;
  const title = t('meetings.page.title', { child: m.child.name });
  const reload = () => void query.refetch();
  return (
    <PageSummaryProvider value={summary.publish}>
      <PageTitle title={title} />
      <BackLink to="/moeder">{t('meetings.page.back')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <h1>
        {title}
        {m.closedAt ? (
          <>
            {' '}
            <Badge variant="success">{t('meetings.page.closedBadge')}</Badge>
          </>
        ) : null}
      </h1>
      <ClosedNotice meeting={m} />
      <Details meeting={m} />
      {!m.mayEdit && !m.closedAt ? <p className="alert-text">{t('meetings.page.readOnly')}</p> : null}
      {/* Keyed by version so that a reload after a conflict starts from the newest text. */}
      <MeetingParticipants key={`p-${m.participants.map((p) => p.version).join('.')}`} meeting={m} />
      <MeetingMapEditor meeting={m} onReload={reload} />
      <MeetingActions meeting={m} />
      <MeetingMinutes meeting={m} onReload={reload} />
      <ParentSummaryEditor meeting={m} onReload={reload} />
      <RatingsChart meeting={m} />
      <MeetingClose meeting={m} onReload={reload} />
    </PageSummaryProvider>
  );
}

function Details({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const basis =
    m.legalBasis === 'consent' && m.consent
      ? t('meetings.page.consentBy', { name: m.consent.givenBy.name, date: formatDate(m.consent.givenOn), form: t(`meetings.consentForm.${m.consent.form}`).toLowerCase() })
      : m.ssd && m.ssd.ordinal > 1
        ? t('meetings.page.ssdFollowUp', { reason: m.ssd.specialReason ?? '' })
        : t('meetings.page.ssdFirst');
  return (
    <section aria-label={t('meetings.create.detailsHeading')} className="mb-6">
      <p>
        {t(`meetings.kind.${m.kind}`)} <BasisBadge basis={m.legalBasis} />
      </p>
      <dl className="spire-facts">
        <dt>{t('meetings.page.when')}</dt>
        <dd>
          {formatDate(m.heldOn)}
          {m.startTime ? ` ${m.startTime}` : ''}
        </dd>
        <dt>{t('meetings.page.place')}</dt>
        <dd>{m.place}</dd>
        <dt>{t('meetings.page.facilitator')}</dt>
        <dd>
          {m.facilitator.name}, {m.facilitatorUnit.name}
        </dd>
        <dt>{t('meetings.page.basis')}</dt>
        <dd>{basis}</dd>
      </dl>
      <p>
        <Link to={`/boern/${m.child.id}`}>{t('meetings.page.childLink')}</Link>
        {m.followsMeetingId ? (
          <>
            {' · '}
            <Link to={`/moeder/${m.followsMeetingId}`}>{t('meetings.page.followsLink', { date: formatDate(m.ratingsOverTime.meetings.at(-2)?.heldOn ?? null) })}</Link>
          </>
        ) : null}
      </p>
      <p className="form-hint">{t('meetings.page.healthNote')}</p>
    </section>
  );
}
