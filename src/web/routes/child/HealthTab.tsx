import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childKeys } from '../../api/children';
import { endExtendedTrack, getProgramme, programmeKeys, startExtendedTrack } from '../../api/programme';
import type { ChildDetail, ChildProgramme, Contact, Measurement, Note, Visit, VisitStatus } from '../../api/types';
import { listMeasurements, listNotes, listVisits, updateVisit, visitKeys } from '../../api/visits';
import { contactLabel } from '../../childText';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField, TextAreaField, TextField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { usePageSummary } from '../../components/PageSummary';
import { Spinner } from '../../components/Spinner';
import { ContactStatusBadge, ExtendedTrackBadge, VisitStatusBadge } from '../../components/StatusBadges';
import { danishDateOf, danishTimeOf, formatDate, formatNumber, formatTime, instantFromDanish, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { Facts, Section, useNotice } from './shared';
import { FormActions } from '../../components/FormActions';

/** "Sundhedspleje": the visit programme with planned contacts, the visits, and the extended track. */
export function HealthTab({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const programme = useQuery({ queryKey: programmeKeys.child(child.id), queryFn: () => getProgramme(child.id), staleTime: 0 });
  const visits = useQuery({ queryKey: visitKeys.visits(child.id), queryFn: () => listVisits(child.id), staleTime: 0 });
  // The visit list shows each visit's note and measurements, so the record reads as one timeline.
  const notes = useQuery({ queryKey: visitKeys.notes(child.id), queryFn: () => listNotes(child.id), staleTime: 0 });
  const measurements = useQuery({
    queryKey: visitKeys.measurements(child.id),
    queryFn: () => listMeasurements(child.id),
    staleTime: 0,
  });

  return (
    <>
      <Section id="health-programme" title={t('health.programmeHeading')}>
        {programme.isPending ? <Spinner /> : null}
        {programme.isError ? (
          <ErrorState error={programme.error} onRetry={() => void programme.refetch()} headingLevel={3} />
        ) : null}
        {programme.data ? <ProgrammeTable child={child} programme={programme.data} visits={visits.data ?? []} /> : null}
      </Section>
      <Section
        id="health-visits"
        title={t('health.visitsHeading')}
        actions={
          child.access.edit ? (
            <Link to={`/boern/${encodeURIComponent(child.id)}/besoeg/nyt`} className="button button-secondary">
              {t('child.recordVisit')}
            </Link>
          ) : null
        }
      >
        {visits.isPending ? <Spinner /> : null}
        {visits.isError ? <ErrorState error={visits.error} onRetry={() => void visits.refetch()} headingLevel={3} /> : null}
        {visits.data ? (
          <VisitsTable
            child={child}
            visits={visits.data}
            contacts={programme.data?.contacts ?? []}
            notes={notes.data ?? []}
            measurements={measurements.data ?? []}
          />
        ) : null}
      </Section>
      {programme.data ? <ExtendedTrackSection child={child} programme={programme.data} /> : null}
    </>
  );
}

function visitWhen(v: Visit) {
  return `${formatDate(danishDateOf(v.plannedAt))} ${formatTime(danishTimeOf(v.plannedAt))}`;
}

function ProgrammeTable({ child, programme, visits }: { child: ChildDetail; programme: ChildProgramme; visits: Visit[] }) {
  const { t } = useTranslation();
  const idPart = encodeURIComponent(child.id);
  const byId = new Map(visits.map((v) => [v.id, v]));
  if (programme.contacts.length === 0) {
    return <EmptyState title={t('health.noContacts')}>{t('health.noContactsText')}</EmptyState>;
  }
  return (
    <>
      <p className="spire-muted">
        {programme.source === 'municipality' ? t('health.sourceMunicipality') : t('health.sourceDefault')}
      </p>
      <DataTable<Contact>
        caption={t('health.programmeCaption')}
        captionHidden
        rows={programme.contacts}
        rowKey={(c) => c.key}
        columns={[
          {
            key: 'label',
            header: t('health.colContact'),
            rowHeader: true,
            render: (c) => (
              <>
                {contactLabel(c)}
                {c.track !== 'universal' && !contactLabel(c).toLowerCase().includes(t(`visitTrack.${c.track}`).toLowerCase()) ? (
                  <span className="spire-muted spire-fact-sub">{t(`visitTrack.${c.track}`)}</span>
                ) : null}
              </>
            ),
          },
          {
            key: 'window',
            header: t('health.colWindow'),
            className: 'spire-nowrap',
            render: (c) => t('health.window', { from: formatDate(c.earliest), to: formatDate(c.latest) }),
          },
          { key: 'status', header: t('health.colStatus'), render: (c) => <ContactStatusBadge status={c.status} /> },
          {
            key: 'visit',
            header: t('health.colVisit'),
            render: (c) => {
              const v = c.visitId ? byId.get(c.visitId) : undefined;
              if (!v) return t('common.none');
              return t(v.status === 'done' ? 'health.visitDoneAt' : 'health.visitPlannedAt', { when: visitWhen(v) });
            },
          },
          {
            key: 'action',
            header: t('health.colAction'),
            render: (c) => {
              if (!child.access.edit) return null;
              const v = c.visitId ? byId.get(c.visitId) : undefined;
              if (v?.status === 'planned') {
                return (
                  <Link to={`/boern/${idPart}/besoeg/nyt?besoeg=${encodeURIComponent(v.id)}`}>
                    {t('health.completeVisit')}
                    <span className="sr-only"> {contactLabel(c)}</span>
                  </Link>
                );
              }
              if (!c.visitId && c.status !== 'done') {
                return (
                  <Link to={`/boern/${idPart}/besoeg/planlaeg?kontakt=${encodeURIComponent(c.key)}`}>
                    {t('health.planVisit')}
                    <span className="sr-only"> {contactLabel(c)}</span>
                  </Link>
                );
              }
              return null;
            },
          },
        ]}
      />
    </>
  );
}

/** "Vægt 3.650 g · længde 51,5 cm · hovedomfang 35,5 cm". */
export function measurementSummary(m: Measurement, t: TFunction): string {
  return [
    m.weightGrams !== null ? t('measure.summaryWeight', { value: formatNumber(m.weightGrams) }) : '',
    m.lengthCm !== null ? t('measure.summaryLength', { value: formatNumber(m.lengthCm, 1) }) : '',
    m.headCm !== null ? t('measure.summaryHead', { value: formatNumber(m.headCm, 1) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

const snippet = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max).trimEnd()} …` : text);

function VisitsTable({
  child,
  visits,
  contacts,
  notes,
  measurements,
}: {
  child: ChildDetail;
  visits: Visit[];
  contacts: Contact[];
  notes: Note[];
  measurements: Measurement[];
}) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState<Visit | null>(null);
  const notice = useNotice();
  const labels = new Map(contacts.map((c) => [c.key, contactLabel(c)]));
  const sorted = [...visits].sort((a, b) => (a.plannedAt < b.plannedAt ? 1 : -1));
  const idPart = encodeURIComponent(child.id);
  if (visits.length === 0) {
    return <EmptyState title={t('health.noVisits')}>{t('health.noVisitsText')}</EmptyState>;
  }
  return (
    <>
      {notice.node}
      <DataTable<Visit>
        caption={t('health.visitsCaption')}
        captionHidden
        rows={sorted}
        rowKey={(v) => v.id}
        columns={[
          {
            key: 'when',
            header: t('health.colWhen'),
            rowHeader: true,
            render: (v) => (
              <>
                <span className="spire-datetime-part">{formatDate(danishDateOf(v.plannedAt))}</span>
                <span className="spire-datetime-part spire-muted">{formatTime(danishTimeOf(v.plannedAt))}</span>
              </>
            ),
          },
          {
            key: 'kind',
            header: t('health.colKind'),
            render: (v) => (
              <>
                {t(`visitKind.${v.kind}`)}
                {v.templateKey ? <span className="spire-fact-sub spire-muted">{labels.get(v.templateKey) ?? v.templateKey}</span> : null}
              </>
            ),
          },
          {
            key: 'who',
            header: t('health.colWho'),
            render: (v) => (
              <>
                {v.staffName ?? t('common.none')}
                {v.participants.length > 0 ? (
                  <span className="spire-fact-sub spire-muted">
                    {t('health.withParticipants', { names: v.participants.map((p) => p.name).join(', ') })}
                  </span>
                ) : null}
              </>
            ),
          },
          { key: 'status', header: t('health.colStatus'), render: (v) => <VisitStatusBadge status={v.status} /> },
          {
            key: 'record',
            header: t('health.colRecord'),
            className: 'spire-visit-record',
            render: (v) => {
              const vNotes = notes.filter((n) => n.visitId === v.id);
              const vMeasurements = measurements.filter((m) => m.visitId === v.id);
              if (vNotes.length === 0 && vMeasurements.length === 0) return <span className="spire-muted">{t('common.none')}</span>;
              return (
                <>
                  {vNotes.map((n) => (
                    <span key={n.id} className="spire-fact-sub spire-prewrap">
                      {snippet(n.body)}
                    </span>
                  ))}
                  {vMeasurements.map((m) => (
                    <span key={m.id} className="spire-fact-sub spire-muted">
                      {measurementSummary(m, t)}
                    </span>
                  ))}
                </>
              );
            },
          },
          {
            key: 'actions',
            header: t('health.colAction'),
            render: (v) =>
              child.access.edit ? (
                <span className="spire-row-actions">
                  {v.status === 'planned' ? (
                    <Link to={`/boern/${idPart}/besoeg/nyt?besoeg=${encodeURIComponent(v.id)}`}>
                      {t('health.completeVisit')}
                      <span className="sr-only"> {visitWhen(v)}</span>
                    </Link>
                  ) : null}
                  <button type="button" className="button button-unstyled spire-link-button" onClick={() => setChanging(v)}>
                    {t('health.changeStatus')}
                    <span className="sr-only"> {visitWhen(v)}</span>
                  </button>
                </span>
              ) : null,
          },
        ]}
      />
      <VisitStatusDialog
        child={child}
        visit={changing}
        onClose={() => setChanging(null)}
        onDone={(text) => {
          setChanging(null);
          notice.success(text);
        }}
        onFailed={(err) => {
          setChanging(null);
          notice.fail(err, undefined, t('health.visitConflict'));
        }}
      />
    </>
  );
}

const STATUS_FIELDS = ['status', 'date', 'time'] as const;

/** Change a visit's status (gennemført / aflyst / udeblevet), or move a planned visit. */
function VisitStatusDialog({
  child,
  visit,
  onClose,
  onDone,
  onFailed,
}: {
  child: ChildDetail;
  visit: Visit | null;
  onClose: () => void;
  onDone: (text: string) => void;
  onFailed: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('visit-status', STATUS_FIELDS);
  const [status, setStatus] = useState<VisitStatus>('done');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const { clear } = form;
  useEffect(() => {
    if (!visit) return;
    setStatus(visit.status === 'planned' ? 'done' : visit.status);
    setDate(danishDateOf(visit.plannedAt));
    setTime(danishTimeOf(visit.plannedAt));
    clear();
  }, [visit, clear]);

  const mutation = useMutation({
    mutationFn: (v: Visit) => {
      const moved = status === 'planned' && instantFromDanish(date, time) !== new Date(v.plannedAt).toISOString();
      return updateVisit(v.id, {
        version: v.version,
        status,
        ...(moved ? { plannedAt: instantFromDanish(date, time) } : {}),
      });
    },
    onSuccess: (next) => {
      void queryClient.invalidateQueries({ queryKey: visitKeys.visits(child.id) });
      void queryClient.invalidateQueries({ queryKey: programmeKeys.child(child.id) });
      void queryClient.invalidateQueries({ queryKey: ['my-day'] });
      void queryClient.invalidateQueries({ queryKey: ['my-week'] });
      onDone(t('health.statusChanged', { status: t(`visitStatus.${next.status}`).toLowerCase(), when: visitWhen(next) }));
    },
    onError: (err) => {
      if (!form.failFromApi(err)) onFailed(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!visit) return;
    const errors = {
      date: status === 'planned' && !date ? t('visitForm.dateRequired') : '',
      time: status === 'planned' && !time ? t('visitForm.timeRequired') : '',
      status:
        status === 'done' && danishDateOf(visit.plannedAt) > todayIso() ? t('health.doneInFuture') : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate(visit);
  };

  return (
    <Modal open={visit !== null} title={visit ? t('health.statusDialogTitle', { when: visitWhen(visit) }) : ''} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <RadioGroupField
          id={form.id('status')}
          legend={t('health.newStatus')}
          value={status}
          onChange={(v) => setStatus(v as VisitStatus)}
          error={form.errors.status}
          options={(['done', 'cancelled', 'no_show', 'planned'] as const).map((s) => ({
            value: s,
            label: t(`visitStatusChoice.${s}`),
          }))}
        />
        {status === 'planned' ? (
          <div className="spire-inline-fields">
            <TextField id={form.id('date')} type="date" label={t('visitForm.date')} value={date} onChange={setDate} error={form.errors.date} width="s" required />
            <TextField id={form.id('time')} type="time" label={t('visitForm.time')} value={time} onChange={setTime} error={form.errors.time} width="xs" required />
          </div>
        ) : null}
        {status === 'done' ? <p className="mt-5">{t('health.doneHint')}</p> : null}
        <FormActions pending={mutation.isPending} submitLabel={t('health.saveStatus')} onCancel={onClose} cancelStyle="secondary" />
      </form>
    </Modal>
  );
}

const TRACK_FIELDS = ['reason', 'date'] as const;

/** "Udvidet indsats": put the family on the extended track with a reason, end it with a reason; the history. */
function ExtendedTrackSection({ child, programme }: { child: ChildDetail; programme: ChildProgramme }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notice = useNotice(() => queryClient.invalidateQueries({ queryKey: programmeKeys.child(child.id) }));
  const [open, setOpen] = useState(false);
  const form = useFormErrors('extended-track', TRACK_FIELDS);
  usePageSummary(form);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const current = programme.extendedTrack.current;
  const history = [...programme.extendedTrack.history].reverse();

  const mutation = useMutation({
    mutationFn: () =>
      current
        ? endExtendedTrack(child.id, { reason: reason.trim(), endsOn: date, version: current.version })
        : startExtendedTrack(child.id, { reason: reason.trim(), startsOn: date }),
    onSuccess: (track) => {
      queryClient.setQueryData<ChildProgramme>(programmeKeys.child(child.id), (old) => (old ? { ...old, extendedTrack: track } : old));
      void queryClient.invalidateQueries({ queryKey: programmeKeys.child(child.id) });
      void queryClient.invalidateQueries({ queryKey: childKeys.all });
      setOpen(false);
      setReason('');
      form.clear();
      notice.success(track.current ? t('track.started') : t('track.ended'));
    },
    onError: (err) => notice.fail(err, form, t('track.conflict')),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const today = todayIso();
    const errors = {
      reason: reason.trim() ? '' : current ? t('track.endReasonRequired') : t('track.reasonRequired'),
      date: !date
        ? t('track.dateRequired')
        : current && date > today
          ? t('track.endInFuture')
          : current && date < current.startsOn
            ? t('track.endBeforeStart', { date: formatDate(current.startsOn) })
            : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  const start = () => {
    setDate(todayIso());
    setReason('');
    form.clear();
    setOpen(true);
  };

  return (
    <Section
      id="health-extended"
      title={t('track.heading')}
      actions={
        child.access.edit && !open ? (
          <button type="button" className="button button-secondary" onClick={start}>
            {current ? t('track.end') : t('track.start')}
          </button>
        ) : null
      }
    >
      {notice.node}
      {current ? (
        <>
          <p>
            <ExtendedTrackBadge /> {t('track.since', { date: formatDate(current.startsOn) })}
          </p>
          <Facts items={[{ label: t('track.reason'), value: <span className="spire-prewrap">{current.reason}</span> }]} />
        </>
      ) : (
        <p>{t('track.notOn')}</p>
      )}
      {open ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <h3 className="h4 mt-0">{current ? t('track.endHeading') : t('track.startHeading')}</h3>
          <p>{current ? t('track.endIntro') : t('track.startIntro')}</p>
          <TextAreaField
            id={form.id('reason')}
            label={current ? t('track.endReason') : t('track.reason')}
            value={reason}
            onChange={setReason}
            error={form.errors.reason}
            rows={3}
            maxLength={500}
            required
          />
          <TextField
            id={form.id('date')}
            type="date"
            label={current ? t('track.endsOn') : t('track.startsOn')}
            value={date}
            onChange={setDate}
            error={form.errors.date}
            max={current ? todayIso() : undefined}
            width="s"
            required
          />
          <FormActions pending={mutation.isPending} submitLabel={current ? t('track.endSubmit') : t('track.startSubmit')} onCancel={() => setOpen(false)} />
        </form>
      ) : null}
      {history.length > 0 ? (
        <>
          <h3 className="h4 mt-6">{t('track.history')}</h3>
          <DataTable
            caption={t('track.history')}
            captionHidden
            rows={history}
            rowKey={(p) => p.id}
            columns={[
              {
                key: 'period',
                header: t('track.colPeriod'),
                rowHeader: true,
                className: 'spire-nowrap',
                render: (p) => t('health.window', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) }),
              },
              { key: 'reason', header: t('track.colReason'), render: (p) => p.reason },
              { key: 'endReason', header: t('track.colEndReason'), render: (p) => p.endReason ?? t('common.none') },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}
