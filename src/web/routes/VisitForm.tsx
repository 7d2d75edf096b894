import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { childKeys, getChild } from '../api/children';
import { ApiError } from '../api/client';
import { getProgramme, programmeKeys } from '../api/programme';
import { listStaff } from '../api/staff';
import { type ChildDetail, type Contact, type CreateMeasurementInput, VISIT_KINDS, type Visit, type VisitKind } from '../api/types';
import { createMeasurement, createNote, createVisit, listVisits, updateVisit, visitKeys } from '../api/visits';
import { useMe } from '../auth';
import { childName, contactLabel } from '../childText';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../components/FormField';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import {
  danishDateOf,
  danishTimeOf,
  formatDate,
  formatTime,
  instantFromDanish,
  parseDecimal,
  parseGrams,
  todayIso,
} from '../format';
import { type FieldErrors, useFormErrors } from '../forms';
import { MeasurementFields } from './child/JournalTab';

/** Measurements as typed (Danish decimal commas welcome). */
export interface MeasurementDraft {
  measuredOn: string;
  weight: string;
  length: string;
  head: string;
}

const oneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6;

/**
 * Client-side checks for a measurement, with the same limits as the API (weight 300–40 000 g,
 * length 25–150 cm, head 20–65 cm, at most one decimal). `required`: at least one value.
 */
export function measurementErrors(m: MeasurementDraft, birthDate: string | null, t: TFunction, required: boolean): FieldErrors {
  const weight = parseGrams(m.weight);
  const length = parseDecimal(m.length);
  const head = parseDecimal(m.head);
  const none = weight === null && length === null && head === null;
  const range = (v: number | null, min: number, max: number, key: string) => {
    if (v === null) return '';
    if (Number.isNaN(v)) return t(`measure.${key}Invalid`);
    if (v < min || v > max) return t(`measure.${key}Range`, { min, max });
    if (key !== 'weight' && !oneDecimal(v)) return t('measure.oneDecimal');
    return '';
  };
  return {
    measuredOn: !m.measuredOn
      ? t('measure.dateRequired')
      : m.measuredOn > todayIso()
        ? t('measure.dateFuture')
        : birthDate && m.measuredOn < birthDate
          ? t('measure.dateBeforeBirth', { date: formatDate(birthDate) })
          : '',
    weightGrams: required && none ? t('measure.atLeastOne') : range(weight, 300, 40000, 'weight'),
    lengthCm: range(length, 25, 150, 'length'),
    headCm: range(head, 20, 65, 'head'),
  };
}

/** The API's measurement values from the typed ones (empty fields left out). */
export function measurementInput(m: MeasurementDraft): Omit<CreateMeasurementInput, 'measuredOn'> {
  const weight = parseGrams(m.weight);
  const length = parseDecimal(m.length);
  const head = parseDecimal(m.head);
  return {
    ...(weight !== null ? { weightGrams: weight } : {}),
    ...(length !== null ? { lengthCm: length } : {}),
    ...(head !== null ? { headCm: head } : {}),
  };
}

const hasMeasurement = (m: MeasurementDraft) => Boolean(m.weight.trim() || m.length.trim() || m.head.trim());

const FIELDS = ['templateKey', 'staffId', 'kind', 'participantIds', 'plannedAt', 'time', 'location', 'body', 'weightGrams', 'lengthCm', 'headCm', 'measuredOn'] as const;

/** What has been saved so far, so that a retry after a partial failure does not save anything twice. */
interface Progress {
  visit: Visit | null;
  done: boolean;
  note: boolean;
  measurement: boolean;
}

/**
 * `/boern/:id/besoeg/nyt` records a visit that has taken place (kind, time, participants, a journal
 * note and measurements); with `?besoeg=<id>` it completes a planned visit. `/boern/:id/besoeg/planlaeg`
 * plans one, usually for a contact in the programme (`?kontakt=<key>`).
 */
export function VisitForm({ mode }: { mode: 'record' | 'plan' }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const child = useQuery({ queryKey: childKeys.detail(id), queryFn: () => getChild(id) });
  const programme = useQuery({ queryKey: programmeKeys.child(id), queryFn: () => getProgramme(id), enabled: child.data?.access.health === true });
  const visits = useQuery({ queryKey: visitKeys.visits(id), queryFn: () => listVisits(id), enabled: child.data?.access.health === true });
  const title = mode === 'plan' ? t('visitForm.titlePlan') : t('visitForm.titleRecord');
  const back = `/boern/${encodeURIComponent(id)}?fane=sundhedspleje`;

  if (child.isPending || (child.data?.access.health && (programme.isPending || visits.isPending))) {
    return (
      <>
        <BackLink to={back}>{t('visitForm.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  const error = child.error ?? programme.error ?? visits.error;
  if (error || !child.data) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/boern">{t('child.backToChildren')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={error} onRetry={() => void child.refetch()} />
      </>
    );
  }
  if (!child.data.access.health || !child.data.access.edit) {
    return (
      <>
        <PageTitle title={t('errors.forbiddenTitle')} />
        <BackLink to={back}>{t('visitForm.back')}</BackLink>
        <h1>{t('errors.forbiddenTitle')}</h1>
        <p className="font-lead">{t('visitForm.forbidden')}</p>
      </>
    );
  }
  const existing = params.get('besoeg') ? (visits.data ?? []).find((v) => v.id === params.get('besoeg')) ?? null : null;
  return (
    <VisitFormContent
      key={`${mode}-${existing?.id ?? ''}`}
      mode={mode}
      title={title}
      back={back}
      child={child.data}
      contacts={programme.data?.contacts ?? []}
      visits={visits.data ?? []}
      existing={existing}
      contactKey={params.get('kontakt')}
    />
  );
}

function defaultPlanDate(contact: Contact | undefined): string {
  const today = todayIso();
  if (!contact) return today;
  return contact.earliest > today ? contact.earliest : today;
}

function nowRounded(): string {
  const [h, m] = danishTimeOf(new Date().toISOString()).split(':').map(Number);
  const rounded = Math.floor(m / 15) * 15;
  return `${String(h).padStart(2, '0')}:${String(rounded).padStart(2, '0')}`;
}

function VisitFormContent({
  mode,
  title,
  back,
  child,
  contacts,
  visits,
  existing,
  contactKey,
}: {
  mode: 'record' | 'plan';
  title: string;
  back: string;
  child: ChildDetail;
  contacts: Contact[];
  visits: Visit[];
  existing: Visit | null;
  contactKey: string | null;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('visit', FIELDS);
  const record = mode === 'record';
  const born = child.status === 'born';
  const open = contacts.filter((c) => c.status !== 'done' || c.key === existing?.templateKey);
  const initialContact = contacts.find((c) => c.key === (existing?.templateKey ?? contactKey));
  // Who does the visit: the user if a health visitor, else (a manager planning) the child's health visitor.
  const responsible = child.caseload.current?.staffId ?? null;
  const staffOptions = [
    ...(me.profession === 'health_visitor' ? [{ value: me.id, label: t('register.me', { name: me.name }) }] : []),
    ...(responsible && responsible !== me.id
      ? [{ value: responsible, label: child.caseload.current?.staffName ?? '' }]
      : []),
  ];
  const [values, setValues] = useState({
    templateKey: existing?.templateKey ?? initialContact?.key ?? '',
    kind: (existing?.kind ?? 'home') as VisitKind,
    date: existing ? danishDateOf(existing.plannedAt) : record ? todayIso() : defaultPlanDate(initialContact),
    time: existing ? danishTimeOf(existing.plannedAt) : record ? nowRounded() : '10:00',
    location: existing?.location ?? '',
    participantIds: existing?.participantIds ?? ([] as string[]),
    body: '',
    staffId: existing?.staffId ?? staffOptions[0]?.value ?? '',
  });
  const [measure, setMeasure] = useState<MeasurementDraft>({ measuredOn: '', weight: '', length: '', head: '' });
  const [progress, setProgress] = useState<Progress>({ visit: existing, done: false, note: false, measurement: false });
  const [failure, setFailure] = useState<{ text: string; key: number } | null>(null);
  const set = (key: 'templateKey' | 'kind' | 'date' | 'time' | 'location' | 'body' | 'staffId') => (v: string) =>
    setValues((s) => ({ ...s, [key]: v }));
  const setM = (key: keyof MeasurementDraft) => (v: string) => setMeasure((s) => ({ ...s, [key]: v }));

  const mutation = useMutation({
    mutationFn: async () => {
      const plannedAt = instantFromDanish(values.date, values.time);
      const shared = {
        kind: values.kind,
        participantIds: values.kind === 'cross_professional_home' ? values.participantIds : [],
        location: values.location.trim() || null,
      };
      let p = progress;
      const save = (next: Progress) => {
        p = next;
        setProgress(next);
      };
      if (!p.visit) {
        const created = await createVisit(child.id, {
          ...shared,
          templateKey: values.templateKey || null,
          plannedAt,
          ...(values.staffId ? { staffId: values.staffId } : {}),
        });
        save({ ...p, visit: created });
      }
      if (record && !p.done && p.visit) {
        const moved = p.visit.plannedAt !== plannedAt && new Date(p.visit.plannedAt).getTime() !== new Date(plannedAt).getTime();
        const updated = await updateVisit(p.visit.id, {
          version: p.visit.version,
          status: 'done',
          ...shared,
          ...(moved ? { plannedAt } : {}),
        });
        save({ ...p, visit: updated, done: true });
      }
      if (record && !p.note && values.body.trim() && p.visit) {
        await createNote(child.id, { body: values.body.trim(), visitId: p.visit.id });
        save({ ...p, note: true });
      }
      if (record && born && !p.measurement && hasMeasurement(measure) && p.visit) {
        await createMeasurement(child.id, { measuredOn: values.date, visitId: p.visit.id, ...measurementInput(measure) });
        save({ ...p, measurement: true });
      }
      return p;
    },
    onSuccess: (p) => {
      for (const key of [visitKeys.visits(child.id), visitKeys.notes(child.id), visitKeys.measurements(child.id), programmeKeys.child(child.id)]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      void queryClient.invalidateQueries({ queryKey: ['my-day'] });
      void queryClient.invalidateQueries({ queryKey: ['my-week'] });
      const when = `${formatDate(values.date)} ${formatTime(values.time)}`;
      const parts = [p.note ? t('visitForm.withNote') : '', p.measurement ? t('visitForm.withMeasurement') : ''].filter(Boolean);
      const flash = record
        ? t('visitForm.recorded', { when }) + (parts.length ? ` ${t('visitForm.savedAlso', { what: parts.join(t('visitForm.and')) })}` : '')
        : t('visitForm.planned', { when });
      navigate(back, { state: { flash } });
    },
    onError: (err) => {
      if (form.failFromApi(err)) {
        setFailure(null);
      } else {
        setFailure({ text: err instanceof ApiError ? err.title : t('errors.unexpectedText'), key: Date.now() });
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const today = todayIso();
    const errors: FieldErrors = {
      kind: values.kind ? '' : t('visitForm.kindRequired'),
      plannedAt: !values.date
        ? t('visitForm.dateRequired')
        : record && values.date > today
          ? t('visitForm.dateFuture')
          : !record && values.date < today
            ? t('visitForm.datePast')
            : '',
      time: values.time ? '' : t('visitForm.timeRequired'),
      body: values.body.length > 10000 ? t('visitForm.bodyTooLong') : '',
    };
    if (record && born && hasMeasurement(measure)) {
      const m = measurementErrors({ ...measure, measuredOn: values.date }, child.birthDate, t, false);
      errors.weightGrams = m.weightGrams;
      errors.lengthCm = m.lengthCm;
      errors.headCm = m.headCm;
      if (m.measuredOn && !errors.plannedAt) errors.plannedAt = m.measuredOn;
    }
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  // Recording a contact that already has a planned visit would leave the planned one hanging: offer it instead.
  const alreadyPlanned =
    record && !existing && values.templateKey
      ? visits.find((v) => v.templateKey === values.templateKey && v.status === 'planned')
      : undefined;

  const saved = [
    progress.visit && !existing ? t('visitForm.savedVisit') : '',
    progress.done ? t('visitForm.savedDone') : '',
    progress.note ? t('visitForm.savedNote') : '',
    progress.measurement ? t('visitForm.savedMeasurement') : '',
  ].filter(Boolean);

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageTitle title={`${title} – ${childName(child, t)}`} />
        <BackLink to={back}>{t('visitForm.back')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1 className="mb-3">{title}</h1>
        <p className="font-lead">
          {childName(child, t)}
          {child.cprMasked ? <span className="spire-muted"> · {child.cprMasked}</span> : null}
        </p>
        {existing ? (
          <Alert variant="info" announce={false} className="mb-6">
            {t('visitForm.completing', { when: `${formatDate(danishDateOf(existing.plannedAt))} ${formatTime(danishTimeOf(existing.plannedAt))}` })}
          </Alert>
        ) : null}
        {failure ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={failure.key} className="mb-6">
            <p className="alert-text">{failure.text}</p>
            {saved.length > 0 ? <p className="alert-text">{t('visitForm.partlySaved', { what: saved.join(', ') })}</p> : null}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <section className="spire-form-section" aria-labelledby="visit-what">
            <h2 id="visit-what" className="h3">
              {t('visitForm.whatHeading')}
            </h2>
            <SelectField
              id={form.id('templateKey')}
              label={t('visitForm.contact')}
              hint={t('visitForm.contactHint')}
              value={values.templateKey}
              onChange={set('templateKey')}
              placeholder={t('visitForm.noContact')}
              options={open.map((c) => ({
                value: c.key,
                label: `${contactLabel(c)} (${formatDate(c.earliest)}–${formatDate(c.latest)})`,
              }))}
              error={form.errors.templateKey}
              disabled={Boolean(existing) || progress.visit !== null}
              className="spire-wide-select"
              optional
            />
            {alreadyPlanned ? (
              <Alert variant="info" announce={false} className="mb-5">
                <p className="alert-text">
                  {t('visitForm.alreadyPlanned', {
                    when: `${formatDate(danishDateOf(alreadyPlanned.plannedAt))} ${formatTime(danishTimeOf(alreadyPlanned.plannedAt))}`,
                  })}{' '}
                  <Link to={`?besoeg=${encodeURIComponent(alreadyPlanned.id)}`}>{t('visitForm.completePlanned')}</Link>
                </p>
              </Alert>
            ) : null}
            {staffOptions.length > 1 || (staffOptions.length === 1 && staffOptions[0].value !== me.id) ? (
              <SelectField
                id={form.id('staffId')}
                label={t('visitForm.staff')}
                value={values.staffId}
                onChange={set('staffId')}
                options={staffOptions}
                error={form.errors.staffId}
                disabled={Boolean(existing) || progress.visit !== null}
              />
            ) : null}
            <RadioGroupField
              id={form.id('kind')}
              legend={t('visitForm.kind')}
              value={values.kind}
              onChange={set('kind')}
              error={form.errors.kind}
              options={VISIT_KINDS.map((k) => ({ value: k, label: t(`visitKind.${k}`) }))}
            />
            {values.kind === 'cross_professional_home' ? (
              <ParticipantPicker
                id={form.id('participantIds')}
                error={form.errors.participantIds}
                selected={values.participantIds}
                existing={existing}
                onChange={(ids) => setValues((s) => ({ ...s, participantIds: ids }))}
                meId={values.staffId || me.id}
                canListStaff={me.isAdmin}
              />
            ) : null}
            <div className="spire-inline-fields">
              <TextField
                id={form.id('plannedAt')}
                type="date"
                label={t('visitForm.date')}
                hint={t('common.dateFormatHint')}
                value={values.date}
                onChange={set('date')}
                error={form.errors.plannedAt}
                max={record ? todayIso() : undefined}
                min={record ? undefined : todayIso()}
                width="s"
                required
              />
              <TextField
                id={form.id('time')}
                type="time"
                label={t('visitForm.time')}
                hint={t('visitForm.timeHint')}
                value={values.time}
                onChange={set('time')}
                error={form.errors.time}
                width="xs"
                required
              />
            </div>
            <TextField
              id={form.id('location')}
              label={t('visitForm.location')}
              hint={t('visitForm.locationHint')}
              value={values.location}
              onChange={set('location')}
              error={form.errors.location}
              autoComplete="off"
              optional
            />
          </section>
          {record ? (
            <>
              <section className="spire-form-section" aria-labelledby="visit-note">
                <h2 id="visit-note" className="h3">
                  {t('visitForm.noteHeading')}
                </h2>
                <TextAreaField
                  id={form.id('body')}
                  label={t('visitForm.note')}
                  hint={t('visitForm.noteHint')}
                  value={values.body}
                  onChange={set('body')}
                  error={form.errors.body}
                  rows={8}
                  maxLength={10000}
            wide
                  optional
                />
              </section>
              {born ? (
                <section className="spire-form-section" aria-labelledby="visit-measure">
                  <h2 id="visit-measure" className="h3">
                    {t('visitForm.measureHeading')}
                  </h2>
                  <p>{t('visitForm.measureIntro')}</p>
                  <MeasurementFields form={form} values={measure} set={setM} />
                </section>
              ) : null}
            </>
          ) : null}
          <div className="spire-actions mt-7">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : record ? t('visitForm.submitRecord') : t('visitForm.submitPlan')}
            </button>
            <Link to={back} className="button button-tertiary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

/**
 * Colleagues from other units taking part in a cross-professional home visit. The API only takes
 * staff ids and gives non-administrators no list of colleagues (`GET /api/staff` is for
 * administrators), so others are told to name the participants in the note.
 */
function ParticipantPicker({
  id,
  error,
  selected,
  existing,
  onChange,
  meId,
  canListStaff,
}: {
  id: string;
  error?: string;
  selected: string[];
  existing: Visit | null;
  onChange: (ids: string[]) => void;
  meId: string;
  canListStaff: boolean;
}) {
  const { t } = useTranslation();
  // Asking without the right would only write a refused search to the access log.
  const staff = useQuery({
    queryKey: ['staff', 'participants'],
    queryFn: () => listStaff({}),
    retry: false,
    staleTime: 300_000,
    enabled: canListStaff,
  });
  const known = new Map<string, string>();
  for (const p of existing?.participants ?? []) known.set(p.id, p.name);
  for (const s of staff.data ?? []) if (s.active && s.id !== meId) known.set(s.id, `${s.name} (${t(`profession.${s.profession}`)})`);
  const options = [...known.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const toggle = (sid: string, on: boolean) => onChange(on ? [...selected, sid] : selected.filter((x) => x !== sid));
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={`${id}-hint`}>
        <legend className="form-label">
          {t('visitForm.participants')}
          <span className="weight-normal">{t('common.optional')}</span>
        </legend>
        <span className="form-hint" id={`${id}-hint`}>
          {t('visitForm.participantsHint')}
        </span>
        {error ? (
          <span className="form-error-message">
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {error}
          </span>
        ) : null}
        {canListStaff && staff.isPending && options.length === 0 ? <Spinner small /> : null}
        {(!canListStaff || staff.isError) && options.length === 0 ? (
          <p className="spire-muted" id={id} tabIndex={-1}>
            {t('visitForm.participantsUnavailable')}
          </p>
        ) : null}
        {options.length > 0 ? (
          <div className="spire-participants">
            {options.map(([sid, name], i) => (
              <CheckboxField
                key={sid}
                id={i === 0 ? id : `${id}-${sid}`}
                label={name}
                checked={selected.includes(sid)}
                onChange={(on) => toggle(sid, on)}
              />
            ))}
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
