import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  confirmReceipt,
  type Feedback,
  getNotification,
  type HandlerView,
  type NotificationView,
  notificationKeys,
  OUTCOMES,
  type Outcome,
  recordAssessment,
  recordOutcome,
} from '../../api/notifications';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField, TextAreaField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateTimeShort, todayIso } from '../../format';
import { type FormErrors, latestSummary, useFormErrors } from '../../forms';
import { DeadlineBadge } from './shared';

/** `/underretninger/:id`: the full notification for social services (with handling), the notifier's view otherwise. */
export function NotificationDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: notificationKeys.one(id), queryFn: () => getNotification(id) });

  if (query.isPending) return <Spinner />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        <PageTitle title={t('notifications.detail.title')} />
        <BackLink to="/underretninger">{t('notifications.detail.backMine')}</BackLink>
        <h1>{t('notifications.detail.title')}</h1>
        {notFound ? <p className="font-lead">{t('child.notFoundText')}</p> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      </>
    );
  }
  const n = query.data;
  return n.view === 'handler' ? <HandlerPage n={n} /> : <NotifierPage n={n} />;
}

function Facts({ n }: { n: NotificationView }) {
  const { t } = useTranslation();
  const reason = n.notInformedReason ? t(`notifications.notInformedReason.${n.notInformedReason}`) : '';
  return (
    <dl className="spire-notification-facts">
      {n.child ? (
        <>
          <dt>{t('notifications.detail.child')}</dt>
          <dd>
            {n.child.name}
            {n.view === 'handler' ? (
              <>
                {' · '}
                <Link to={`/boern/${encodeURIComponent(n.child.id)}`}>{t('notifications.detail.openChild')}</Link>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
      {n.expectantParent ? (
        <>
          <dt>{t('notifications.detail.expectantParent')}</dt>
          <dd>
            {n.expectantParent.name}
            {n.expectantParent.address ? <>, {n.expectantParent.address}</> : null}
            {n.expectantParent.cprMasked ? <> · CPR {n.expectantParent.cprMasked}</> : null}
            {n.expectantParent.expectedDate ? <> · {t('notifications.form.expectedDate')} {formatDate(n.expectantParent.expectedDate)}</> : null}
          </dd>
        </>
      ) : null}
      <dt>{t('notifications.detail.grounds')}</dt>
      <dd>
        <ul className="mt-0">
          {n.grounds.map((g) => (
            <li key={g}>{t(`notifications.ground.${g}`)}</li>
          ))}
        </ul>
      </dd>
      <dt>{t('notifications.detail.observations')}</dt>
      <dd className="spire-prewrap">{n.observations}</dd>
      <dt>{t('notifications.detail.parents')}</dt>
      <dd>
        {n.parentsInformed ? t('notifications.detail.parentsYes') : t('notifications.detail.parentsNo', { reason })}
        {n.notInformedText ? <> ({n.notInformedText})</> : null}
      </dd>
      <dt>{t('notifications.detail.notifier')}</dt>
      <dd>
        {n.notifier.name}, {t(`profession.${n.notifier.profession}`)} – {n.notifier.workplace}
        {n.notifier.workplaceAddress ? `, ${n.notifier.workplaceAddress}` : ''}
      </dd>
      <dt>{t('notifications.detail.received')}</dt>
      <dd>{formatDateTimeShort(n.receivedAt)}</dd>
      <dt>{t('notifications.detail.recipient')}</dt>
      <dd>{n.recipientUnit.name}</dd>
    </dl>
  );
}

function NotifierPage({ n }: { n: Extract<NotificationView, { view: 'notifier' }> }) {
  const { t } = useTranslation();
  const feedback =
    n.feedback.status === 'told' && n.feedback.outcome ? t(`notifications.outcome.${n.feedback.outcome}`) : t(`notifications.mine.feedback.${n.feedback.status}`);
  return (
    <>
      <PageTitle title={`${t('notifications.detail.title')}: ${n.label}`} />
      <BackLink to="/underretninger">{t('notifications.detail.backMine')}</BackLink>
      <h1>
        {t('notifications.detail.title')}: {n.label}
      </h1>
      <Facts n={n} />
      <dl className="spire-notification-facts">
        <dt>{t('notifications.detail.yourReceipt')}</dt>
        <dd>{n.receipt ? t('notifications.mine.receiptOn', { date: formatDate(n.receipt.confirmedOn) }) : t('notifications.mine.noReceipt')}</dd>
        <dt>{t('notifications.detail.yourFeedback')}</dt>
        <dd>{feedback}</dd>
      </dl>
    </>
  );
}

function useSave(n: HandlerView, form: FormErrors, savedText: string) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState('');
  const [stale, setStale] = useState(false);
  return {
    saved,
    stale,
    options: {
      onSuccess: (next: HandlerView) => {
        queryClient.setQueryData(notificationKeys.one(n.id), next);
        void queryClient.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
        void queryClient.invalidateQueries({ queryKey: notificationKeys.summary });
        setSaved(savedText);
        setStale(false);
      },
      onError: (err: unknown) => {
        setSaved('');
        if (err instanceof ApiError && err.status === 409) {
          setStale(true);
          void queryClient.invalidateQueries({ queryKey: notificationKeys.one(n.id) });
          return;
        }
        form.failFromApi(err);
      },
    },
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="mt-7" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function HandlerPage({ n }: { n: HandlerView }) {
  const { t } = useTranslation();
  const receiptForm = useFormErrors('receipt', ['confirmedOn']);
  const assessmentForm = useFormErrors('assessment', ['acute', 'note', 'assessedAt']);
  const outcomeForm = useFormErrors('outcome', ['outcome', 'note', 'feedback', 'feedbackReason']);
  const summary = latestSummary(receiptForm, assessmentForm, outcomeForm);
  return (
    <>
      <PageTitle title={`${t('notifications.detail.title')}: ${n.label}`} />
      <BackLink to="/underretninger/indbakke">{t('notifications.detail.back')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.key} />
      <h1>
        {t('notifications.detail.title')}: {n.label}
      </h1>
      <p>
        <span className="badge">{t(`notifications.state.${n.state}`)}</span>
      </p>
      {n.deadlines.breaches.length ? (
        <Alert variant="error" heading={t('notifications.deadline.overdue')} headingLevel={2} announce={false}>
          <ul className="alert-text">
            {n.deadlines.breaches.map((b) => (
              <li key={b}>{t(`notifications.deadline.${b}`)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Section id="n-deadlines" title={t('notifications.detail.deadlines')}>
        <dl className="spire-notification-facts">
          <dt>{t('notifications.detail.acuteDue')}</dt>
          <dd>
            {formatDateTimeShort(n.deadlines.acuteDueAt)} <DeadlineBadge status={n.deadlines.acuteStatus} />
          </dd>
          <dt>{t('notifications.detail.receiptDue')}</dt>
          <dd data-testid="receipt-due">
            {t('notifications.detail.endOfDay', { date: formatDate(n.deadlines.receiptDueOn) })} <DeadlineBadge status={n.deadlines.receiptStatus} />
          </dd>
        </dl>
      </Section>
      <Section id="n-facts" title={t('notifications.detail.content')}>
        <Facts n={n} />
      </Section>
      <ReceiptSection n={n} form={receiptForm} />
      <AssessmentSection n={n} form={assessmentForm} />
      <OutcomeSection n={n} form={outcomeForm} />
    </>
  );
}

function Problems({ mutation, stale }: { mutation: { error: unknown; submittedAt: number }; stale: boolean }) {
  const { t } = useTranslation();
  if (stale) {
    return (
      <Alert variant="warning" heading={t('notifications.detail.saveError')} headingLevel={3} focusKey={mutation.submittedAt}>
        <p className="alert-text">{t('notifications.detail.stale')}</p>
      </Alert>
    );
  }
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return err ? (
    <Alert variant="error" heading={t('notifications.detail.saveError')} headingLevel={3} focusKey={mutation.submittedAt}>
      <p className="alert-text">{err.title}</p>
    </Alert>
  ) : null;
}

function ReceiptSection({ n, form }: { n: HandlerView; form: FormErrors }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const save = useSave(n, form, t('notifications.detail.receiptSaved'));
  const mutation = useMutation({ mutationFn: () => confirmReceipt(n.id, { version: n.version, confirmedOn: date }), ...save.options });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    mutation.mutate();
  };
  return (
    <Section id="n-receipt" title={t('notifications.detail.receiptHeading')}>
      {save.saved ? <Alert variant="success" heading={save.saved} headingLevel={3} /> : null}
      <Problems mutation={mutation} stale={save.stale} />
      {n.receipt ? (
        <p>{t('notifications.detail.receiptDone', { date: formatDate(n.receipt.confirmedOn), name: n.receipt.recordedBy?.name ?? '' })}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField id={form.id('confirmedOn')} label={t('notifications.detail.confirmedOn')} type="date" value={date} onChange={setDate} error={form.errors.confirmedOn} max={todayIso()} />
          <button type="submit" className="button button-primary mt-4" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('notifications.detail.confirm')}
          </button>
        </form>
      )}
    </Section>
  );
}

function AssessmentSection({ n, form }: { n: HandlerView; form: FormErrors }) {
  const { t } = useTranslation();
  const [acute, setAcute] = useState('');
  const [note, setNote] = useState('');
  const save = useSave(n, form, t('notifications.detail.assessmentSaved'));
  const mutation = useMutation({ mutationFn: () => recordAssessment(n.id, { version: n.version, acute: acute === 'yes', note }), ...save.options });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.fail({ acute: acute ? '' : t('notifications.detail.chooseAcute'), note: note.trim() ? '' : t('notifications.detail.writeNote') })) return;
    mutation.mutate();
  };
  return (
    <Section id="n-assessment" title={t('notifications.detail.assessmentHeading')}>
      {save.saved ? <Alert variant="success" heading={save.saved} headingLevel={3} /> : null}
      <Problems mutation={mutation} stale={save.stale} />
      {n.assessment ? (
        <>
          <p>
            {t('notifications.detail.assessmentDone', {
              time: formatDateTimeShort(n.assessment.assessedAt),
              name: n.assessment.recordedBy?.name ?? '',
              result: n.assessment.acute ? t('notifications.detail.acuteYes') : t('notifications.detail.acuteNo'),
            })}
          </p>
          {n.assessment.note ? <p className="spire-prewrap">{n.assessment.note}</p> : null}
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <RadioGroupField
            id={form.id('acute')}
            legend={t('notifications.detail.acute')}
            value={acute}
            onChange={setAcute}
            error={form.errors.acute}
            options={[
              { value: 'yes', label: t('notifications.detail.acuteYes') },
              { value: 'no', label: t('notifications.detail.acuteNo') },
            ]}
          />
          <TextAreaField id={form.id('note')} label={t('notifications.detail.note')} value={note} onChange={setNote} error={form.errors.note} rows={4} maxLength={10000} />
          <button type="submit" className="button button-primary mt-4" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('notifications.detail.recordAssessment')}
          </button>
        </form>
      )}
    </Section>
  );
}

function OutcomeSection({ n, form }: { n: HandlerView; form: FormErrors }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [feedback, setFeedback] = useState<Feedback>('told');
  const [reason, setReason] = useState('');
  const save = useSave(n, form, t('notifications.detail.outcomeSaved'));
  const mutation = useMutation({
    mutationFn: () =>
      recordOutcome(n.id, {
        version: n.version,
        outcome: outcome as Outcome,
        note: note.trim() || null,
        feedback,
        feedbackReason: feedback === 'suppressed' ? reason.trim() || null : null,
      }),
    ...save.options,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const failed = form.fail({
      outcome: outcome ? '' : t('notifications.detail.chooseOutcome'),
      feedbackReason: feedback === 'suppressed' && !reason.trim() ? t('notifications.detail.writeFeedbackReason') : '',
    });
    if (failed) return;
    mutation.mutate();
  };
  return (
    <Section id="n-outcome" title={t('notifications.detail.outcomeHeading')}>
      {save.saved ? <Alert variant="success" heading={save.saved} headingLevel={3} /> : null}
      <Problems mutation={mutation} stale={save.stale} />
      {n.outcome ? (
        <>
          <p>{t('notifications.detail.outcomeDone', { outcome: t(`notifications.outcome.${n.outcome.outcome}`) })}</p>
          {n.outcome.note ? <p className="spire-prewrap">{n.outcome.note}</p> : null}
          <p>
            {n.outcome.feedback === 'told'
              ? t('notifications.detail.feedbackGiven')
              : t('notifications.detail.feedbackWithheld', { reason: n.outcome.feedbackReason ?? '' })}
          </p>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <RadioGroupField
            id={form.id('outcome')}
            legend={t('notifications.detail.outcome')}
            value={outcome}
            onChange={(v) => setOutcome(v as Outcome)}
            error={form.errors.outcome}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`notifications.outcome.${o}`) }))}
          />
          <TextAreaField id={form.id('note')} label={t('notifications.detail.outcomeNote')} value={note} onChange={setNote} optional rows={3} maxLength={10000} />
          <RadioGroupField
            id={form.id('feedback')}
            legend={t('notifications.detail.feedback')}
            value={feedback}
            onChange={(v) => setFeedback(v as Feedback)}
            options={[
              { value: 'told', label: t('notifications.detail.feedbackTold') },
              { value: 'suppressed', label: t('notifications.detail.feedbackSuppressed') },
            ]}
          />
          {feedback === 'suppressed' ? (
            <TextAreaField
              id={form.id('feedbackReason')}
              label={t('notifications.detail.feedbackReason')}
              hint={t('notifications.detail.feedbackReasonHint')}
              value={reason}
              onChange={setReason}
              error={form.errors.feedbackReason}
              rows={3}
              maxLength={2000}
            />
          ) : null}
          <button type="submit" className="button button-primary mt-4" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('notifications.detail.recordOutcome')}
          </button>
        </form>
      )}
    </Section>
  );
}
