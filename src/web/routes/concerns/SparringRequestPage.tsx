import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  addSparringSession,
  closeSparring,
  concernKeys,
  getSparring,
  type SparringRequestDetail,
  takeSparring,
} from '../../api/concerns';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/FormField';
import { PageSummaryProvider, usePageSummary, useSummaryHost } from '../../components/PageSummary';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { Facts } from '../child/shared';
import { LevelBadge } from '../wellbeing/shared';
import { SparringStatusBadge } from './shared';
import './concerns.css';

const SESSION_FIELDS = ['heldOn', 'advice', 'nextStep'] as const;
const CLOSE_FIELDS = ['note'] as const;

/**
 * `/sparring/:id`: one sparring request. The social worker takes it, records sessions with
 * advice and closes it; the requester reads the status and the advice. A named request has
 * "Indkald til tværfagligt møde" (the meetings screen takes `?sparring=…&barn=…`).
 */
export function SparringRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const summary = useSummaryHost();
  const query = useQuery({ queryKey: concernKeys.request(id), queryFn: () => getSparring(id), retry: false });
  const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
  return (
    <PageSummaryProvider value={summary.publish}>
      <PageTitle title={t('concerns.request.title')} />
      <BackLink to="/sparring">{t('concerns.request.back')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <h1>{t('concerns.request.title')}</h1>
      {query.isPending ? <Spinner /> : null}
      {notFound ? <p className="font-lead">{t('concerns.request.notFound')}</p> : null}
      {query.isError && !notFound ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <RequestView data={query.data} onReload={() => void query.refetch()} /> : null}
    </PageSummaryProvider>
  );
}

function RequestView({ data, onReload }: { data: SparringRequestDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const done = (next: SparringRequestDetail, text: string) => {
    queryClient.setQueryData(concernKeys.request(data.id), next);
    void queryClient.invalidateQueries({ queryKey: concernKeys.sparring, exact: true });
    setNotice({ text, at: Date.now() });
  };
  const take = useMutation({
    mutationFn: () => takeSparring(data.id, data.version),
    onSuccess: (next) => done(next, t('concerns.request.taken')),
  });
  const takeError = take.error instanceof ApiError ? take.error : null;

  return (
    <>
      {notice ? (
        <Alert variant="success" announce focusKey={notice.at}>
          {notice.text}
        </Alert>
      ) : null}
      <Facts
        items={[
          { label: t('concerns.request.status'), value: <SparringStatusBadge status={data.status} /> },
          { label: t('concerns.request.mode'), value: t(`concerns.mode.${data.mode}`) },
          data.child
            ? { key: 'child', label: t('concerns.request.child'), value: <Link to={`/boern/${encodeURIComponent(data.child.id)}`}>{data.child.name}</Link> }
            : data.mode === 'anonymous'
              ? { key: 'age', label: t('concerns.request.ageBand'), value: t(`concerns.ageBand.${data.ageBand ?? 'unknown'}`) }
              : { key: 'child', label: t('concerns.request.child'), value: t('concerns.request.hiddenChild') },
          { label: t('concerns.request.level'), value: <LevelBadge level={data.level} withMeaning /> },
          { label: t('concerns.request.unit'), value: `${data.unit.name} (${data.district.name})` },
          { label: t('concerns.request.requester'), value: data.requester.name },
          {
            label: t('concerns.request.requested'),
            value: t('concerns.request.requestedText', { date: formatDate(data.requestedOn), days: t('concerns.days', { count: data.waitingDays }) }),
          },
          ...(data.takenBy && data.takenAt
            ? [{ label: t('concerns.request.takenBy'), value: t('concerns.request.takenText', { name: data.takenBy.name, date: formatDate(data.takenAt.slice(0, 10)) }) }]
            : []),
          ...(data.consent
            ? [{ label: t('concerns.request.consent'), value: t('concerns.request.consentText', { by: data.consent.givenBy, date: formatDate(data.consent.givenOn), how: data.consent.how }) }]
            : []),
        ]}
      />
      <h2 className="h3">{t('concerns.request.question')}</h2>
      <p className="spire-prewrap">{data.question}</p>
      {data.closedAt ? <p>{t('concerns.request.closedNote', { date: formatDate(data.closedAt.slice(0, 10)), note: data.closingNote ?? '' })}</p> : null}

      <div className="spire-actions mt-5 mb-5">
        {data.canTake ? (
          <button type="button" className="button button-primary" disabled={take.isPending} onClick={() => take.mutate()}>
            {take.isPending ? t('concerns.request.taking') : t('concerns.request.take')}
          </button>
        ) : null}
        {data.child && data.mode === 'named' ? (
          <Link
            className="button button-secondary"
            to={`/moeder/ny?sparring=${encodeURIComponent(data.id)}&barn=${encodeURIComponent(data.child.id)}`}
          >
            {t('concerns.request.meeting')}
          </Link>
        ) : null}
      </div>
      {takeError ? (
        <Alert variant="error" heading={t('concerns.request.takeError')} headingLevel={2} focusKey={take.submittedAt}>
          <p className="alert-text">{takeError.title}</p>
          <button type="button" className="button button-secondary mt-4" onClick={() => { take.reset(); onReload(); }}>
            {t('errors.reloadLatest')}
          </button>
        </Alert>
      ) : null}

      {data.concern ? (
        <section aria-labelledby="request-concern" className="spire-concern mt-6 mb-6" style={{ borderLeftColor: data.concern.level.colour }}>
          <h2 id="request-concern" className="h3">
            {t('concerns.request.concernHeading')}
          </h2>
          <p>
            <LevelBadge level={data.concern.level} />
          </p>
          <p className="spire-prewrap">{data.concern.observed}</p>
          <p className="mb-2">{t('concerns.child.sinceText', { date: formatDate(data.concern.observedSince) })}</p>
          <p className="mb-2">
            {data.concern.parentsInformed
              ? t('concerns.child.parentsYes', { how: data.concern.parentsInformedHow ?? '' })
              : t('concerns.child.parentsNo')}
          </p>
          <p className="spire-muted">
            {t('concerns.child.byline', { date: formatDate(data.concern.createdAt.slice(0, 10)), name: data.concern.author.name, unit: data.concern.unit.name })}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="sessions-heading" className="mt-6">
        <h2 id="sessions-heading">{t('concerns.request.sessionsHeading')}</h2>
        {data.sessions.length === 0 ? <p>{t('concerns.request.sessionsEmpty')}</p> : null}
        {data.sessions.map((s) => (
          <article key={s.id} className="spire-session" aria-labelledby={`session-${s.id}`}>
            <h3 id={`session-${s.id}`} className="h5 mb-2">
              {t('concerns.request.sessionByline', { date: formatDate(s.heldOn), name: s.recordedBy.name })}
            </h3>
            <p className="mb-1">
              <strong>{t('concerns.request.advice')}:</strong>
            </p>
            <p className="spire-prewrap">{s.advice}</p>
            {s.nextStep ? (
              <p>
                <strong>{t('concerns.request.nextStep')}:</strong> {s.nextStep}
              </p>
            ) : null}
          </article>
        ))}
      </section>
      {data.canRecord ? <SessionForm data={data} onSaved={(next) => done(next, t('concerns.request.sessionSaved'))} /> : null}
      {data.canClose ? <CloseForm data={data} onClosed={(next) => done(next, t('concerns.request.closed'))} onReload={onReload} /> : null}
    </>
  );
}

function SessionForm({ data, onSaved }: { data: SparringRequestDetail; onSaved: (next: SparringRequestDetail) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('session', SESSION_FIELDS);
  usePageSummary(form);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [advice, setAdvice] = useState('');
  const [next, setNext] = useState('');
  const mutation = useMutation({
    mutationFn: () => addSparringSession(data.id, { heldOn, advice: advice.trim(), nextStep: next.trim() || null }),
    onSuccess: (result) => {
      setAdvice('');
      setNext('');
      form.clear();
      onSaved(result);
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (form.fail({ heldOn: heldOn ? '' : t('concerns.request.heldOnRequired'), advice: advice.trim() ? '' : t('concerns.request.adviceRequired') })) return;
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return (
    <form onSubmit={submit} noValidate className="spire-form-panel mt-7" aria-labelledby="session-form-heading">
      <h2 id="session-form-heading" className="h3">
        {t('concerns.request.sessionHeading')}
      </h2>
      {err ? (
        <Alert variant="error" heading={t('concerns.request.sessionError')} headingLevel={3} focusKey={mutation.submittedAt}>
          {err.title}
        </Alert>
      ) : null}
      <TextField id={form.id('heldOn')} type="date" label={t('concerns.request.heldOn')} value={heldOn} onChange={setHeldOn} error={form.errors.heldOn} max={todayIso()} />
      <TextAreaField id={form.id('advice')} label={t('concerns.request.adviceLabel')} hint={t('concerns.request.adviceHint')} value={advice} onChange={setAdvice} error={form.errors.advice} rows={5} maxLength={4000} />
      <TextField id={form.id('nextStep')} optional label={t('concerns.request.nextStepLabel')} value={next} onChange={setNext} error={form.errors.nextStep} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('common.saving') : t('concerns.request.saveSession')}
      </button>
    </form>
  );
}

function CloseForm({ data, onClosed, onReload }: { data: SparringRequestDetail; onClosed: (next: SparringRequestDetail) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('close', CLOSE_FIELDS);
  usePageSummary(form);
  const [note, setNote] = useState('');
  // The requester withdraws a request nobody has taken yet; once taken, either side closes it.
  const requester = data.relation === 'requested' && data.status === 'waiting';
  const mutation = useMutation({
    mutationFn: () => closeSparring(data.id, { version: data.version, note: note.trim() || null }),
    onSuccess: onClosed,
    onError: (err) => {
      form.failFromApi(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return (
    <form onSubmit={submit} noValidate className="mt-7" aria-labelledby="close-form-heading">
      <h2 id="close-form-heading" className="h3">
        {requester ? t('concerns.request.closeWithdraw') : t('concerns.request.closeHeading')}
      </h2>
      {err ? (
        <Alert variant="error" heading={t('concerns.request.closeError')} headingLevel={3} focusKey={mutation.submittedAt}>
          <p className="alert-text">{err.status === 409 ? t('concerns.request.conflict') : err.title}</p>
          {err.status === 409 ? (
            <button type="button" className="button button-secondary mt-4" onClick={() => { mutation.reset(); onReload(); }}>
              {t('errors.reloadLatest')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <TextAreaField id={form.id('note')} optional label={t('concerns.request.closeNote')} value={note} onChange={setNote} error={form.errors.note} rows={3} maxLength={2000} />
      <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
        {mutation.isPending ? t('common.saving') : requester ? t('concerns.request.closeWithdraw') : t('concerns.request.close')}
      </button>
    </form>
  );
}
