import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type CourseDetail, declinePlace, type Participant, type Session, updateCourse, updateSession } from '../../api/offers';
import { listColleagues, wellbeingKeys } from '../../api/wellbeing';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions } from '../../components/FormActions';
import { CheckboxField, TextAreaField, TextField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { Spinner } from '../../components/Spinner';
import { useFormErrors } from '../../forms';

/** Whether an error is a 409 (someone else changed the thing meanwhile). */
const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const whole = (v: string) => /^\d+$/.test(v.trim()) && Number(v) > 0;

/** A heading ref that takes focus when the form opens (the button that opened it may disappear). */
function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

const COURSE_FIELDS = ['place', 'capacity', 'facilitatorIds'] as const;

/**
 * "Redigér forløb": place, capacity and facilitators. The server checks the facilitators'
 * certification on every session date (errors by name next to the field); more capacity
 * offers the freed places to the next in line, which `onDone` reports.
 */
export function EditCourseForm({ course, onClose, onDone, onConflict }: { course: CourseDetail; onClose: () => void; onDone: (text: string) => void; onConflict: (text: string) => void }) {
  const { t } = useTranslation();
  const [place, setPlace] = useState(course.place);
  const [capacity, setCapacity] = useState(String(course.capacity));
  const [facilitatorIds, setFacilitatorIds] = useState<string[]>(course.facilitators.map((f) => f.id));
  const [alert, setAlert] = useState<string | null>(null);
  const form = useFormErrors('course-edit', COURSE_FIELDS);
  const heading = useFocusOnOpen();
  const colleagues = useQuery({ queryKey: wellbeingKeys.colleagues(course.unit.id), queryFn: () => listColleagues(course.unit.id) });
  const people = [...course.facilitators, ...(colleagues.data ?? []).filter((p) => !course.facilitators.some((f) => f.id === p.id))];

  const mutation = useMutation({
    mutationFn: () => updateCourse(course.id, { version: course.version, place: place.trim(), capacity: Number(capacity), facilitatorIds }),
    onSuccess: (next) => {
      const before = new Set(course.roster.filter((p) => p.state === 'offered').map((p) => p.id));
      const newlyOffered = next.roster.filter((p) => p.state === 'offered' && !before.has(p.id)).map((p) => p.child.name);
      onDone(
        newlyOffered.length > 0
          ? t('offers.edit.savedOffered', { count: newlyOffered.length, names: newlyOffered.join(', ') })
          : t('offers.edit.saved'),
      );
    },
    onError: (e) => {
      if (isConflict(e)) onConflict(t('offers.edit.conflict'));
      else if (!form.failFromApi(e)) setAlert(message(e));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const failed = form.fail({
      place: place.trim() ? '' : t('offers.courses.errors.place'),
      capacity: whole(capacity) ? '' : t('offers.courses.errors.number'),
      facilitatorIds: facilitatorIds.length ? '' : t('offers.courses.errors.facilitators'),
    });
    if (!failed) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="spire-panel mt-5" aria-labelledby="course-edit-heading">
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h2 id="course-edit-heading" ref={heading} tabIndex={-1}>{t('offers.edit.heading')}</h2>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <TextField id={form.id('place')} label={t('offers.col.place')} hint={t('offers.courses.placeHint')} value={place} onChange={setPlace} error={form.errors.place} />
      <TextField
        id={form.id('capacity')}
        inputMode="numeric"
        width="xs"
        label={t('offers.courses.capacity')}
        hint={t('offers.edit.capacityHint', { waiting: course.counts.waiting })}
        value={capacity}
        onChange={setCapacity}
        error={form.errors.capacity}
      />
      <fieldset className={`form-group${form.errors.facilitatorIds ? ' form-error' : ''}`} aria-describedby={form.errors.facilitatorIds ? `${form.id('facilitatorIds')}-error` : 'course-edit-facilitators-hint'}>
        <legend className="form-label">{t('offers.courses.facilitators')}</legend>
        <span className="form-hint" id="course-edit-facilitators-hint">
          {t('offers.courses.facilitatorsHint')}
        </span>
        {form.errors.facilitatorIds ? (
          <span className="form-error-message" id={`${form.id('facilitatorIds')}-error`}>
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {form.errors.facilitatorIds}
          </span>
        ) : null}
        {colleagues.isPending ? <Spinner /> : null}
        {people.map((p, i) => (
          <CheckboxField
            key={p.id}
            id={i === 0 ? form.id('facilitatorIds') : `course-edit-facilitator-${p.id}`}
            label={p.name}
            checked={facilitatorIds.includes(p.id)}
            onChange={(checked) => setFacilitatorIds((ids) => (checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))}
          />
        ))}
      </fieldset>
      <FormActions pending={mutation.isPending} submitLabel={t('offers.edit.save')} onCancel={onClose} />
    </form>
  );
}

const SESSION_FIELDS = ['date', 'startTime', 'durationMinutes', 'topic'] as const;

/** "Redigér" for one session: date, start time, duration and topic (versioned; 409 reloads the course). */
export function EditSessionForm({ session, onClose, onDone, onConflict }: { session: Session; onClose: () => void; onDone: (text: string) => void; onConflict: (text: string) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(session.date);
  const [startTime, setStartTime] = useState(session.startTime.slice(0, 5));
  const [duration, setDuration] = useState(String(session.durationMinutes));
  const [topic, setTopic] = useState(session.topic ?? '');
  const [alert, setAlert] = useState<string | null>(null);
  const form = useFormErrors('session-edit', SESSION_FIELDS);
  const heading = useFocusOnOpen();
  const mutation = useMutation({
    mutationFn: () => updateSession(session.id, { version: session.version, date, startTime, durationMinutes: Number(duration), topic: topic.trim() || null }),
    onSuccess: () => onDone(t('offers.sessionEdit.saved', { number: session.number })),
    onError: (e) => {
      if (isConflict(e)) onConflict(t('offers.sessionEdit.conflict', { number: session.number }));
      else if (!form.failFromApi(e)) setAlert(message(e));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const failed = form.fail({
      date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? '' : t('offers.sessionEdit.errors.date'),
      startTime: /^([01]\d|2[0-3]):[0-5]\d$/.test(startTime) ? '' : t('offers.courses.errors.startTime'),
      durationMinutes: whole(duration) && Number(duration) <= 600 ? '' : t('offers.sessionEdit.errors.duration'),
      topic: topic.trim().length > 300 ? t('offers.sessionEdit.errors.topic') : '',
    });
    if (!failed) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="spire-panel mt-5" aria-labelledby="session-edit-heading">
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h3 id="session-edit-heading" ref={heading} tabIndex={-1}>{t('offers.sessionEdit.heading', { number: session.number })}</h3>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <TextField id={form.id('date')} type="date" label={t('offers.sessionEdit.date')} value={date} onChange={setDate} error={form.errors.date} />
      <TextField id={form.id('startTime')} type="time" label={t('offers.courses.startTime')} value={startTime} onChange={setStartTime} error={form.errors.startTime} />
      <TextField id={form.id('durationMinutes')} inputMode="numeric" width="xs" label={t('offers.courses.duration')} value={duration} onChange={setDuration} error={form.errors.durationMinutes} />
      <TextField id={form.id('topic')} label={t('offers.sessionEdit.topic')} hint={t('offers.sessionEdit.topicHint')} value={topic} onChange={setTopic} error={form.errors.topic} />
      <FormActions pending={mutation.isPending} submitLabel={t('offers.sessionEdit.save')} onCancel={onClose} />
    </form>
  );
}

/**
 * "Tag af ventelisten": a DKFDS modal asking why a waiting family, or one offered a place,
 * no longer takes part; the place (if any) goes to the next in line.
 */
export function WithdrawModal({ participant, onClose, onDone, onConflict }: { participant: Participant; onClose: () => void; onDone: (text: string) => void; onConflict: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useFormErrors('withdraw', ['reason']);
  const mutation = useMutation({
    mutationFn: () => declinePlace(participant.id, participant.version, reason.trim()),
    onSuccess: (p) => onDone(participant.state === 'offered' ? t('offers.withdraw.doneOffered', { name: p.child.name }) : t('offers.withdraw.done', { name: p.child.name })),
    onError: (e) => {
      if (isConflict(e)) onConflict(t('offers.withdraw.conflict', { name: participant.child.name }));
      else if (!form.failFromApi(e)) form.fail({ reason: message(e) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.fail({ reason: reason.trim() ? '' : t('offers.withdraw.errors.reason') })) mutation.mutate();
  };
  return (
    <Modal
      open
      id="withdraw-modal"
      title={t('offers.withdraw.heading', { name: participant.child.name })}
      onClose={onClose}
    >
      <form id="withdraw-form" onSubmit={submit} noValidate>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <p>{participant.state === 'offered' ? t('offers.withdraw.leadOffered') : t('offers.withdraw.lead')}</p>
        <TextAreaField id={form.id('reason')} label={t('offers.course.reason')} hint={t('offers.withdraw.reasonHint')} value={reason} onChange={setReason} rows={3} error={form.errors.reason} />
        <FormActions pending={mutation.isPending} submitLabel={t('offers.withdraw.submit')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
