import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { myDayKeys } from '../../api/myDay';
import {
  completeTask,
  getChildScreenings,
  listChildFlags,
  listChildTasks,
  listInstruments,
  recordScreening,
  resolveFlag,
  screeningKeys,
} from '../../api/screening';
import type {
  ChildDetail,
  ChildScreenings,
  Flag,
  Instrument,
  InstrumentId,
  NextStep,
  RecordedScreening,
  RecordScreeningInput,
  RespondentRole,
  Screening,
  Task,
  Timepoint,
} from '../../api/types';
import { listVisits, visitKeys } from '../../api/visits';
import { useMe } from '../../auth';
import { ageText } from '../../childText';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { usePageSummary } from '../../components/PageSummary';
import { Spinner } from '../../components/Spinner';
import { danishDateOf, danishTimeOf, formatDate, formatDateTimeShort, formatTime, languageName, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import i18n from '../../i18n';
import { ScoreChart } from './ScoreChart';
import { Section, useNotice } from './shared';
import { FormActions } from '../../components/FormActions';

const topic = (item: { topicDa: string; topicEn: string }) => (i18n.language === 'en' ? item.topicEn : item.topicDa);
const instrumentName = (i: Pick<Instrument, 'nameDa' | 'nameEn'>) => (i18n.language === 'en' ? i.nameEn : i.nameDa);

/** Relations that can answer an EPDS, and the respondent role their relation suggests. */
const ROLE_OF_RELATION: Partial<Record<string, RespondentRole>> = { mother: 'mother', father: 'father', co_parent: 'co_parent' };

/**
 * "Screening": open follow-up (tasks and flags) with "Afslut opgave" and "Løs flag", a form to
 * record an ADBB, m-ADBB or EPDS, and the trajectories (ADBB by age, each parent's EPDS over
 * time) as charts with a table beside each. Licensed EPDS wording appears only when the
 * municipality has loaded it; otherwise the form shows item numbers and topic labels.
 */
export function ScreeningTab({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const screenings = useQuery({ queryKey: screeningKeys.child(child.id), queryFn: () => getChildScreenings(child.id), staleTime: 0 });
  const tasks = useQuery({ queryKey: screeningKeys.tasks(child.id), queryFn: () => listChildTasks(child.id), staleTime: 0 });
  const flags = useQuery({ queryKey: screeningKeys.flags(child.id), queryFn: () => listChildFlags(child.id), staleTime: 0 });

  return (
    <>
      <FollowUpSection child={child} tasks={tasks} flags={flags} />
      {child.access.edit ? <RecordSection child={child} tasks={tasks.data ?? []} /> : null}
      <Section id="screening-trajectories" title={t('screening.trajectoriesHeading')}>
        {screenings.isPending ? <Spinner /> : null}
        {screenings.isError ? (
          <ErrorState error={screenings.error} onRetry={() => void screenings.refetch()} headingLevel={3} />
        ) : null}
        {screenings.data ? <Trajectories data={screenings.data} /> : null}
      </Section>
    </>
  );
}

// ---- Follow-up: tasks and flags -------------------------------------------------------------

type ListQuery<T> = { data?: T[]; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

function FollowUpSection({ child, tasks, flags }: { child: ChildDetail; tasks: ListQuery<Task>; flags: ListQuery<Flag> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: screeningKeys.tasks(child.id) }),
      queryClient.invalidateQueries({ queryKey: screeningKeys.flags(child.id) }),
    ]);
  const notice = useNotice(reload);
  const [taskOpen, setTaskOpen] = useState<Task | null>(null);
  const [flagOpen, setFlagOpen] = useState<Flag | null>(null);
  const openTasks = (tasks.data ?? []).filter((x) => x.status === 'open');
  const doneTasks = (tasks.data ?? []).filter((x) => x.status === 'done');
  const openFlags = (flags.data ?? []).filter((f) => f.status === 'open');
  const resolvedFlags = (flags.data ?? []).filter((f) => f.status === 'resolved');

  const done = (message: string) => {
    setTaskOpen(null);
    setFlagOpen(null);
    void reload();
    void queryClient.invalidateQueries({ queryKey: myDayKeys.myDay });
    notice.success(message);
  };
  const failed = (err: unknown, conflictText: string) => {
    setTaskOpen(null);
    setFlagOpen(null);
    // Someone else completed it meanwhile: show the latest state with the message.
    if (err instanceof ApiError && err.status === 409) void reload();
    notice.fail(err, undefined, conflictText);
  };

  return (
    <Section id="screening-follow-up" title={t('screening.followUpHeading')}>
      {notice.node}
      {tasks.isPending || flags.isPending ? <Spinner /> : null}
      {tasks.isError ? <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} headingLevel={3} /> : null}
      {flags.isError ? <ErrorState error={flags.error} onRetry={() => void flags.refetch()} headingLevel={3} /> : null}
      {tasks.data && flags.data && openTasks.length === 0 && openFlags.length === 0 ? (
        <EmptyState title={t('screening.noFollowUp')}>{t('screening.noFollowUpText')}</EmptyState>
      ) : null}
      {openFlags.length > 0 ? (
        <ul className="nobullet-list no-max-width spire-followup-list">
          {openFlags.map((f) => (
            <li key={f.id} className="spire-followup spire-followup-urgent">
              <FlagCard flag={f} onResolve={child.access.edit ? () => setFlagOpen(f) : undefined} />
            </li>
          ))}
        </ul>
      ) : null}
      {openTasks.length > 0 ? (
        <ul className="nobullet-list no-max-width spire-followup-list">
          {openTasks.map((task) => (
            <li key={task.id} className={`spire-followup${task.urgent ? ' spire-followup-urgent' : ''}`}>
              <TaskCard task={task} onComplete={child.access.edit ? () => setTaskOpen(task) : undefined} />
            </li>
          ))}
        </ul>
      ) : null}
      {doneTasks.length > 0 || resolvedFlags.length > 0 ? (
        <details className="details mt-5">
          <summary className="details-summary">{t('screening.closedHeading', { count: doneTasks.length + resolvedFlags.length })}</summary>
          <div className="details-text">
            <ClosedTable tasks={doneTasks} flags={resolvedFlags} />
          </div>
        </details>
      ) : null}
      <CompleteTaskDialog
        task={taskOpen}
        onClose={() => setTaskOpen(null)}
        onDone={() => done(t('screening.taskCompleted'))}
        onFailed={(err) => failed(err, t('screening.taskConflict'))}
      />
      <ResolveFlagDialog
        flag={flagOpen}
        onClose={() => setFlagOpen(null)}
        onDone={() => done(t('screening.flagResolved'))}
        onFailed={(err) => failed(err, t('screening.flagConflict'))}
      />
    </Section>
  );
}

function FlagCard({ flag, onResolve }: { flag: Flag; onResolve?: () => void }) {
  const { t } = useTranslation();
  const label = t(`flagKind.${flag.kind}`, { defaultValue: flag.kind });
  return (
    <div className="spire-followup-body">
      <p className="mt-0 mb-2">
        <Badge variant={flag.severity === 'moderate' ? 'warning' : 'error'}>{t(`flagSeverity.${flag.severity}`)}</Badge>{' '}
        <span className="weight-semibold">{label}</span>
      </p>
      <p className="spire-muted mt-0 mb-0">
        {flag.personName ? t('screening.about', { name: flag.personName }) : null}
        {t('screening.raised', { date: formatDateTimeShort(flag.raisedAt), name: flag.raisedBy?.name ?? t('common.none') })}
      </p>
      {flag.kind === 'epds_self_harm' ? <p className="mt-3 mb-0">{t('screening.selfHarmAdvice')}</p> : null}
      {onResolve ? (
        <button type="button" className="button button-secondary mt-4" onClick={onResolve}>
          {t('screening.resolveFlag')}
          <span className="sr-only"> {t('screening.forWhat', { what: label })}</span>
        </button>
      ) : null}
    </div>
  );
}

function TaskCard({ task, onComplete }: { task: Task; onComplete?: () => void }) {
  const { t } = useTranslation();
  const label = t(`taskKind.${task.kind}`, { defaultValue: task.kind });
  return (
    <div className="spire-followup-body">
      <p className="mt-0 mb-2">
        {task.urgent ? <Badge variant="error">{t('myDay.urgent')}</Badge> : null}
        {task.overdue ? <Badge variant="warning">{t('myDay.taskOverdue')}</Badge> : null}{' '}
        <span className="weight-semibold">{label}</span>
      </p>
      <p className="spire-muted mt-0 mb-0">
        {task.personName ? t('screening.about', { name: task.personName }) : null}
        {t('screening.taskMeta', { date: formatDate(task.dueOn), name: task.assignee.name })}
      </p>
      {task.suggestions.length > 0 ? (
        <p className="mt-3 mb-0">
          {t('screening.suggested', { steps: task.suggestions.map((s) => t(`nextStep.${s}`)).join(', ') })}
        </p>
      ) : null}
      {onComplete ? (
        <button type="button" className="button button-secondary mt-4" onClick={onComplete}>
          {t('screening.completeTask')}
          <span className="sr-only"> {t('screening.forWhat', { what: label })}</span>
        </button>
      ) : null}
    </div>
  );
}

function ClosedTable({ tasks, flags }: { tasks: Task[]; flags: Flag[] }) {
  const { t } = useTranslation();
  const rows = [
    ...flags.map((f) => ({
      id: f.id,
      what: t(`flagKind.${f.kind}`, { defaultValue: f.kind }),
      when: f.resolvedAt,
      by: f.resolvedBy?.name ?? null,
      note: f.resolutionNote,
      decision: null as NextStep[] | null,
    })),
    ...tasks.map((x) => ({
      id: x.id,
      what: t(`taskKind.${x.kind}`, { defaultValue: x.kind }),
      when: x.completedAt,
      by: x.completedBy?.name ?? null,
      note: x.note,
      decision: x.decision,
    })),
  ].sort((a, b) => ((a.when ?? '') < (b.when ?? '') ? 1 : -1));
  return (
    <DataTable
      caption={t('screening.closedCaption')}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: 'what', header: t('screening.colWhat'), rowHeader: true, render: (r) => r.what },
        { key: 'when', header: t('screening.colClosed'), className: 'spire-nowrap', render: (r) => formatDateTimeShort(r.when) || t('common.none') },
        { key: 'by', header: t('screening.colBy'), render: (r) => r.by ?? t('common.none') },
        {
          key: 'note',
          header: t('screening.colNote'),
          render: (r) => (
            <>
              {r.decision?.length ? <span className="spire-fact-sub">{r.decision.map((s) => t(`nextStep.${s}`)).join(', ')}</span> : null}
              <span className="spire-prewrap">{r.note ?? ''}</span>
            </>
          ),
        },
      ]}
    />
  );
}

/** The next steps a task can record: a decision task's suggestions, the EPDS pathways (rule E6), else none. */
function stepsFor(task: Task): NextStep[] {
  if (task.kind === 'decision') {
    const base: NextStep[] = task.suggestions.length > 0 ? task.suggestions : ['extra_visits', 'referral', 'cross_professional_meeting'];
    return [...base, ...(['no_further_action', 'other'] as const).filter((s) => !base.includes(s))];
  }
  if (task.kind === 'epds_rescreen' || task.kind === 'epds_urgent') {
    return ['rescreen', 'gp_referral', 'psychologist_referral', 'municipal_offer', 'group_course', 'no_further_action', 'other'];
  }
  return [];
}

const TASK_FIELDS = ['decision', 'note'] as const;

function CompleteTaskDialog({
  task,
  onClose,
  onDone,
  onFailed,
}: {
  task: Task | null;
  onClose: () => void;
  onDone: () => void;
  onFailed: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('complete-task', TASK_FIELDS);
  const [note, setNote] = useState('');
  const [decision, setDecision] = useState<NextStep[]>([]);
  const { clear } = form;
  useEffect(() => {
    if (!task) return;
    setNote('');
    setDecision([]);
    clear();
  }, [task, clear]);
  const mutation = useMutation({
    mutationFn: (x: Task) => completeTask(x, note.trim(), decision.length > 0 || x.kind === 'decision' ? decision : undefined),
    onSuccess: () => onDone(),
    onError: (err) => {
      if (!form.failFromApi(err)) onFailed(err);
    },
  });
  const steps = task ? stepsFor(task) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!task) return;
    const errors = {
      decision: task.kind === 'decision' && decision.length === 0 ? t('screening.decisionRequired') : '',
      note: note.trim() ? '' : t('screening.noteRequired'),
    };
    if (form.fail(errors)) return;
    mutation.mutate(task);
  };
  const toggle = (step: NextStep, on: boolean) => setDecision((d) => (on ? [...d, step] : d.filter((s) => s !== step)));
  return (
    <Modal open={task !== null} title={task ? t('screening.completeTitle', { what: t(`taskKind.${task.kind}`) }) : ''} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        {task ? (
          <p>
            {task.childName}
            {task.personName ? ` · ${task.personName}` : ''} · {t('myDay.taskDue', { date: formatDate(task.dueOn) })}
          </p>
        ) : null}
        {task?.kind === 'adbb_repeat' ? <p>{t('screening.repeatHint')}</p> : null}
        {steps.length > 0 ? (
          <div className={`form-group${form.errors.decision ? ' form-error' : ''}`}>
            <fieldset aria-describedby={form.errors.decision ? `${form.id('decision')}-error` : undefined}>
              <legend className="form-label">
                {t('screening.decision')}
                {task?.kind === 'decision' ? null : <span className="weight-normal">{t('common.optional')}</span>}
              </legend>
              {form.errors.decision ? (
                <span className="form-error-message" id={`${form.id('decision')}-error`}>
                  <span className="sr-only">{t('common.errorPrefix')}</span>
                  {form.errors.decision}
                </span>
              ) : null}
              {steps.map((step, i) => (
                <CheckboxField
                  key={step}
                  id={i === 0 ? form.id('decision') : `${form.id('decision')}-${step}`}
                  label={
                    task?.suggestions.includes(step) ? `${t(`nextStep.${step}`)} ${t('screening.suggestedMark')}` : t(`nextStep.${step}`)
                  }
                  checked={decision.includes(step)}
                  onChange={(on) => toggle(step, on)}
                />
              ))}
            </fieldset>
          </div>
        ) : null}
        <TextAreaField
          id={form.id('note')}
          label={t('screening.note')}
          hint={t('screening.noteHint')}
          value={note}
          onChange={setNote}
          error={form.errors.note}
          rows={4}
          maxLength={4000}
          required
        />
        <FormActions pending={mutation.isPending} submitLabel={t('screening.completeTask')} onCancel={onClose} cancelStyle="secondary" />
      </form>
    </Modal>
  );
}

const FLAG_FIELDS = ['note'] as const;

function ResolveFlagDialog({
  flag,
  onClose,
  onDone,
  onFailed,
}: {
  flag: Flag | null;
  onClose: () => void;
  onDone: () => void;
  onFailed: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('resolve-flag', FLAG_FIELDS);
  const [note, setNote] = useState('');
  const { clear } = form;
  useEffect(() => {
    if (!flag) return;
    setNote('');
    clear();
  }, [flag, clear]);
  const mutation = useMutation({
    mutationFn: (f: Flag) => resolveFlag(f, note.trim()),
    onSuccess: () => onDone(),
    onError: (err) => {
      if (!form.failFromApi(err)) onFailed(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!flag) return;
    if (form.fail({ note: note.trim() ? '' : t('screening.flagNoteRequired') })) return;
    mutation.mutate(flag);
  };
  return (
    <Modal open={flag !== null} title={flag ? t('screening.resolveTitle', { what: t(`flagKind.${flag.kind}`) }) : ''} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        {flag ? (
          <p>
            {flag.childName}
            {flag.personName ? ` · ${flag.personName}` : ''}
          </p>
        ) : null}
        <TextAreaField
          id={form.id('note')}
          label={t('screening.flagNote')}
          hint={t('screening.flagNoteHint')}
          value={note}
          onChange={setNote}
          error={form.errors.note}
          rows={4}
          maxLength={4000}
          required
        />
        <FormActions pending={mutation.isPending} submitLabel={t('screening.resolveFlag')} onCancel={onClose} cancelStyle="secondary" />
      </form>
    </Modal>
  );
}

// ---- Recording ------------------------------------------------------------------------------

const ANSWER_FIELDS = Array.from({ length: 10 }, (_, i) => `answers.${i}`);
const RECORD_FIELDS = [
  'instrument',
  'observedOn',
  'respondentId',
  'respondentRole',
  'timepoint',
  'pregnancyWeek',
  'language',
  'answers',
  ...ANSWER_FIELDS,
  'visitId',
  'answerFormat',
] as const;

function hasValidAdbb(certs: { kind: string; validFrom: string; validUntil: string | null }[], on: string) {
  return certs.some((c) => c.kind === 'adbb' && c.validFrom <= on && (c.validUntil === null || c.validUntil >= on));
}

function RecordSection({ child, tasks }: { child: ChildDetail; tasks: Task[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useFormErrors('screening', RECORD_FIELDS);
  usePageSummary(form);
  const [open, setOpen] = useState(false);
  const [instrument, setInstrument] = useState<InstrumentId | ''>('');
  const [observedOn, setObservedOn] = useState(todayIso());
  const [visitId, setVisitId] = useState('');
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [respondentId, setRespondentId] = useState('');
  const [respondentRole, setRespondentRole] = useState<RespondentRole | ''>('');
  const [timepoint, setTimepoint] = useState<Timepoint | ''>(child.status === 'expected' ? 'pregnancy' : 'postnatal');
  const [pregnancyWeek, setPregnancyWeek] = useState('');
  const [language, setLanguage] = useState(i18n.language === 'en' ? 'en' : 'da');
  const [refusal, setRefusal] = useState<{ title: string; key: number } | null>(null);
  const [result, setResult] = useState<RecordedScreening | null>(null);

  const instruments = useQuery({ queryKey: screeningKeys.instruments(language), queryFn: () => listInstruments(language) });
  const visits = useQuery({ queryKey: visitKeys.visits(child.id), queryFn: () => listVisits(child.id), enabled: open });
  const def = instruments.data?.find((i) => i.id === instrument);
  const parents = child.relations;

  const choose = (id: InstrumentId) => {
    setInstrument(id);
    const d = instruments.data?.find((i) => i.id === id);
    setAnswers(d ? d.items.map(() => null) : []);
    setRefusal(null);
    form.clear();
  };

  const mutation = useMutation({
    mutationFn: (body: RecordScreeningInput) => recordScreening(child.id, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.child(child.id) });
      void queryClient.invalidateQueries({ queryKey: screeningKeys.tasks(child.id) });
      void queryClient.invalidateQueries({ queryKey: screeningKeys.flags(child.id) });
      void queryClient.invalidateQueries({ queryKey: myDayKeys.myDay });
      setResult(saved);
      setOpen(false);
      setInstrument('');
      setAnswers([]);
      setRefusal(null);
      form.clear();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 403) {
        // Not a field error: the recorder may not record this instrument at all (rule A6).
        form.clear();
        setRefusal({ title: err.title, key: Date.now() });
        return;
      }
      if (form.failFromApi(err)) return;
      setRefusal({ title: err instanceof ApiError ? err.title : t('errors.unexpectedText'), key: Date.now() });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    const errors: Record<string, string> = {
      instrument: instrument ? '' : t('screening.instrumentRequired'),
      observedOn: !observedOn ? t('screening.dateRequired') : observedOn > todayIso() ? t('screening.dateInFuture') : '',
    };
    if (def && instrument !== 'epds') {
      def.items.forEach((item, i) => {
        if (answers[i] === null || answers[i] === undefined) {
          errors[`answers.${i}`] = t('screening.itemRequired', { number: item.number, topic: topic(item) });
        }
      });
    }
    if (instrument === 'epds') {
      errors.respondentId = respondentId ? '' : t('screening.respondentRequired');
      errors.respondentRole = respondentRole ? '' : t('screening.roleRequired');
      errors.timepoint = timepoint ? '' : t('screening.timepointRequired');
      const week = Number(pregnancyWeek);
      errors.pregnancyWeek =
        timepoint === 'pregnancy' && !(Number.isInteger(week) && week >= 1 && week <= 45) ? t('screening.weekRequired') : '';
    }
    if (form.fail(errors) || !instrument) return;
    const body: RecordScreeningInput = { instrument, observedOn, answers, visitId: visitId || null };
    if (instrument === 'epds') {
      body.respondentId = respondentId;
      body.respondentRole = respondentRole as RespondentRole;
      body.timepoint = timepoint as Timepoint;
      if (timepoint === 'pregnancy') body.pregnancyWeek = Number(pregnancyWeek);
      body.language = language;
    }
    mutation.mutate(body);
  };

  const start = () => {
    setResult(null);
    setRefusal(null);
    setObservedOn(todayIso());
    setVisitId('');
    setInstrument('');
    setAnswers([]);
    form.clear();
    setOpen(true);
  };

  const certifiedToday = hasValidAdbb(me.certifications, observedOn || todayIso());
  const unanswered = instrument === 'epds' ? answers.filter((a) => a === null).length : 0;
  const languages = [...new Set(['da', 'en', ...(instruments.data?.find((i) => i.id === 'epds')?.textLanguages ?? [])])];
  const recent = [...(visits.data ?? [])]
    .filter((v) => v.status !== 'cancelled')
    .sort((a, b) => (a.plannedAt < b.plannedAt ? 1 : -1))
    .slice(0, 10);

  return (
    <Section
      id="screening-record"
      title={t('screening.recordHeading')}
      actions={
        !open ? (
          <button type="button" className="button button-primary" onClick={start}>
            {t('screening.newScreening')}
          </button>
        ) : null
      }
    >
      {result ? <ResultPanel result={result} tasks={tasks} onClose={() => setResult(null)} /> : null}
      {refusal ? (
        <Alert variant="error" heading={t('screening.refusedHeading')} announce focusKey={refusal.key} className="mb-6" onClose={() => setRefusal(null)}>
          <p className="alert-text">{refusal.title}</p>
          {instrument === 'adbb' ? <p className="alert-text">{t('screening.refusedAdbbHelp')}</p> : null}
        </Alert>
      ) : null}
      {!open && !result ? <p className="spire-muted">{t('screening.recordIntro')}</p> : null}
      {open ? (
        <form onSubmit={submit} noValidate className="spire-inline-form spire-screening-form">
          <h3 className="h4 mt-0">{t('screening.newScreening')}</h3>
          {instruments.isPending ? <Spinner /> : null}
          {instruments.isError ? (
            <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} headingLevel={3} />
          ) : null}
          {instruments.data ? (
            <>
              <RadioGroupField
                id={form.id('instrument')}
                legend={t('screening.instrument')}
                value={instrument}
                onChange={(v) => choose(v as InstrumentId)}
                error={form.errors.instrument}
                options={instruments.data.map((i) => ({ value: i.id, label: `${instrumentName(i)} – ${t(`screening.instrumentHint.${i.id}`)}` }))}
              />
              {instrument === 'adbb' && !certifiedToday ? (
                <Alert variant="warning" announce={false} className="mt-4">
                  <p className="alert-text">{t('screening.notCertifiedHint')}</p>
                </Alert>
              ) : null}
              {def?.ageRangeMonths && child.ageMonths !== null ? (
                <p className="form-hint mt-3">
                  {t('screening.ageRange', { min: def.ageRangeMonths.min, max: def.ageRangeMonths.max, age: ageText(child.ageMonths, t) })}
                </p>
              ) : null}
              {instrument ? (
                <>
                  <div className="spire-inline-fields">
                    <TextField
                      id={form.id('observedOn')}
                      type="date"
                      label={instrument === 'epds' ? t('screening.answeredOn') : t('screening.observedOn')}
                      value={observedOn}
                      onChange={setObservedOn}
                      error={form.errors.observedOn}
                      max={todayIso()}
                      width="s"
                      required
                    />
                    <SelectField
                      id={form.id('visitId')}
                      label={t('screening.visit')}
                      value={visitId}
                      onChange={setVisitId}
                      placeholder={t('screening.noVisit')}
                      options={recent.map((v) => ({
                        value: v.id,
                        label: `${formatDate(danishDateOf(v.plannedAt))} ${formatTime(danishTimeOf(v.plannedAt))} · ${t(`visitKind.${v.kind}`)}`,
                      }))}
                      error={form.errors.visitId}
                      optional
                    />
                  </div>
                  {instrument === 'epds' ? (
                    <EpdsRespondent
                      form={form}
                      parents={parents}
                      respondentId={respondentId}
                      setRespondentId={(v) => {
                        setRespondentId(v);
                        const rel = parents.find((p) => p.adultId === v);
                        const role = rel ? ROLE_OF_RELATION[rel.relation] : undefined;
                        if (role) setRespondentRole(role);
                      }}
                      respondentRole={respondentRole}
                      setRespondentRole={setRespondentRole}
                      timepoint={timepoint}
                      setTimepoint={setTimepoint}
                      pregnancyWeek={pregnancyWeek}
                      setPregnancyWeek={setPregnancyWeek}
                      language={language}
                      setLanguage={setLanguage}
                      languages={languages}
                    />
                  ) : null}
                  {def ? (
                    <ItemScores
                      form={form}
                      instrument={def}
                      answers={answers}
                      setAnswer={(i, v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
                    />
                  ) : null}
                  {instrument === 'epds' && unanswered > 0 ? (
                    <p className="mt-5">{t('screening.unanswered', { count: unanswered })}</p>
                  ) : null}
                  <FormActions pending={mutation.isPending} submitLabel={t('screening.save')} onCancel={() => setOpen(false)} />
                </>
              ) : null}
            </>
          ) : null}
        </form>
      ) : null}
    </Section>
  );
}

function EpdsRespondent(props: {
  form: ReturnType<typeof useFormErrors>;
  parents: ChildDetail['relations'];
  respondentId: string;
  setRespondentId: (v: string) => void;
  respondentRole: RespondentRole | '';
  setRespondentRole: (v: RespondentRole) => void;
  timepoint: Timepoint | '';
  setTimepoint: (v: Timepoint) => void;
  pregnancyWeek: string;
  setPregnancyWeek: (v: string) => void;
  language: string;
  setLanguage: (v: string) => void;
  languages: string[];
}) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <>
      <SelectField
        id={form.id('respondentId')}
        label={t('screening.respondent')}
        hint={t('screening.respondentHint')}
        value={props.respondentId}
        onChange={props.setRespondentId}
        placeholder={t('screening.chooseRespondent')}
        options={props.parents.map((p) => ({ value: p.adultId, label: `${p.name} (${t(`relation.${p.relation}`)})` }))}
        error={form.errors.respondentId}
      />
      <RadioGroupField
        id={form.id('respondentRole')}
        legend={t('screening.role')}
        value={props.respondentRole}
        onChange={(v) => props.setRespondentRole(v as RespondentRole)}
        error={form.errors.respondentRole}
        options={(['mother', 'father', 'co_parent'] as const).map((r) => ({ value: r, label: t(`respondentRole.${r}`) }))}
      />
      <RadioGroupField
        id={form.id('timepoint')}
        legend={t('screening.timepoint')}
        value={props.timepoint}
        onChange={(v) => props.setTimepoint(v as Timepoint)}
        error={form.errors.timepoint}
        options={(['pregnancy', 'postnatal'] as const).map((v) => ({ value: v, label: t(`timepoint.${v}`) }))}
      />
      {props.timepoint === 'pregnancy' ? (
        <TextField
          id={form.id('pregnancyWeek')}
          label={t('screening.pregnancyWeek')}
          hint={t('screening.pregnancyWeekHint')}
          value={props.pregnancyWeek}
          onChange={props.setPregnancyWeek}
          error={form.errors.pregnancyWeek}
          inputMode="numeric"
          width="xs"
          required
        />
      ) : null}
      <SelectField
        id={form.id('language')}
        label={t('screening.language')}
        hint={t('screening.languageHint')}
        value={props.language}
        onChange={props.setLanguage}
        options={props.languages.map((l) => ({ value: l, label: languageName(l) }))}
        error={form.errors.language}
      />
    </>
  );
}

/**
 * One fieldset per item: "1. Ansigtsudtryk" with the scores as radio buttons. With licensed
 * texts loaded, the legend is the item's wording and the options its response labels in printed
 * order (each stored as its scored value, so reverse-scored items cannot be mis-scored).
 */
function ItemScores({
  form,
  instrument,
  answers,
  setAnswer,
}: {
  form: ReturnType<typeof useFormErrors>;
  instrument: Instrument;
  answers: (number | null)[];
  setAnswer: (index: number, value: number | null) => void;
}) {
  const { t } = useTranslation();
  const nullable = instrument.id === 'epds';
  const licensed = instrument.items.some((i) => i.text);
  return (
    <div className="mt-6">
      <h4 className="h5 mb-2">{t('screening.itemsHeading', { count: instrument.items.length })}</h4>
      <p className="form-hint mt-0">
        {licensed && instrument.texts
          ? t('screening.licensedTexts', { version: instrument.texts.version, language: languageName(instrument.texts.language) })
          : t(`screening.itemsHint.${instrument.id}`)}
      </p>
      {instrument.items.map((item, index) => {
        const field = `answers.${index}`;
        const id = form.id(field);
        const error = form.errors[field];
        const scores = Array.from({ length: item.maxScore - item.minScore + 1 }, (_, k) => item.minScore + k);
        // Printed order: reverse-scored items list the highest score first.
        const printed = item.options && item.options.length === scores.length ? (item.reverseScored ? [...scores].reverse() : scores) : scores;
        const options = printed.map((score, position) => ({
          value: String(score),
          label: item.options && item.options.length === scores.length ? item.options[position] : String(score),
        }));
        if (nullable) options.unshift({ value: '', label: t('screening.notAnswered') });
        const value = answers[index];
        const legend = item.text ? `${item.number}. ${item.text}` : t('screening.itemLegend', { number: item.number, topic: topic(item) });
        return (
          <div key={item.number} className={`form-group spire-score-item${error ? ' form-error' : ''}`}>
            <fieldset aria-describedby={error ? `${id}-error` : undefined}>
              <legend className="form-label">{legend}</legend>
              {error ? (
                <span className="form-error-message" id={`${id}-error`}>
                  <span className="sr-only">{t('common.errorPrefix')}</span>
                  {error}
                </span>
              ) : null}
              <div className={`spire-score-options${item.options ? ' spire-score-options-text' : ''}`}>
                {options.map((o, i) => {
                  const optionId = i === 0 ? id : `${id}-${o.value || 'none'}`;
                  const checked = o.value === '' ? value === null : value === Number(o.value);
                  return (
                    <div className="form-group-radio" key={o.value || 'none'}>
                      <input
                        type="radio"
                        className="form-radio"
                        id={optionId}
                        name={id}
                        value={o.value}
                        checked={checked && (o.value !== '' || nullable)}
                        onChange={() => setAnswer(index, o.value === '' ? null : Number(o.value))}
                      />
                      <label className="form-label" htmlFor={optionId}>
                        {o.label}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        );
      })}
    </div>
  );
}

/** What the saved screening showed and set in motion. */
function ResultPanel({ result, tasks, onClose }: { result: RecordedScreening; tasks: Task[]; onClose: () => void }) {
  const { t } = useTranslation();
  const name = t(`instrumentShort.${result.instrument}`);
  const created = tasks.filter((x) => result.followUp.taskIds.includes(x.id));
  const variant = result.urgent ? 'error' : result.positive ? 'warning' : 'success';
  return (
    <Alert
      variant={variant}
      heading={t('screening.savedHeading', { name })}
      announce
      focusKey={result.id}
      className="mb-6"
      onClose={onClose}
    >
      <p className="alert-text">
        {result.total === null
          ? t('screening.noTotal', { count: result.answers.filter((a) => a === null).length })
          : t('screening.totalText', { total: result.total, max: maxOf(result.instrument), cutOff: result.threshold })}{' '}
        <strong>{resultLabel(result, t)}</strong>
      </p>
      {result.urgent ? <p className="alert-text weight-semibold">{t('screening.urgentText')}</p> : null}
      {result.followUp.taskIds.length > 0 ? (
        <>
          <p className="alert-text mb-0">{t('screening.tasksCreated', { count: result.followUp.taskIds.length })}</p>
          <ul className="alert-text">
            {created.map((x) => (
              <li key={x.id}>
                {t(`taskKind.${x.kind}`)} – {t('screening.taskMeta', { date: formatDate(x.dueOn), name: x.assignee.name })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.followUp.completedTaskIds.length > 0 ? (
        <p className="alert-text">{t('screening.tasksClosed', { count: result.followUp.completedTaskIds.length })}</p>
      ) : null}
    </Alert>
  );
}

const maxOf = (id: InstrumentId) => (id === 'adbb' ? 32 : id === 'm-adbb' ? 10 : 30);

function resultLabel(s: Screening, t: ReturnType<typeof useTranslation>['t']) {
  if (s.urgent && s.positive !== true) return t('screening.resultUrgent');
  if (s.positive === null) return t('screening.resultIncomplete');
  return s.positive ? t('screening.resultPositive') : t('screening.resultNegative');
}

// ---- Trajectories ---------------------------------------------------------------------------

function Trajectories({ data }: { data: ChildScreenings }) {
  const { t } = useTranslation();
  const nothing = data.adbb.items.length === 0 && data.mAdbb.items.length === 0 && data.epds.respondents.length === 0;
  if (nothing) return <EmptyState title={t('screening.noScreenings')}>{t('screening.noScreeningsText')}</EmptyState>;
  return (
    <>
      <AdbbTrajectory id="adbb" title={t('screening.adbbHeading')} series={data.adbb} maxMonths={24} />
      {data.mAdbb.items.length > 0 ? (
        <AdbbTrajectory id="madbb" title={t('screening.mAdbbHeading')} series={data.mAdbb} maxMonths={24} />
      ) : null}
      {data.epds.respondents.map((r) => (
        <EpdsTrajectory key={`${r.personId}-${r.role}`} respondent={r} maxTotal={data.epds.maxTotal} />
      ))}
    </>
  );
}

function AdbbTrajectory({
  id,
  title,
  series,
  maxMonths,
}: {
  id: string;
  title: string;
  series: ChildScreenings['adbb'];
  maxMonths: number;
}) {
  const { t } = useTranslation();
  const caption = t('screening.tableCaption', { title });
  return (
    <section className="spire-trajectory" aria-labelledby={`trajectory-${id}`}>
      <h3 id={`trajectory-${id}`} className="h4">
        {title}
      </h3>
      {series.items.length === 0 ? (
        <p className="spire-muted">{t('screening.noneYet')}</p>
      ) : (
        <div className="row">
          <div className="col-12 col-lg-6">
            <ScoreChart
              title={t('screening.chartTitle', { title, cutOff: series.cutOff })}
              xLabel={t('screening.axisAge')}
              yLabel={t('screening.axisTotal')}
              xMin={0}
              xMax={maxMonths}
              xTicks={[0, 2, 4, 6, 8, 12, 18, 24].filter((x) => x <= maxMonths)}
              formatX={(x) => String(x)}
              yMax={series.maxTotal}
              cutOff={series.cutOff}
              cutOffLabel={t('screening.cutOffLine', { value: series.cutOff })}
              points={series.items
                .filter((s) => s.total !== null && s.ageMonths !== null)
                .map((s) => ({ key: s.id, x: s.ageMonths as number, y: s.total as number, alert: s.positive === true }))}
            />
          </div>
          <div className="col-12 col-lg-6">
            <DataTable<Screening>
              caption={caption}
              compact
              rows={series.items}
              rowKey={(s) => s.id}
              columns={[
                { key: 'date', header: t('screening.colDate'), rowHeader: true, className: 'spire-nowrap', render: (s) => formatDate(s.observedOn) },
                { key: 'age', header: t('screening.colAge'), numeric: true, render: (s) => (s.ageMonths === null ? t('common.none') : String(s.ageMonths)) },
                { key: 'total', header: t('screening.colTotal'), numeric: true, render: (s) => (s.total === null ? t('common.none') : String(s.total)) },
                { key: 'result', header: t('screening.colResult'), render: (s) => <ResultBadge s={s} /> },
                { key: 'by', header: t('screening.colBy'), render: (s) => s.recordedBy.name },
              ]}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function EpdsTrajectory({
  respondent,
  maxTotal,
}: {
  respondent: ChildScreenings['epds']['respondents'][number];
  maxTotal: number;
}) {
  const { t } = useTranslation();
  const title = t('screening.epdsHeading', { name: respondent.name, role: t(`respondentRole.${respondent.role}`).toLowerCase() });
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const items = respondent.items;
  const first = items.length ? day(items[0].observedOn) : 0;
  const last = items.length ? day(items[items.length - 1].observedOn) : 0;
  const span = Math.max(last - first, 14);
  const ticks = items.length > 6 ? [first, first + span / 2, first + span] : items.map((s) => day(s.observedOn));
  const fromDay = (d: number) => formatDate(new Date(Math.round(d) * 86_400_000).toISOString().slice(0, 10));
  return (
    <section className="spire-trajectory" aria-labelledby={`trajectory-${respondent.personId}-${respondent.role}`}>
      <h3 id={`trajectory-${respondent.personId}-${respondent.role}`} className="h4">
        {title}
      </h3>
      <div className="row">
        <div className="col-12 col-lg-6">
          <ScoreChart
            title={t('screening.chartTitle', { title, cutOff: respondent.cutOff })}
            xLabel={t('screening.axisDate')}
            yLabel={t('screening.axisTotal')}
            xMin={last === first ? first - 7 : first - span * 0.08}
            xMax={last === first ? first + 7 : last + span * 0.08}
            xTicks={[...new Set(ticks)]}
            formatX={fromDay}
            yMax={maxTotal}
            cutOff={respondent.cutOff}
            cutOffLabel={t('screening.cutOffLine', { value: respondent.cutOff })}
            points={items
              .filter((s) => s.total !== null)
              .map((s) => ({ key: s.id, x: day(s.observedOn), y: s.total as number, alert: s.positive === true || s.urgent }))}
          />
        </div>
        <div className="col-12 col-lg-6">
          <DataTable<Screening>
            caption={t('screening.tableCaption', { title })}
            compact
            rows={items}
            rowKey={(s) => s.id}
            columns={[
              { key: 'date', header: t('screening.colDate'), rowHeader: true, className: 'spire-nowrap', render: (s) => formatDate(s.observedOn) },
              {
                key: 'when',
                header: t('screening.colTimepoint'),
                render: (s) =>
                  s.timepoint === 'pregnancy'
                    ? t('screening.inPregnancy', { week: s.pregnancyWeek ?? '' })
                    : t('screening.afterBirth', { age: s.ageMonths ?? 0 }),
              },
              { key: 'total', header: t('screening.colTotal'), numeric: true, render: (s) => (s.total === null ? t('screening.incomplete') : String(s.total)) },
              { key: 'item10', header: t('screening.colItem10'), numeric: true, render: (s) => (s.answers[9] === null || s.answers[9] === undefined ? t('common.none') : String(s.answers[9])) },
              { key: 'result', header: t('screening.colResult'), render: (s) => <ResultBadge s={s} /> },
            ]}
          />
        </div>
      </div>
    </section>
  );
}

function ResultBadge({ s }: { s: Screening }) {
  const { t } = useTranslation();
  return (
    <>
      {s.urgent ? <Badge variant="error">{t('screening.resultUrgent')}</Badge> : null}
      {s.urgent && s.positive !== null ? ' ' : null}
      {s.positive === null ? (
        s.urgent ? null : (
          <Badge>{t('screening.resultIncomplete')}</Badge>
        )
      ) : s.positive ? (
        <Badge variant="warning">{t('screening.resultPositive')}</Badge>
      ) : (
        <Badge variant="success">{t('screening.resultNegative')}</Badge>
      )}
    </>
  );
}
