import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type CounsellingOffer, counsellingKeys, createSlot, listCounsellingOffers, listSlots, type Slot } from '../../api/counselling';
import { useMe } from '../../auth';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Flash } from '../../components/Flash';
import { SelectField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { addDaysIso, instantFromDanish, todayIso } from '../../format';
import { type FieldErrors, useFormErrors } from '../../forms';
import { slotPath, useSlotTime } from './shared';

const FIELDS = ['offerId', 'unitId', 'professionalId', 'place', 'date', 'startsAt', 'endsAt'] as const;

/** `/aaben-raadgivning`: the drop-in slots of the offers the user's units run, and "Opret tid". */
export function CounsellingSlots() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const from = params.get('fra') ?? today;
  const to = params.get('til') ?? addDaysIso(today, 28);
  const [fromInput, setFromInput] = useState(from);
  const [toInput, setToInput] = useState(to);
  const slots = useQuery({ queryKey: counsellingKeys.slots(from, to), queryFn: () => listSlots(from, to) });
  const offers = useQuery({ queryKey: counsellingKeys.offers('drop_in'), queryFn: () => listCounsellingOffers('drop_in') });
  const slotTime = useSlotTime();

  return (
    <>
      <PageTitle title={t('counselling.slots.title')} />
      <h1>{t('counselling.slots.title')}</h1>
      <p className="font-lead">{t('counselling.slots.lead')}</p>
      <Flash />
      <form
        className="spire-filter-row d-flex flex-wrap"
        style={{ gap: '1rem', alignItems: 'flex-end' }}
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ fra: fromInput, til: toInput }, { replace: true });
        }}
      >
        <TextField id="slots-from" type="date" label={t('counselling.slots.from')} value={fromInput} onChange={setFromInput} />
        <TextField id="slots-to" type="date" label={t('counselling.slots.to')} value={toInput} onChange={setToInput} />
        <div className="form-group">
          <button type="submit" className="button button-secondary">
            {t('counselling.slots.show')}
          </button>
        </div>
      </form>
      {slots.isPending ? <Spinner /> : null}
      {slots.isError ? <ErrorState error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {slots.data ? (
        slots.data.length === 0 ? (
          <EmptyState title={t('counselling.slots.empty')} headingLevel={2}>
            <p>{t('counselling.slots.emptyText')}</p>
          </EmptyState>
        ) : (
          <DataTable<Slot>
            caption={t('counselling.slots.listCaption')}
            rows={slots.data}
            rowKey={(s) => s.id}
            columns={[
              { key: 'when', header: t('counselling.slots.col.when'), rowHeader: true, render: (s) => <Link to={slotPath(s.id)}>{slotTime(s)}</Link> },
              { key: 'place', header: t('counselling.slots.col.place'), render: (s) => s.place },
              { key: 'professional', header: t('counselling.slots.col.professional'), render: (s) => s.professional.name },
              { key: 'offer', header: t('counselling.slots.col.offer'), render: (s) => `${s.offer.name} (${s.unit.name})` },
              { key: 'visits', header: t('counselling.slots.col.visits'), numeric: true, render: (s) => s.counts.visits },
              { key: 'anonymous', header: t('counselling.slots.col.anonymous'), numeric: true, render: (s) => s.counts.anonymous },
            ]}
          />
        )
      ) : null}
      {offers.isError ? <ErrorState error={offers.error} headingLevel={2} /> : null}
      {offers.data ? (
        offers.data.length === 0 ? (
          <p className="mt-8">{t('counselling.slots.noOffers')}</p>
        ) : (
          <CreateSlotForm offers={offers.data} />
        )
      ) : null}
    </>
  );
}

function CreateSlotForm({ offers }: { offers: CounsellingOffer[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('slot', FIELDS);
  const [offerId, setOfferId] = useState(offers[0]?.id ?? '');
  const offer = offers.find((o) => o.id === offerId);
  const [unitId, setUnitId] = useState(offer?.units[0]?.id ?? '');
  const unit = offer?.units.find((u) => u.id === unitId) ?? offer?.units[0];
  const [professionalId, setProfessionalId] = useState(me.id);
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(todayIso());
  const [start, setStart] = useState('13:00');
  const [end, setEnd] = useState('15:00');

  useEffect(() => {
    if (offer && !offer.units.some((u) => u.id === unitId)) setUnitId(offer.units[0]?.id ?? '');
  }, [offer, unitId]);

  const mutation = useMutation({
    mutationFn: () =>
      createSlot({
        offerId,
        unitId: unit?.id,
        professionalId,
        place,
        startsAt: instantFromDanish(date, start),
        endsAt: instantFromDanish(date, end),
      }),
    onSuccess: (slot) => {
      void queryClient.invalidateQueries({ queryKey: counsellingKeys.all });
      navigate(slotPath(slot.id), { state: { flash: t('counselling.slots.created') } });
    },
    onError: (err) => form.failFromApi(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const errors: FieldErrors = {
      offerId: offerId ? '' : t('counselling.slots.errOffer'),
      place: place.trim() ? '' : t('counselling.slots.errPlace'),
      date: date ? '' : t('counselling.slots.errDate'),
      startsAt: start ? '' : t('counselling.slots.errTime'),
      endsAt: end ? '' : t('counselling.slots.errTime'),
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  const staff = unit?.staff ?? [];

  return (
    <section className="mt-8" aria-labelledby="slot-create-heading">
      <h2 id="slot-create-heading">{t('counselling.slots.createHeading')}</h2>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      {err ? (
        <Alert variant="error" heading={t('counselling.slots.createError')} headingLevel={3} focusKey={mutation.submittedAt}>
          <p className="alert-text">{err.title}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <SelectField
          id={form.id('offerId')}
          label={t('counselling.slots.offer')}
          value={offerId}
          onChange={setOfferId}
          error={form.errors.offerId}
          options={offers.map((o) => ({ value: o.id, label: o.name }))}
        />
        {offer && offer.units.length > 1 ? (
          <SelectField
            id={form.id('unitId')}
            label={t('counselling.slots.unit')}
            value={unit?.id ?? ''}
            onChange={setUnitId}
            error={form.errors.unitId}
            options={offer.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
        <SelectField
          id={form.id('professionalId')}
          label={t('counselling.slots.professional')}
          value={professionalId}
          onChange={setProfessionalId}
          error={form.errors.professionalId}
          options={(staff.some((s) => s.id === me.id) ? staff : [{ id: me.id, name: me.name }, ...staff]).map((s) => ({ value: s.id, label: s.name }))}
        />
        <TextField id={form.id('place')} label={t('counselling.slots.place')} value={place} onChange={setPlace} error={form.errors.place} width="xl" />
        <TextField id={form.id('date')} type="date" label={t('counselling.slots.date')} value={date} onChange={setDate} error={form.errors.date} />
        <TextField id={form.id('startsAt')} type="time" label={t('counselling.slots.startTime')} value={start} onChange={setStart} error={form.errors.startsAt} width="s" />
        <TextField id={form.id('endsAt')} type="time" label={t('counselling.slots.endTime')} value={end} onChange={setEnd} error={form.errors.endsAt} width="s" />
        <button type="submit" className="button button-primary mt-4" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('counselling.slots.create')}
        </button>
      </form>
    </section>
  );
}
