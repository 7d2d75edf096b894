import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { acceptPlace, type CourseDetail, dropOut, finishCourse, getCourse, offerKeys, type Participant, type Session } from '../../api/offers';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Flash } from '../../components/Flash';
import { FormActions } from '../../components/FormActions';
import { TextAreaField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateTimeShort, formatTime, languageName, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { EditCourseForm, EditSessionForm, WithdrawModal } from './CourseEdit';
import { StateBadge } from './shared';

/**
 * `/forloeb/:id`: a course for those who run it — sessions with "Registrér fremmøde", the roster
 * with interpreter needs, offered places, the waiting list in order, and families who left.
 */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ text: string; key: number; variant: 'success' | 'error' } | null>(null);
  const [editing, setEditing] = useState(false);
  const course = useQuery({ queryKey: offerKeys.course(id), queryFn: () => getCourse(id), staleTime: 0 });
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: offerKeys.all });
    setMessage({ text, key: Date.now(), variant: 'success' });
  };
  /** Someone else changed the course meanwhile: reload it and say so. */
  const conflict = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: offerKeys.all });
    setMessage({ text, key: Date.now(), variant: 'error' });
  };

  if (course.isPending) return <Spinner />;
  if (course.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/tilbud">{t('offers.backToCatalogue')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={course.error} onRetry={() => void course.refetch()} />
      </>
    );
  }
  const c = course.data;
  return (
    <>
      <PageTitle title={c.name} />
      <BackLink to={`/tilbud/${encodeURIComponent(c.offerId)}`}>{t('offers.course.back', { offer: c.offerName })}</BackLink>
      <h1>{c.name}</h1>
      <Flash />
      {message ? (
        <Alert variant={message.variant} focusKey={message.key} onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      ) : null}
      <dl className="spire-facts">
        <div>
          <dt>{t('offers.col.unit')}</dt>
          <dd>{c.unit.name}</dd>
        </div>
        <div>
          <dt>{t('offers.col.place')}</dt>
          <dd>{c.place}</dd>
        </div>
        <div>
          <dt>{t('offers.col.facilitators')}</dt>
          <dd>{c.facilitators.map((f) => f.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('offers.col.places')}</dt>
          <dd>{t('offers.courses.placesText', { taken: c.capacity - c.counts.free, capacity: c.capacity, waiting: c.counts.waiting })}</dd>
        </div>
        {c.minSessionsToComplete ? (
          <div>
            <dt>{t('offers.completionRule')}</dt>
            <dd>{t('offers.completionRuleText', { min: c.minSessionsToComplete, total: c.sessionCount })}</dd>
          </div>
        ) : null}
        {c.finished ? (
          <div>
            <dt>{t('offers.course.status')}</dt>
            <dd>
              <Badge>{t('offers.courses.finished')}</Badge>
            </dd>
          </div>
        ) : null}
      </dl>
      {!c.finished && !editing ? (
        <p className="mt-5">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('offers.edit.open')}
          </button>
        </p>
      ) : null}
      {editing ? (
        <EditCourseForm
          key={c.version}
          course={c}
          onClose={() => setEditing(false)}
          onDone={(text) => {
            setEditing(false);
            done(text);
          }}
          onConflict={conflict}
        />
      ) : null}

      <Roster course={c} onDone={done} onConflict={conflict} />
      <WaitingList course={c} onDone={done} onConflict={conflict} />
      <Sessions course={c} onDone={done} onConflict={conflict} />
      {c.ended.length > 0 ? <Ended course={c} /> : null}
      {!c.finished ? <FinishCourse course={c} onDone={done} /> : null}
    </>
  );
}

/** Parents with relation and an interpreter badge. */
function Parents({ p }: { p: Participant }) {
  const { t } = useTranslation();
  return (
    <ul className="nobullet-list spire-parents">
      {p.adults.map((a) => (
        <li key={a.id}>
          {a.name}
          {a.relation ? <span className="spire-muted"> ({t(`relation.${a.relation}`, { defaultValue: a.relation })})</span> : null}
          {a.interpreterNeeded ? (
            <>
              {' '}
              <Badge variant="warning">{t('offers.course.interpreter', { language: languageName(a.preferredLanguage) })}</Badge>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** What the course page's sections report back: a success text, or a 409 text (the page reloads the course). */
interface Done {
  onDone: (text: string) => void;
  onConflict: (text: string) => void;
}

function Roster({ course, onDone, onConflict }: { course: CourseDetail } & Done) {
  const { t } = useTranslation();
  const [droppingId, setDroppingId] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null);
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: (p: Participant) => acceptPlace(p.id, p.version),
    onSuccess: (p) => onDone(t('offers.course.accepted', { name: p.child.name })),
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  const dropping = course.roster.find((p) => p.id === droppingId);
  return (
    <section aria-labelledby="roster-heading" className="mt-7">
      <h2 id="roster-heading">{t('offers.course.rosterHeading')}</h2>
      {error ? <Alert variant="error">{error}</Alert> : null}
      {course.roster.length === 0 ? (
        <EmptyState title={t('offers.course.rosterEmpty')} />
      ) : (
        <DataTable<Participant>
          caption={t('offers.course.rosterCaption')}
          rows={course.roster}
          rowKey={(p) => p.id}
          columns={[
            { key: 'child', header: t('offers.col.child'), rowHeader: true, render: (p) => <Link to={`/boern/${encodeURIComponent(p.child.id)}`}>{p.child.name}</Link> },
            { key: 'parents', header: t('offers.col.parents'), render: (p) => <Parents p={p} /> },
            {
              key: 'state',
              header: t('offers.col.state'),
              render: (p) => (
                <>
                  <StateBadge state={p.state} />
                  {p.state === 'offered' && p.offerExpiresOn ? <div className="spire-muted">{t('offers.course.answerBy', { date: formatDate(p.offerExpiresOn) })}</div> : null}
                </>
              ),
            },
            { key: 'attended', header: t('offers.col.attended'), render: (p) => t('offers.course.attendedText', { attended: p.attended, total: course.sessionCount }) },
            {
              key: 'actions',
              header: t('offers.col.actions'),
              render: (p) =>
                course.finished ? null : p.state === 'offered' ? (
                  <div className="spire-actions">
                    <button type="button" className="button button-secondary" disabled={accept.isPending} onClick={() => accept.mutate(p)} aria-label={t('offers.course.acceptFor', { name: p.child.name })}>
                      {t('offers.course.accept')}
                    </button>
                    <button type="button" className="button button-tertiary" onClick={() => setWithdrawing(p)} aria-label={t('offers.course.declineFor', { name: p.child.name })}>
                      {t('offers.course.decline')}
                    </button>
                  </div>
                ) : p.state === 'enrolled' ? (
                  <button type="button" className="button button-tertiary" onClick={() => setDroppingId(p.id)} aria-label={t('offers.course.dropOutFor', { name: p.child.name })}>
                    {t('offers.course.dropOut')}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
      {withdrawing ? (
        <WithdrawModal
          participant={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(text) => {
            setWithdrawing(null);
            onDone(text);
          }}
          onConflict={(text) => {
            setWithdrawing(null);
            onConflict(text);
          }}
        />
      ) : null}
      {dropping ? (
        <DropOutForm
          participant={dropping}
          onClose={() => setDroppingId(null)}
          onDone={(text) => {
            setDroppingId(null);
            onDone(text);
          }}
        />
      ) : null}
    </section>
  );
}

function DropOutForm({ participant, onClose, onDone }: { participant: Participant; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useFormErrors('dropout', ['reason']);
  const mutation = useMutation({
    mutationFn: () => dropOut(participant.id, participant.version, reason.trim()),
    onSuccess: (p) => onDone(t('offers.course.droppedOut', { name: p.child.name })),
    onError: (e) => {
      if (!form.failFromApi(e)) form.fail({ reason: e instanceof Error ? e.message : String(e) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.fail({ reason: reason.trim() ? '' : t('offers.course.errors.reason') })) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="spire-panel mt-5" aria-labelledby="dropout-heading">
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h3 id="dropout-heading">{t('offers.course.dropOutHeading', { name: participant.child.name })}</h3>
      <TextAreaField id={form.id('reason')} label={t('offers.course.reason')} hint={t('offers.course.reasonHint')} value={reason} onChange={setReason} rows={3} error={form.errors.reason} />
      <FormActions pending={mutation.isPending} submitLabel={t('offers.course.saveDropOut')} onCancel={onClose} />
    </form>
  );
}

function WaitingList({ course, onDone, onConflict }: { course: CourseDetail } & Done) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null);
  return (
    <section aria-labelledby="waiting-heading" className="mt-7">
      <h2 id="waiting-heading">{t('offers.course.waitingHeading')}</h2>
      {course.waiting.length === 0 ? (
        <EmptyState title={t('offers.course.waitingEmpty')} />
      ) : (
        <DataTable<Participant>
          caption={t('offers.course.waitingCaption')}
          rows={course.waiting}
          rowKey={(p) => p.id}
          columns={[
            { key: 'position', header: t('offers.col.position'), numeric: true, render: (p) => String(p.position ?? '') },
            { key: 'child', header: t('offers.col.child'), rowHeader: true, render: (p) => <Link to={`/boern/${encodeURIComponent(p.child.id)}`}>{p.child.name}</Link> },
            { key: 'parents', header: t('offers.col.parents'), render: (p) => <Parents p={p} /> },
            { key: 'referred', header: t('offers.col.referred'), render: (p) => `${formatDateTimeShort(p.referredAt)} · ${p.referredBy.name}` },
            { key: 'reason', header: t('offers.col.reason'), render: (p) => p.reason || t('common.none') },
            {
              key: 'actions',
              header: t('offers.col.actions'),
              render: (p) =>
                course.finished ? null : (
                  <button type="button" className="button button-tertiary" onClick={() => setWithdrawing(p)} aria-label={t('offers.withdraw.openFor', { name: p.child.name })}>
                    {t('offers.withdraw.open')}
                  </button>
                ),
            },
          ]}
        />
      )}
      {withdrawing ? (
        <WithdrawModal
          participant={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(text) => {
            setWithdrawing(null);
            onDone(text);
          }}
          onConflict={(text) => {
            setWithdrawing(null);
            onConflict(text);
          }}
        />
      ) : null}
    </section>
  );
}

function Sessions({ course, onDone, onConflict }: { course: CourseDetail } & Done) {
  const { t } = useTranslation();
  const today = todayIso();
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = course.sessions.find((s) => s.id === editingId);
  return (
    <section aria-labelledby="sessions-heading" className="mt-7">
      <h2 id="sessions-heading">{t('offers.course.sessionsHeading')}</h2>
      <DataTable<Session>
        caption={t('offers.course.sessionsCaption')}
        rows={course.sessions}
        rowKey={(s) => s.id}
        columns={[
          { key: 'number', header: t('offers.col.session'), rowHeader: true, render: (s) => t('offers.course.sessionNumber', { number: s.number }) },
          { key: 'date', header: t('offers.col.date'), render: (s) => `${formatDate(s.date)} ${formatTime(s.startTime)}` },
          { key: 'duration', header: t('offers.col.duration'), render: (s) => t('offers.course.minutes', { count: s.durationMinutes }) },
          { key: 'topic', header: t('offers.col.topic'), render: (s) => s.topic || <span className="spire-muted">{t('common.none')}</span> },
          {
            key: 'attendance',
            header: t('offers.col.attendance'),
            render: (s) =>
              s.date > today ? (
                <span className="spire-muted">{t('offers.course.notYet')}</span>
              ) : (
                <Link to={`/forloeb/${encodeURIComponent(course.id)}/moeder/${encodeURIComponent(s.id)}`} aria-label={t('offers.course.takeAttendanceFor', { number: s.number })}>
                  {s.marks > 0 ? t('offers.course.editAttendance') : t('offers.course.takeAttendance')}
                </Link>
              ),
          },
          ...(course.finished
            ? []
            : [
                {
                  key: 'edit',
                  header: t('offers.col.actions'),
                  render: (s: Session) => (
                    <button type="button" className="button button-tertiary" onClick={() => setEditingId(s.id)} aria-label={t('offers.sessionEdit.openFor', { number: s.number })}>
                      {t('offers.sessionEdit.open')}
                    </button>
                  ),
                },
              ]),
        ]}
      />
      {editing ? (
        <EditSessionForm
          key={`${editing.id}-${editing.version}`}
          session={editing}
          onClose={() => setEditingId(null)}
          onDone={(text) => {
            setEditingId(null);
            onDone(text);
          }}
          onConflict={onConflict}
        />
      ) : null}
    </section>
  );
}

/** End reasons the system writes itself (others are the staff member's own words, shown as written). */
const END_REASON_CODES = ['offer_expired', 'course_finished'];

function Ended({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ended-heading" className="mt-7">
      <h2 id="ended-heading">{t('offers.course.endedHeading')}</h2>
      <DataTable<Participant>
        caption={t('offers.course.endedCaption')}
        rows={course.ended}
        rowKey={(p) => p.id}
        columns={[
          { key: 'child', header: t('offers.col.child'), rowHeader: true, render: (p) => p.child.name },
          { key: 'state', header: t('offers.col.state'), render: (p) => <StateBadge state={p.state} /> },
          { key: 'reason', header: t('offers.col.reason'), render: (p) => (p.endReason ? (END_REASON_CODES.includes(p.endReason) ? t(`offers.endReason.${p.endReason}`) : p.endReason) : t('common.none')) },
        ]}
      />
    </section>
  );
}

function FinishCourse({ course, onDone }: { course: CourseDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => finishCourse(course.id, course.version),
    onSuccess: () => onDone(t('offers.course.finishedText')),
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  return (
    <section aria-labelledby="finish-heading" className="mt-7">
      <h2 id="finish-heading">{t('offers.course.finishHeading')}</h2>
      <p>{t('offers.course.finishLead')}</p>
      {error ? <Alert variant="error">{error}</Alert> : null}
      <button type="button" className="button button-secondary" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {t('offers.course.finish')}
      </button>
    </section>
  );
}
