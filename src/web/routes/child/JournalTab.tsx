import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail, Measurement, Note, Visit } from '../../api/types';
import {
  correctNote,
  createMeasurement,
  createNote,
  listMeasurements,
  listNotes,
  listVisits,
  visitKeys,
} from '../../api/visits';
import { useMe } from '../../auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { SelectField, TextAreaField, TextField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { Spinner } from '../../components/Spinner';
import {
  danishDateOf,
  danishTimeOf,
  formatDate,
  formatDateTimeShort,
  formatNumber,
  formatTime,
  todayIso,
} from '../../format';
import { useFormErrors } from '../../forms';
import { type MeasurementDraft, measurementErrors, measurementInput } from '../VisitForm';
import { Section, useNotice } from './shared';
import { FormActions } from '../../components/FormActions';

/** "Journal og målinger": signed notes with their corrections, and the growth measurements. */
export function JournalTab({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const notes = useQuery({ queryKey: visitKeys.notes(child.id), queryFn: () => listNotes(child.id), staleTime: 0 });
  const visits = useQuery({ queryKey: visitKeys.visits(child.id), queryFn: () => listVisits(child.id), staleTime: 0 });
  const measurements = useQuery({
    queryKey: visitKeys.measurements(child.id),
    queryFn: () => listMeasurements(child.id),
    staleTime: 0,
  });
  const visitLabel = (visitId: string | null) => {
    const v = visitId ? visits.data?.find((x) => x.id === visitId) : undefined;
    return v ? t('journal.visitHeading', { kind: t(`visitKind.${v.kind}`), date: formatDate(danishDateOf(v.plannedAt)) }) : null;
  };

  return (
    <>
      <Section id="journal-notes" title={t('journal.notesHeading')}>
        {child.access.edit ? <NewNoteForm child={child} visits={visits.data ?? []} /> : null}
        {notes.isPending ? <Spinner /> : null}
        {notes.isError ? <ErrorState error={notes.error} onRetry={() => void notes.refetch()} headingLevel={3} /> : null}
        {notes.data ? (
          notes.data.length === 0 ? (
            <EmptyState title={t('journal.noNotes')}>{t('journal.noNotesText')}</EmptyState>
          ) : (
            <ol className="spire-notes nobullet-list no-max-width">
              {notes.data.map((n) => (
                <li key={n.id}>
                  <NoteCard child={child} note={n} visitLabel={visitLabel(n.visitId)} />
                </li>
              ))}
            </ol>
          )
        ) : null}
      </Section>
      <Section id="journal-measurements" title={t('journal.measurementsHeading')}>
        {child.access.edit && child.status === 'born' ? <NewMeasurementForm child={child} /> : null}
        {measurements.isPending ? <Spinner /> : null}
        {measurements.isError ? (
          <ErrorState error={measurements.error} onRetry={() => void measurements.refetch()} headingLevel={3} />
        ) : null}
        {measurements.data ? <MeasurementsTable rows={measurements.data} /> : null}
      </Section>
    </>
  );
}

const NOTE_FIELDS = ['body', 'visitId'] as const;

function NewNoteForm({ child, visits }: { child: ChildDetail; visits: Visit[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('note', NOTE_FIELDS);
  usePageSummary(form);
  const notice = useNotice();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [visitId, setVisitId] = useState('');
  const mutation = useMutation({
    mutationFn: () => createNote(child.id, { body: body.trim(), visitId: visitId || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: visitKeys.notes(child.id) });
      setBody('');
      setVisitId('');
      setOpen(false);
      form.clear();
      notice.success(t('journal.noteSigned'));
    },
    onError: (err) => notice.fail(err, form),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.fail({ body: body.trim() ? '' : t('journal.bodyRequired') })) return;
    mutation.mutate();
  };
  const recent = [...visits].filter((v) => v.status !== 'cancelled').sort((a, b) => (a.plannedAt < b.plannedAt ? 1 : -1)).slice(0, 10);
  return (
    <>
      {notice.node}
      {open ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <h3 className="h4 mt-0">{t('journal.newNote')}</h3>
          <TextAreaField
            id={form.id('body')}
            label={t('journal.body')}
            hint={t('journal.bodyHint')}
            value={body}
            onChange={setBody}
            error={form.errors.body}
            rows={6}
            maxLength={10000}
            wide
            required
          />
          <SelectField
            id={form.id('visitId')}
            label={t('journal.visit')}
            value={visitId}
            onChange={setVisitId}
            placeholder={t('journal.noVisit')}
            options={recent.map((v) => ({
              value: v.id,
              label: `${formatDate(danishDateOf(v.plannedAt))} ${formatTime(danishTimeOf(v.plannedAt))} · ${t(`visitKind.${v.kind}`)} · ${t(`visitStatus.${v.status}`)}`,
            }))}
            error={form.errors.visitId}
            optional
          />
          <FormActions pending={mutation.isPending} submitLabel={t('journal.sign')} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <button type="button" className="button button-secondary mb-5" onClick={() => setOpen(true)}>
          {t('journal.newNote')}
        </button>
      )}
    </>
  );
}

const CORRECT_FIELDS = ['body'] as const;

function NoteCard({ child, note, visitLabel }: { child: ChildDetail; note: Note; visitLabel: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useFormErrors(`correct-${note.id}`, CORRECT_FIELDS);
  usePageSummary(form);
  const notice = useNotice(() => queryClient.invalidateQueries({ queryKey: visitKeys.notes(child.id) }));
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const mine = note.authorId === me.id;
  const mutation = useMutation({
    mutationFn: () => correctNote(note.id, body.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: visitKeys.notes(child.id) });
      setEditing(false);
      form.clear();
    },
    onError: (err) => notice.fail(err, form),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    const error = !text ? t('journal.bodyRequired') : text === note.body.trim() ? t('journal.unchanged') : '';
    if (form.fail({ body: error })) return;
    mutation.mutate();
  };
  const firstSigned = note.history[0] ?? note;
  const headingId = `note-${note.id}`;
  return (
    <article className="spire-note" aria-labelledby={headingId}>
      <h3 className="h5 mt-0 mb-2" id={headingId}>
        {visitLabel ?? t('journal.noteHeading', { date: formatDate(danishDateOf(firstSigned.signedAt)) })}
      </h3>
      <p className="spire-muted mt-0 mb-3">
        {note.history.length > 0
          ? t('journal.signedCorrected', { author: note.authorName, date: formatDateTimeShort(note.signedAt) })
          : t('journal.signedBy', { author: note.authorName, date: formatDateTimeShort(note.signedAt) })}
{' '}
        {note.history.length > 0 ? <Badge variant="info">{t('journal.corrected')}</Badge> : null}
      </p>
      {notice.node}
      {editing ? (
        <form onSubmit={submit} noValidate>
          <TextAreaField
            id={form.id('body')}
            label={t('journal.correctLabel')}
            hint={t('journal.correctHint')}
            value={body}
            onChange={setBody}
            error={form.errors.body}
            rows={6}
            maxLength={10000}
            wide
            required
          />
          <div className="spire-actions mt-5">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('journal.saveCorrection')}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => {
                setEditing(false);
                setBody(note.body);
                form.clear();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="spire-note-body">{note.body}</div>
      )}
      {!editing && mine && child.access.edit ? (
        <button
          type="button"
          className="button button-unstyled spire-link-button mt-3"
          onClick={() => {
            setBody(note.body);
            setEditing(true);
          }}
        >
          {t('journal.correct')}
          <span className="sr-only"> {visitLabel ?? t('journal.noteHeading', { date: formatDate(danishDateOf(firstSigned.signedAt)) })}</span>
        </button>
      ) : null}
      {note.history.length > 0 ? (
        <details className="details mt-4">
          <summary className="details-summary">{t('journal.history', { count: note.history.length })}</summary>
          <div className="details-text">
            <ol className="spire-note-history nobullet-list">
              {[...note.history].reverse().map((h) => (
                <li key={h.id}>
                  <p className="spire-muted mb-2">{t('journal.signedBy', { author: h.authorName, date: formatDateTimeShort(h.signedAt) })}</p>
                  <div className="spire-note-body">{h.body}</div>
                </li>
              ))}
            </ol>
          </div>
        </details>
      ) : null}
    </article>
  );
}

const MEASUREMENT_FIELDS = ['measuredOn', 'weightGrams', 'lengthCm', 'headCm'] as const;

function NewMeasurementForm({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('measurement', MEASUREMENT_FIELDS);
  usePageSummary(form);
  const notice = useNotice();
  const [open, setOpen] = useState(false);
  const empty: MeasurementDraft = { measuredOn: todayIso(), weight: '', length: '', head: '' };
  const [values, setValues] = useState<MeasurementDraft>(empty);
  const set = (key: keyof MeasurementDraft) => (v: string) => setValues((s) => ({ ...s, [key]: v }));
  const mutation = useMutation({
    mutationFn: () => createMeasurement(child.id, { measuredOn: values.measuredOn, ...measurementInput(values) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: visitKeys.measurements(child.id) });
      setValues(empty);
      setOpen(false);
      form.clear();
      notice.success(t('journal.measurementSaved'));
    },
    onError: (err) => notice.fail(err, form),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.fail(measurementErrors(values, child.birthDate, t, true))) return;
    mutation.mutate();
  };
  return (
    <>
      {notice.node}
      {open ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <h3 className="h4 mt-0">{t('journal.newMeasurement')}</h3>
          <TextField
            id={form.id('measuredOn')}
            type="date"
            label={t('measure.date')}
            value={values.measuredOn}
            onChange={set('measuredOn')}
            error={form.errors.measuredOn}
            max={todayIso()}
            min={child.birthDate ?? undefined}
            width="s"
            required
          />
          <MeasurementFields form={form} values={values} set={set} />
          <FormActions pending={mutation.isPending} submitLabel={t('journal.saveMeasurement')} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <button type="button" className="button button-secondary mb-5" onClick={() => setOpen(true)}>
          {t('journal.newMeasurement')}
        </button>
      )}
    </>
  );
}

/** Weight (g), length (cm) and head circumference (cm) side by side; ids are `weightGrams`, `lengthCm`, `headCm`. */
export function MeasurementFields({
  form,
  values,
  set,
}: {
  form: ReturnType<typeof useFormErrors>;
  values: MeasurementDraft;
  set: (key: keyof MeasurementDraft) => (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="spire-inline-fields">
      <TextField id={form.id('weightGrams')} label={t('measure.weight')} hint={t('measure.weightHint')} value={values.weight} onChange={set('weight')} error={form.errors.weightGrams} inputMode="numeric" suffix="g" width="s" autoComplete="off" optional />
      <TextField id={form.id('lengthCm')} label={t('measure.length')} hint={t('measure.lengthHint')} value={values.length} onChange={set('length')} error={form.errors.lengthCm} inputMode="text" suffix="cm" width="xs" autoComplete="off" optional />
      <TextField id={form.id('headCm')} label={t('measure.head')} hint={t('measure.headHint')} value={values.head} onChange={set('head')} error={form.errors.headCm} inputMode="text" suffix="cm" width="xs" autoComplete="off" optional />
    </div>
  );
}

function MeasurementsTable({ rows }: { rows: Measurement[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <EmptyState title={t('journal.noMeasurements')}>{t('journal.noMeasurementsText')}</EmptyState>;
  const sorted = [...rows].reverse();
  return (
    <DataTable<Measurement>
      caption={t('journal.measurementsCaption')}
      captionHidden
      rows={sorted}
      rowKey={(m) => m.id}
      columns={[
        { key: 'date', header: t('measure.date'), rowHeader: true, className: 'spire-nowrap', render: (m) => formatDate(m.measuredOn) },
        { key: 'weight', header: t('measure.colWeight'), numeric: true, render: (m) => (m.weightGrams === null ? t('common.none') : `${formatNumber(m.weightGrams)} g`) },
        { key: 'length', header: t('measure.colLength'), numeric: true, render: (m) => (m.lengthCm === null ? t('common.none') : `${formatNumber(m.lengthCm, 1)} cm`) },
        { key: 'head', header: t('measure.colHead'), numeric: true, render: (m) => (m.headCm === null ? t('common.none') : `${formatNumber(m.headCm, 1)} cm`) },
        { key: 'by', header: t('measure.colBy'), render: (m) => m.recordedByName },
      ]}
    />
  );
}
