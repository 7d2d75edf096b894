import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { acceptPlace, type ChildOfferItem, getChildOffers, getOffer, listOffers, offerKeys, refer } from '../../api/offers';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions } from '../../components/FormActions';
import { RadioGroupField, SelectField, TextAreaField } from '../../components/FormField';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateTimeShort } from '../../format';
import { useFormErrors } from '../../forms';
import { COURSE_FORMATS, StateBadge } from './shared';

/**
 * The child's page, tab "Tilbud": the offers the family has been referred to, is waiting for or
 * offered, attends and has completed, and "Henvis til tilbud". Shown to whoever sees the child's
 * basic data; hides itself when the API says 403/404.
 */
export function ChildOffersTab({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [referring, setReferring] = useState(false);
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({ queryKey: offerKeys.child(childId), queryFn: () => getChildOffers(childId) });
  const accept = useMutation({
    mutationFn: (item: ChildOfferItem) => acceptPlace(item.participantId, item.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      setMessage({ text: t('offers.child.acceptedText'), key: Date.now() });
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404)) return null;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const status = (item: ChildOfferItem) => {
    if (item.state === 'offered' && item.offerExpiresOn) return t('offers.child.offeredUntil', { date: formatDate(item.offerExpiresOn) });
    if (['enrolled', 'completed', 'not_completed'].includes(item.state)) return t('offers.course.attendedText', { attended: item.attended, total: item.sessionCount });
    if (item.endReason) return t(`offers.endReason.${item.endReason}`, { defaultValue: item.endReason });
    return '';
  };
  return (
    <section aria-labelledby="child-offers-heading">
      <h2 id="child-offers-heading">{t('offers.child.heading')}</h2>
      {message ? (
        <Alert variant="success" focusKey={message.key} onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      ) : null}
      {error ? <Alert variant="error">{error}</Alert> : null}
      {!referring ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setReferring(true)}>
            {t('offers.child.refer')}
          </button>
        </p>
      ) : (
        <ReferForm
          childId={childId}
          onClose={() => setReferring(false)}
          onDone={(text) => {
            setReferring(false);
            setMessage({ text, key: Date.now() });
          }}
        />
      )}
      {query.data.length === 0 ? (
        <EmptyState title={t('offers.child.empty')} />
      ) : (
        <DataTable<ChildOfferItem>
          caption={t('offers.child.caption')}
          rows={query.data}
          rowKey={(i) => i.participantId}
          columns={[
            { key: 'offer', header: t('offers.col.offer'), rowHeader: true, render: (i) => i.offerName },
            { key: 'course', header: t('offers.col.course'), render: (i) => `${i.courseName} (${i.unitName})` },
            { key: 'state', header: t('offers.col.state'), render: (i) => <StateBadge state={i.state} position={i.position} /> },
            { key: 'detail', header: t('offers.col.detail'), render: (i) => status(i) || t('common.none') },
            { key: 'referred', header: t('offers.col.referred'), render: (i) => `${formatDateTimeShort(i.referredAt)} · ${i.referredBy.name}${i.source === 'self' ? ` (${t('offers.source.self')})` : ''}` },
            {
              key: 'actions',
              header: t('offers.col.actions'),
              render: (i) =>
                i.state === 'offered' ? (
                  <button type="button" className="button button-secondary" disabled={accept.isPending} onClick={() => accept.mutate(i)}>
                    {t('offers.course.accept')}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}

const FIELDS = ['offerId', 'courseId', 'source', 'reason'] as const;

function ReferForm({ childId, onClose, onDone }: { childId: string; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [offerId, setOfferId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [source, setSource] = useState<'referral' | 'self'>('referral');
  const [reason, setReason] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const form = useFormErrors('refer', FIELDS);
  const offers = useQuery({ queryKey: offerKeys.list, queryFn: listOffers });
  const offer = useQuery({ queryKey: offerKeys.offer(offerId), queryFn: () => getOffer(offerId), enabled: Boolean(offerId) });
  const courseOffers = (offers.data ?? []).filter((o) => o.active && (COURSE_FORMATS as readonly string[]).includes(o.format));
  const courses = (offer.data?.courses ?? []).filter((c) => !c.finished);

  const mutation = useMutation({
    mutationFn: () => refer(courseId, { childId, source, reason: reason.trim() || undefined }),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      onDone(p.state === 'waiting' ? t('offers.child.referredWaiting', { position: p.position }) : t('offers.child.referredOffered'));
    },
    onError: (e) => {
      if (!form.failFromApi(e)) setAlert(e instanceof Error ? e.message : String(e));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const failed = form.fail({
      offerId: offerId ? '' : t('offers.child.errors.offer'),
      courseId: courseId || !offerId ? '' : t('offers.child.errors.course'),
    });
    if (!failed) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="spire-panel mb-6" aria-labelledby="refer-heading">
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h3 id="refer-heading">{t('offers.child.refer')}</h3>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      {offers.isError ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} headingLevel={3} /> : null}
      <SelectField
        id={form.id('offerId')}
        label={t('offers.col.offer')}
        value={offerId}
        onChange={(v) => {
          setOfferId(v);
          setCourseId('');
        }}
        placeholder={t('offers.child.chooseOffer')}
        options={courseOffers.map((o) => ({ value: o.id, label: o.name }))}
        error={form.errors.offerId}
      />
      {offerId ? (
        offer.isPending ? (
          <Spinner />
        ) : courses.length === 0 ? (
          <p className="spire-muted">{t('offers.child.noCourses')}</p>
        ) : (
          <SelectField
            id={form.id('courseId')}
            label={t('offers.col.course')}
            hint={t('offers.child.courseHint')}
            value={courseId}
            onChange={setCourseId}
            placeholder={t('offers.child.chooseCourse')}
            options={courses.map((c) => ({
              value: c.id,
              label: `${c.name} – ${c.unit.name} – ${
                c.counts.free > 0 && c.counts.waiting === 0 ? t('offers.child.freePlaces', { count: c.counts.free }) : t('offers.child.full', { waiting: c.counts.waiting })
              }`,
            }))}
            error={form.errors.courseId}
          />
        )
      ) : null}
      <RadioGroupField
        id={form.id('source')}
        legend={t('offers.child.source')}
        value={source}
        onChange={(v) => setSource(v as 'referral' | 'self')}
        options={[
          { value: 'referral', label: t('offers.source.referral') },
          { value: 'self', label: t('offers.source.selfLong') },
        ]}
        error={form.errors.source}
      />
      <TextAreaField id={form.id('reason')} label={t('offers.child.reason')} hint={t('offers.child.reasonHint')} value={reason} onChange={setReason} rows={3} optional error={form.errors.reason} />
      <FormActions pending={mutation.isPending} submitLabel={t('offers.child.submit')} onCancel={onClose} />
    </form>
  );
}
