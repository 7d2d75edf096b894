import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  type ChildInRound,
  getChildInRound,
  getRound,
  type JointRating,
  listColleagues,
  type Rating,
  rateChild,
  saveJoint,
  wellbeingKeys,
} from '../../api/wellbeing';
import { useMe } from '../../auth';
import { Alert } from '../../components/Alert';
import { ConflictAlert } from '../../components/ConflictAlert';
import { BackLink } from '../../components/BackLink';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextAreaField } from '../../components/FormField';
import { PageSummaryProvider, usePageSummary, useSummaryHost } from '../../components/PageSummary';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateTime } from '../../format';
import { useFormErrors } from '../../forms';
import { LevelBadge, LevelRadios } from './shared';

const MINE_FIELDS = ['level', 'comment'] as const;
const JOINT_FIELDS = ['level', 'comment', 'participantIds'] as const;

/**
 * `/trivsel/runder/:roundId/boern/:childId`: rate the child yourself (colleagues' ratings stay hidden
 * until you have), then the joint rating with a comment and the participants (rule T1: two
 * different staff members must have rated first). Both send the version read; 409 offers a reload.
 */
export function WellbeingChildRating() {
  const { t } = useTranslation();
  const { roundId = '', childId = '' } = useParams();
  const summary = useSummaryHost();
  const data = useQuery({
    queryKey: wellbeingKeys.childInRound(roundId, childId),
    queryFn: () => getChildInRound(roundId, childId),
    staleTime: 0,
  });
  const round = useQuery({ queryKey: wellbeingKeys.round(roundId), queryFn: () => getRound(roundId) });
  const back = `/trivsel/runder/${encodeURIComponent(roundId)}`;

  if (data.isPending) {
    return (
      <>
        <BackLink to={back}>{t('wellbeing.round.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (data.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to={back}>{t('wellbeing.round.back')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      </>
    );
  }
  const c = data.data;
  const title = t('wellbeing.child.title', { child: c.childName, round: c.roundName });
  return (
    <PageSummaryProvider value={summary.publish}>
      <PageTitle title={title} />
      <BackLink to={back}>{t('wellbeing.child.back', { round: c.roundName })}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <h1>{title}</h1>
      <div className="row">
        <div className="col-12 col-lg-8">
          <MyRating data={c} onReload={() => void data.refetch()} />
          <Colleagues data={c} />
          <Joint data={c} unitId={round.data?.unitId ?? null} onReload={() => void data.refetch()} />
        </div>
      </div>
    </PageSummaryProvider>
  );
}


function MyRating({ data, onReload }: { data: ChildInRound; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('mine', MINE_FIELDS);
  usePageSummary(form);
  const mine = data.myRating;
  const [editing, setEditing] = useState(!mine);
  const [level, setLevel] = useState(mine?.level.key ?? '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [saved, setSaved] = useState(0);

  const mutation = useMutation({
    mutationFn: () =>
      rateChild(data.roundId, data.childId, { level, comment: comment.trim() || null, version: mine?.version ?? 0 }),
    onSuccess: (view) => {
      queryClient.setQueryData(wellbeingKeys.childInRound(data.roundId, data.childId), view);
      void queryClient.invalidateQueries({ queryKey: wellbeingKeys.round(data.roundId) });
      setEditing(false);
      setSaved(Date.now());
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (form.fail({ level: level ? '' : t('wellbeing.child.levelRequired') })) return;
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const conflict = err?.status === 409;
  const alertError = err && !conflict && err.errors.length === 0 ? err : null;

  return (
    <section aria-labelledby="mine-heading" className="mb-8">
      <h2 id="mine-heading">{t('wellbeing.child.mineHeading')}</h2>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('wellbeing.child.savedMine')}
        </Alert>
      ) : null}
      {conflict ? (
        <ConflictAlert
          text={t('wellbeing.child.conflictMine')}
          headingLevel={3}
          focusKey={mutation.submittedAt}
          onReload={() => {
            mutation.reset();
            onReload();
          }}
        />
      ) : null}
      {alertError ? (
        <Alert variant="error" heading={t('errors.saveHeading')} headingLevel={3} focusKey={mutation.submittedAt}>
          {alertError.title}
        </Alert>
      ) : null}
      {mine && !editing ? (
        <>
          <p>
            <LevelBadge level={mine.level} withMeaning />
          </p>
          {mine.comment ? <p className="spire-prewrap">{mine.comment}</p> : null}
          <p className="spire-muted">{formatDateTime(mine.updatedAt)}</p>
          {data.individualRatingsOpen ? (
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('wellbeing.child.updateMine')}
            </button>
          ) : null}
        </>
      ) : null}
      {!data.individualRatingsOpen && !mine ? <p>{t('wellbeing.child.closed')}</p> : null}
      {editing && data.individualRatingsOpen ? (
        <form onSubmit={submit} noValidate>
          <p>{t('wellbeing.child.mineIntro')}</p>
          <LevelRadios
            id={form.id('level')}
            legend={t('wellbeing.child.level')}
            hint={t('wellbeing.child.levelHint')}
            error={form.errors.level}
            levels={data.scale.levels}
            value={level}
            onChange={setLevel}
          />
          <TextAreaField
            id={form.id('comment')}
            label={t('wellbeing.child.comment')}
            hint={t('wellbeing.child.commentHint')}
            optional
            value={comment}
            onChange={setComment}
            error={form.errors.comment}
            rows={4}
            maxLength={2000}
          />
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('wellbeing.child.saveMine')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function RatingsTable({ caption, rows }: { caption: string; rows: Rating[] }) {
  const { t } = useTranslation();
  return (
    <DataTable<Rating>
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: 'rater', header: t('wellbeing.child.col.rater'), rowHeader: true, render: (r) => r.rater.name },
        { key: 'level', header: t('wellbeing.child.col.level'), render: (r) => <LevelBadge level={r.level} /> },
        { key: 'comment', header: t('wellbeing.child.col.comment'), render: (r) => r.comment ?? t('common.none') },
        { key: 'date', header: t('wellbeing.child.col.date'), render: (r) => formatDate(r.updatedAt.slice(0, 10)) },
      ]}
    />
  );
}

function Colleagues({ data }: { data: ChildInRound }) {
  const { t } = useTranslation();
  const { count, hidden, items } = data.colleagues;
  return (
    <section aria-labelledby="colleagues-heading" className="mb-8">
      <h2 id="colleagues-heading">{t('wellbeing.child.colleaguesHeading')}</h2>
      {count === 0 ? <p>{t('wellbeing.child.colleaguesNone')}</p> : null}
      {count > 0 && hidden ? <p>{t('wellbeing.child.colleaguesHidden', { count })}</p> : null}
      {!hidden && items.length > 0 ? <RatingsTable caption={t('wellbeing.child.colleaguesCaption')} rows={items} /> : null}
    </section>
  );
}

function JointView({ joint }: { joint: JointRating }) {
  const { t } = useTranslation();
  return (
    <div className="mb-5">
      <p>
        <LevelBadge level={joint.level} withMeaning />
      </p>
      <p className="spire-prewrap">{joint.comment}</p>
      <p className="spire-muted">
        {t('wellbeing.child.jointSaved', {
          date: formatDateTime(joint.recordedAt),
          name: joint.recordedBy.name,
          version: joint.version,
        })}
        <br />
        {t('wellbeing.child.jointParticipants', { names: joint.participants.map((p) => p.name).join(', ') })}
      </p>
    </div>
  );
}

function Joint({ data, unitId, onReload }: { data: ChildInRound; unitId: string | null; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useFormErrors('joint', JOINT_FIELDS);
  usePageSummary(form);
  const colleagues = useQuery({
    queryKey: wellbeingKeys.colleagues(unitId ?? ''),
    queryFn: () => listColleagues(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const joint = data.joint;
  const [editing, setEditing] = useState(false);
  const raters = [data.myRating?.rater.id, ...data.colleagues.items.map((r) => r.rater.id)].filter(
    (x): x is string => Boolean(x),
  );
  const [level, setLevel] = useState(joint?.level.key ?? '');
  const [comment, setComment] = useState('');
  // Until the user changes the choice: the earlier participants, or you and everyone who has rated.
  const [chosen, setParticipants] = useState<string[] | null>(null);
  const participants =
    chosen ?? (joint ? joint.participants.map((p) => p.id) : Array.from(new Set([me.id, ...raters])));
  const [saved, setSaved] = useState(0);

  const mutation = useMutation({
    mutationFn: () =>
      saveJoint(data.roundId, data.childId, {
        level,
        comment: comment.trim(),
        participantIds: participants,
        version: joint?.version ?? 0,
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(wellbeingKeys.childInRound(data.roundId, data.childId), view);
      void queryClient.invalidateQueries({ queryKey: wellbeingKeys.round(data.roundId) });
      void queryClient.invalidateQueries({ queryKey: ['wellbeing', 'child', data.childId] });
      setEditing(false);
      setComment('');
      setSaved(Date.now());
    },
    onError: (err) => {
      if (!(err instanceof ApiError && err.code === 'wellbeing.two_ratings_required')) form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const errors = {
      level: level ? '' : t('wellbeing.child.levelRequired'),
      comment: comment.trim() ? '' : t('wellbeing.child.jointCommentRequired'),
      participantIds: participants.length >= 2 ? '' : t('wellbeing.child.participantsRequired'),
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const refused = err?.code === 'wellbeing.two_ratings_required';
  const conflict = err?.status === 409 && !refused;
  const alertError = err && !conflict && !refused && err.errors.length === 0 ? err : null;
  const people = (colleagues.data ?? []).map((c) => ({ id: c.id, name: c.name }));
  // Raters and earlier participants who are not (or no longer) in the directory still show.
  for (const p of [...(joint?.participants ?? []), ...data.colleagues.items.map((r) => r.rater)]) {
    if (!people.some((x) => x.id === p.id)) people.push(p);
  }
  const showForm = (!joint || editing) && (data.jointAllowed || refused);

  return (
    <section aria-labelledby="joint-heading" className="mb-8">
      <h2 id="joint-heading">{t('wellbeing.child.jointHeading')}</h2>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('wellbeing.child.savedJoint')}
        </Alert>
      ) : null}
      {joint ? <JointView joint={joint} /> : null}
      {!joint && !data.jointAllowed ? (
        <Alert variant="info" heading={t('wellbeing.child.refusedHeading')} headingLevel={3}>
          <p className="alert-text">{t('wellbeing.child.jointRule')}</p>
          <p className="alert-text">
            {t('wellbeing.child.jointNotYet', { count: (data.myRating ? 1 : 0) + data.colleagues.count })}
          </p>
        </Alert>
      ) : null}
      {refused ? (
        <Alert variant="error" heading={t('wellbeing.child.refusedHeading')} headingLevel={3} focusKey={mutation.submittedAt}>
          <p className="alert-text">{err?.title}</p>
          <p className="alert-text">{t('wellbeing.child.jointRule')}</p>
        </Alert>
      ) : null}
      {conflict ? (
        <ConflictAlert
          text={t('wellbeing.child.conflictJoint')}
          headingLevel={3}
          focusKey={mutation.submittedAt}
          onReload={() => {
            mutation.reset();
            setEditing(false);
            onReload();
          }}
        />
      ) : null}
      {alertError ? (
        <Alert variant="error" heading={t('errors.saveHeading')} headingLevel={3} focusKey={mutation.submittedAt}>
          {alertError.title}
        </Alert>
      ) : null}
      {joint && !editing ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setEditing(true);
            setLevel(joint.level.key);
            setComment(joint.comment);
          }}
        >
          {t('wellbeing.child.correct')}
        </button>
      ) : null}
      {showForm ? (
        <form onSubmit={submit} noValidate>
          <p>{t('wellbeing.child.jointRule')}</p>
          <LevelRadios
            id={form.id('level')}
            legend={t('wellbeing.child.jointLevel')}
            error={form.errors.level}
            levels={data.scale.levels}
            value={level}
            onChange={setLevel}
          />
          <TextAreaField
            id={form.id('comment')}
            label={t('wellbeing.child.jointComment')}
            hint={t('wellbeing.child.jointCommentHint')}
            value={comment}
            onChange={setComment}
            error={form.errors.comment}
            rows={4}
            maxLength={4000}
            required
          />
          <div className={`form-group spire-participants${form.errors.participantIds ? ' form-error' : ''}`}>
            <fieldset aria-describedby={`${form.id('participantIds')}-hint`}>
              <legend className="form-label">{t('wellbeing.child.participants')}</legend>
              <span className="form-hint" id={`${form.id('participantIds')}-hint`}>
                {t('wellbeing.child.participantsHint')}
              </span>
              {form.errors.participantIds ? (
                <span className="form-error-message">
                  <span className="sr-only">{t('common.errorPrefix')}</span>
                  {form.errors.participantIds}
                </span>
              ) : null}
              {colleagues.isPending && unitId ? <Spinner small /> : null}
              {people.map((p, i) => (
                <CheckboxField
                  key={p.id}
                  id={i === 0 ? form.id('participantIds') : `${form.id('participantIds')}-${p.id}`}
                  label={p.id === me.id ? `${p.name} ${t('wellbeing.child.you')}` : p.name}
                  checked={participants.includes(p.id)}
                  onChange={(on) =>
                    setParticipants(on ? [...participants, p.id] : participants.filter((x) => x !== p.id))
                  }
                />
              ))}
            </fieldset>
          </div>
          <div className="spire-actions">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : joint ? t('wellbeing.child.correctJoint') : t('wellbeing.child.saveJoint')}
            </button>
            {editing ? (
              <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {data.jointHistory.length > 0 ? (
        <details className="mt-5">
          <summary>{t('wellbeing.child.historyHeading')}</summary>
          {data.jointHistory.map((j) => (
            <JointView key={j.id} joint={j} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

