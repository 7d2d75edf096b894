import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  AGE_BANDS,
  type AgeBand,
  type AnonymousVisit,
  type ChildFound,
  CONSENT_FORMS,
  CONSENT_GIVERS,
  type ConsentForm,
  type ConsentGiver,
  counsellingKeys,
  type FamilyVisit,
  getSlot,
  lookupChild,
  recordAnonymousVisit,
  recordFamilyVisit,
  type SlotDetail,
  TOPICS,
  type Topic,
} from '../../api/counselling';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Flash } from '../../components/Flash';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { danishDateOf, danishTimeOf, formatDate, formatDateTimeShort, formatTime, instantFromDanish, todayIso } from '../../format';
import { type FieldErrors, latestSummary, useFormErrors } from '../../forms';
import { useSlotTime } from './shared';

const FAMILY_FIELDS = ['childId', 'consentGivenByRole', 'consentGivenByName', 'consentForm', 'consentGivenAt', 'topic', 'note'] as const;
const ANON_FIELDS = ['ageBand', 'topic'] as const;

/** `/aaben-raadgivning/:id`: a drop-in slot with "Anonymt besøg" and "Besøg med familie". */
export function CounsellingSlotPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: counsellingKeys.slot(id), queryFn: () => getSlot(id) });
  const slotTime = useSlotTime();
  const anonForm = useFormErrors('anon', ANON_FIELDS);
  const familyForm = useFormErrors('family', FAMILY_FIELDS);
  const summary = latestSummary(anonForm, familyForm);
  const title = q.data ? t('counselling.slot.title', { date: formatDate(danishDateOf(q.data.startsAt)) }) : t('counselling.slots.title');
  return (
    <>
      <PageTitle title={title} />
      <BackLink to="/aaben-raadgivning">{t('counselling.slot.back')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.key} />
      <h1>{title}</h1>
      <Flash />
      {q.isPending ? <Spinner /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <>
          <dl className="spire-facts">
            <div>
              <dt>{t('counselling.slot.when')}</dt>
              <dd>{slotTime(q.data)}</dd>
            </div>
            <div>
              <dt>{t('counselling.slot.place')}</dt>
              <dd>{q.data.place}</dd>
            </div>
            <div>
              <dt>{t('counselling.slot.professional')}</dt>
              <dd>{q.data.professional.name}</dd>
            </div>
            <div>
              <dt>{t('counselling.slot.offer')}</dt>
              <dd>
                {q.data.offer.name} ({q.data.unit.name})
              </dd>
            </div>
          </dl>
          <p className="weight-semibold mt-6" aria-live="polite">
            {t('counselling.slot.counts', q.data.counts)}
          </p>
          {q.data.canRecord ? (
            <div className="row">
              <div className="col-12 col-lg-5">
                <AnonymousForm slot={q.data} form={anonForm} />
              </div>
              <div className="col-12 col-lg-7">
                <FamilyForm slot={q.data} form={familyForm} />
              </div>
            </div>
          ) : null}
          <Visits slot={q.data} />
        </>
      ) : null}
    </>
  );
}

type Form = ReturnType<typeof useFormErrors>;

function AnonymousForm({ slot, form }: { slot: SlotDetail; form: Form }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ageBand, setAgeBand] = useState('');
  const [topic, setTopic] = useState('');
  const [done, setDone] = useState(0);
  const mutation = useMutation({
    mutationFn: () => recordAnonymousVisit(slot.id, { ageBand: (ageBand || undefined) as AgeBand | undefined, topic: (topic || undefined) as Topic | undefined }),
    onSuccess: () => {
      setAgeBand('');
      setTopic('');
      setDone((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: counsellingKeys.all });
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    mutation.mutate();
  };
  return (
    <section className="mt-6" aria-labelledby="anon-heading">
      <h2 id="anon-heading" className="h3">
        {t('counselling.slot.anonymousHeading')}
      </h2>
      <p className="form-hint">{t('counselling.slot.anonymousHint')}</p>
      {done > 0 ? (
        <Alert variant="success" announce>
          {t('counselling.slot.anonymousRecorded')}
        </Alert>
      ) : null}
      {mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? (
        <Alert variant="error" heading={t('counselling.slot.saveError')} headingLevel={3}>
          <p className="alert-text">{mutation.error.title}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <SelectField
          id={form.id('ageBand')}
          label={t('counselling.slot.ageBand')}
          optional
          value={ageBand}
          onChange={setAgeBand}
          error={form.errors.ageBand}
          placeholder={t('counselling.notChosen')}
          options={AGE_BANDS.map((b) => ({ value: b, label: t(`counselling.ageBand.${b}`) }))}
        />
        <SelectField
          id={form.id('topic')}
          label={t('counselling.slot.topic')}
          optional
          value={topic}
          onChange={setTopic}
          error={form.errors.topic}
          placeholder={t('counselling.notChosen')}
          options={TOPICS.map((x) => ({ value: x, label: t(`counselling.topic.${x}`) }))}
        />
        <button type="submit" className="button button-primary mt-4" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('counselling.slot.recordAnonymous')}
        </button>
      </form>
    </section>
  );
}

function nowTime(): string {
  return danishTimeOf(new Date().toISOString());
}

function FamilyForm({ slot, form }: { slot: SlotDetail; form: Form }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cpr, setCpr] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [found, setFound] = useState<ChildFound[] | null>(null);
  const [childId, setChildId] = useState('');
  const [role, setRole] = useState('');
  const [name, setName] = useState('');
  const [consentForm, setConsentForm] = useState('');
  const [consentDate, setConsentDate] = useState(todayIso());
  const [consentTime, setConsentTime] = useState(nowTime());
  const [topic, setTopic] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(0);

  const search = useMutation({
    mutationFn: () => lookupChild(slot.id, cpr.trim() ? { cpr: cpr.trim() } : { firstName, lastName, birthDate: birthDate || undefined }),
    onSuccess: (items) => {
      setFound(items);
      setChildId(items.length === 1 ? items[0].id : '');
    },
  });
  const save = useMutation({
    mutationFn: () =>
      recordFamilyVisit(slot.id, {
        childId,
        consentGivenByRole: role as ConsentGiver,
        consentGivenByName: name,
        consentForm: consentForm as ConsentForm,
        consentGivenAt: instantFromDanish(consentDate, consentTime),
        topic: (topic || undefined) as Topic | undefined,
        note: note.trim() || undefined,
      }),
    onSuccess: () => {
      setFound(null);
      setChildId('');
      setCpr('');
      setFirstName('');
      setLastName('');
      setBirthDate('');
      setRole('');
      setName('');
      setConsentForm('');
      setTopic('');
      setNote('');
      setDone((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: counsellingKeys.all });
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.reset();
    const errors: FieldErrors = {
      childId: childId ? '' : t('counselling.slot.errChild'),
      consentGivenByRole: role ? '' : t('counselling.slot.errConsentBy'),
      consentGivenByName: name.trim() ? '' : t('counselling.slot.errConsentName'),
      consentForm: consentForm ? '' : t('counselling.slot.errConsentForm'),
      consentGivenAt: consentDate && consentTime ? '' : t('counselling.slot.errConsentAt'),
    };
    if (form.fail(errors)) return;
    save.mutate();
  };
  const searchError = search.error instanceof ApiError ? search.error : null;

  return (
    <section className="mt-6" aria-labelledby="family-heading">
      <h2 id="family-heading" className="h3">
        {t('counselling.slot.familyHeading')}
      </h2>
      <p className="form-hint">{t('counselling.slot.familyHint')}</p>
      {done > 0 ? (
        <Alert variant="success" announce>
          {t('counselling.slot.familyRecorded')}
        </Alert>
      ) : null}
      {save.error instanceof ApiError && save.error.errors.length === 0 ? (
        <Alert variant="error" heading={t('counselling.slot.saveError')} headingLevel={3}>
          <p className="alert-text">{save.error.title}</p>
        </Alert>
      ) : null}
      <fieldset className="mb-6">
        <legend className="h4">{t('counselling.slot.findChild')}</legend>
        <p className="form-hint">{t('counselling.slot.findHint')}</p>
        <TextField id="lookup-cpr" label={t('counselling.slot.cpr')} value={cpr} onChange={setCpr} width="s" autoComplete="off" error={searchError?.errors.find((e) => e.field === 'cpr')?.message} />
        <TextField id="lookup-first" label={t('counselling.slot.firstName')} value={firstName} onChange={setFirstName} autoComplete="off" />
        <TextField id="lookup-last" label={t('counselling.slot.lastName')} value={lastName} onChange={setLastName} autoComplete="off" />
        <TextField id="lookup-birth" type="date" label={t('counselling.slot.birthDate')} value={birthDate} onChange={setBirthDate} />
        <button type="button" className="button button-secondary mt-4" onClick={() => search.mutate()} disabled={search.isPending}>
          {search.isPending ? t('counselling.slot.searching') : t('counselling.slot.search')}
        </button>
        {searchError && searchError.errors.length === 0 ? <p className="form-error-message">{searchError.title}</p> : null}
      </fieldset>
      <form onSubmit={submit} noValidate>
        {found && found.length === 0 ? <p aria-live="polite">{t('counselling.slot.noneFound')}</p> : null}
        {found && found.length > 0 ? (
          <RadioGroupField
            id={form.id('childId')}
            legend={t('counselling.slot.chooseChild')}
            value={childId}
            onChange={setChildId}
            error={form.errors.childId}
            options={found.map((c) => ({ value: c.id, label: `${c.name}${c.cprMasked ? `, ${c.cprMasked}` : c.birthDate ? `, ${formatDate(c.birthDate)}` : ''}` }))}
          />
        ) : form.errors.childId ? (
          <div className="form-group form-error">
            <span className="form-error-message" id={form.id('childId')} tabIndex={-1}>
              <span className="sr-only">{t('common.errorPrefix')}</span>
              {form.errors.childId}
            </span>
          </div>
        ) : null}
        <fieldset>
          <legend className="h4">{t('counselling.slot.consentHeading')}</legend>
          <RadioGroupField
            id={form.id('consentGivenByRole')}
            legend={t('counselling.slot.consentBy')}
            value={role}
            onChange={setRole}
            error={form.errors.consentGivenByRole}
            options={CONSENT_GIVERS.map((g) => ({ value: g, label: t(`counselling.consentGiver.${g}`) }))}
          />
          <TextField id={form.id('consentGivenByName')} label={t('counselling.slot.consentName')} value={name} onChange={setName} error={form.errors.consentGivenByName} autoComplete="off" />
          <RadioGroupField
            id={form.id('consentForm')}
            legend={t('counselling.slot.consentForm')}
            value={consentForm}
            onChange={setConsentForm}
            error={form.errors.consentForm}
            options={CONSENT_FORMS.map((f) => ({ value: f, label: t(`counselling.consentForm.${f}`) }))}
          />
          <TextField id={form.id('consentGivenAt')} type="date" label={t('counselling.slot.consentAt')} value={consentDate} onChange={setConsentDate} error={form.errors.consentGivenAt} />
          <TextField id="family-consent-time" type="time" label={t('counselling.slot.consentTime')} value={consentTime} onChange={setConsentTime} width="s" />
        </fieldset>
        <SelectField
          id={form.id('topic')}
          label={t('counselling.slot.topic')}
          optional
          value={topic}
          onChange={setTopic}
          error={form.errors.topic}
          placeholder={t('counselling.notChosen')}
          options={TOPICS.map((x) => ({ value: x, label: t(`counselling.topic.${x}`) }))}
        />
        <TextAreaField id={form.id('note')} label={t('counselling.slot.note')} hint={t('counselling.slot.noteHint')} optional value={note} onChange={setNote} error={form.errors.note} rows={3} maxLength={2000} />
        <button type="submit" className="button button-primary mt-4" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('counselling.slot.recordFamily')}
        </button>
      </form>
    </section>
  );
}

function Visits({ slot }: { slot: SlotDetail }) {
  const { t } = useTranslation();
  const band = (b: AgeBand | null) => (b ? t(`counselling.ageBand.${b}`) : t('counselling.notChosen'));
  const topic = (x: Topic | null) => (x ? t(`counselling.topic.${x}`) : t('counselling.notChosen'));
  const time = (instant: string) => formatTime(danishTimeOf(instant));
  return (
    <section className="mt-8" aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('counselling.slot.visitsHeading')}</h2>
      {slot.anonymousVisits.length === 0 && slot.familyVisits.length === 0 && slot.familyVisitsHidden === 0 ? (
        <EmptyState title={t('counselling.slot.noVisits')} />
      ) : null}
      {slot.anonymousVisits.length > 0 ? (
        <DataTable<AnonymousVisit>
          caption={t('counselling.slot.anonymousCaption')}
          rows={slot.anonymousVisits}
          rowKey={(v) => v.id}
          compact
          columns={[
            { key: 'time', header: t('counselling.slot.col.time'), rowHeader: true, render: (v) => time(v.visitedAt) },
            { key: 'age', header: t('counselling.slot.col.ageBand'), render: (v) => band(v.ageBand) },
            { key: 'topic', header: t('counselling.slot.col.topic'), render: (v) => topic(v.topic) },
          ]}
        />
      ) : null}
      {slot.familyVisits.length > 0 ? (
        <div className="mt-6">
        <DataTable<FamilyVisit>
          caption={t('counselling.slot.familyCaption')}
          rows={slot.familyVisits}
          rowKey={(v) => v.id}
          columns={[
            { key: 'time', header: t('counselling.slot.col.time'), render: (v) => time(v.visitedAt) },
            { key: 'child', header: t('counselling.slot.col.child'), rowHeader: true, render: (v) => v.child.name },
            { key: 'topic', header: t('counselling.slot.col.topic'), render: (v) => topic(v.topic) },
            {
              key: 'consent',
              header: t('counselling.slot.col.consent'),
              render: (v) =>
                t('counselling.slot.consentText', {
                  who: t(`counselling.consentGiver.${v.consent.givenByRole}`),
                  name: v.consent.givenByName,
                  form: t(`counselling.consentForm.${v.consent.form}`).toLowerCase(),
                  at: formatDateTimeShort(v.consent.givenAt),
                }),
            },
            { key: 'note', header: t('counselling.slot.col.note'), render: (v) => v.note ?? '' },
          ]}
        />
        </div>
      ) : null}
      {slot.familyVisitsHidden > 0 ? <p className="spire-muted">{t('counselling.slot.hiddenFamily', { count: slot.familyVisitsHidden })}</p> : null}
    </section>
  );
}
