import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type CourseSummary, createCourse, getOffer, type OfferWithCourses, offerKeys } from '../../api/offers';
import { listColleagues, wellbeingKeys } from '../../api/wellbeing';
import { useMe } from '../../auth';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions } from '../../components/FormActions';
import { CheckboxField, SelectField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatTime, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { COURSE_FORMATS, useCertificationLabel, useMethodLabel, useTargetGroup } from './shared';

/** `/tilbud/:id`: an offer with its courses; staff of a unit that runs it can start a course. */
export function OfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const targetGroup = useTargetGroup();
  const methodLabel = useMethodLabel();
  const certLabel = useCertificationLabel();
  const [creating, setCreating] = useState(false);
  const offer = useQuery({ queryKey: offerKeys.offer(id), queryFn: () => getOffer(id) });

  if (offer.isPending) return <Spinner />;
  if (offer.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/tilbud">{t('offers.backToCatalogue')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />
      </>
    );
  }
  const o = offer.data;
  const runsCourses = (COURSE_FORMATS as readonly string[]).includes(o.format);
  return (
    <>
      <PageTitle title={o.name} />
      <BackLink to="/tilbud">{t('offers.backToCatalogue')}</BackLink>
      <h1>{o.name}</h1>
      {o.description ? <p className="font-lead">{o.description}</p> : null}
      <dl className="spire-facts">
        <div>
          <dt>{t('offers.col.targetGroup')}</dt>
          <dd>{targetGroup(o)}</dd>
        </div>
        <div>
          <dt>{t('offers.col.format')}</dt>
          <dd>{t(`offers.format.${o.format}`)}</dd>
        </div>
        <div>
          <dt>{t('offers.col.method')}</dt>
          <dd>{methodLabel(o.method)}</dd>
        </div>
        <div>
          <dt>{t('offers.col.units')}</dt>
          <dd>{o.units.map((u) => u.name).join(', ') || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('offers.col.certification')}</dt>
          <dd>{certLabel(o.requiredCertification)}</dd>
        </div>
        {o.minSessionsToComplete ? (
          <div>
            <dt>{t('offers.completionRule')}</dt>
            <dd>{t('offers.completionRuleText', { min: o.minSessionsToComplete, total: o.defaultSessionCount ?? o.minSessionsToComplete })}</dd>
          </div>
        ) : null}
      </dl>
      {runsCourses ? (
        <section aria-labelledby="offer-courses-heading" className="mt-7">
          <h2 id="offer-courses-heading">{t('offers.courses.heading')}</h2>
          {o.runByMyUnit && o.active && !creating ? (
            <p>
              <button type="button" className="button button-secondary" onClick={() => setCreating(true)}>
                {t('offers.courses.new')}
              </button>
            </p>
          ) : null}
          {creating ? <CourseForm offer={o} onClose={() => setCreating(false)} /> : null}
          {o.courses.length === 0 ? <EmptyState title={t('offers.courses.empty')} /> : <CourseTable courses={o.courses} />}
        </section>
      ) : (
        <p className="mt-6">{t('offers.courses.notCourses')}</p>
      )}
    </>
  );
}

/** The courses of an offer: start, place, places taken and waiting; a link for those who run the course. */
function CourseTable({ courses }: { courses: CourseSummary[] }) {
  const { t } = useTranslation();
  return (
    <DataTable<CourseSummary>
      caption={t('offers.courses.caption')}
      rows={courses}
      rowKey={(c) => c.id}
      columns={[
        {
          key: 'name',
          header: t('offers.col.course'),
          rowHeader: true,
          render: (c) => (c.runByMe ? <Link to={`/forloeb/${encodeURIComponent(c.id)}`}>{c.name}</Link> : c.name),
        },
        { key: 'start', header: t('offers.col.start'), render: (c) => `${formatDate(c.startDate)} ${formatTime(c.startTime)}` },
        { key: 'unit', header: t('offers.col.unit'), render: (c) => c.unit.name },
        { key: 'place', header: t('offers.col.place'), render: (c) => c.place },
        { key: 'facilitators', header: t('offers.col.facilitators'), render: (c) => c.facilitators.map((f) => f.name).join(', ') },
        {
          key: 'places',
          header: t('offers.col.places'),
          render: (c) =>
            c.finished ? (
              <Badge>{t('offers.courses.finished')}</Badge>
            ) : (
              t('offers.courses.placesText', { taken: c.capacity - c.counts.free, capacity: c.capacity, waiting: c.counts.waiting })
            ),
        },
      ]}
    />
  );
}

const FIELDS = ['unitId', 'place', 'startDate', 'startTime', 'capacity', 'sessionCount', 'durationMinutes', 'facilitatorIds'] as const;

/** Start a course: unit, place, start date and time, capacity, sessions, facilitators. */
function CourseForm({ offer, onClose }: { offer: OfferWithCourses; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const myUnits = offer.units.filter((u) => me.units.some((m) => m.id === u.id));
  const [unitId, setUnitId] = useState(myUnits[0]?.id ?? '');
  const [place, setPlace] = useState('');
  const [startDate, setStartDate] = useState(todayIso());
  const [startTime, setStartTime] = useState('09:30');
  const [capacity, setCapacity] = useState(String(offer.defaultCapacity ?? 8));
  const [sessionCount, setSessionCount] = useState(String(offer.defaultSessionCount ?? 1));
  const [durationMinutes, setDurationMinutes] = useState(String(offer.defaultSessionMinutes ?? 90));
  const [facilitatorIds, setFacilitatorIds] = useState<string[]>([me.id]);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useFormErrors('course', FIELDS);
  const colleagues = useQuery({ queryKey: wellbeingKeys.colleagues(unitId), queryFn: () => listColleagues(unitId), enabled: Boolean(unitId) });

  const mutation = useMutation({
    mutationFn: () =>
      createCourse(offer.id, {
        unitId,
        place: place.trim(),
        startDate,
        startTime,
        capacity: Number(capacity),
        sessionCount: Number(sessionCount),
        durationMinutes: Number(durationMinutes),
        facilitatorIds,
      }),
    onSuccess: (course) => {
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      navigate(`/forloeb/${encodeURIComponent(course.id)}`, { state: { flash: t('offers.courses.created', { name: course.name }) } });
    },
    onError: (error) => {
      if (!form.failFromApi(error)) setAlert(error instanceof Error ? error.message : String(error));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const whole = (v: string) => /^\d+$/.test(v) && Number(v) > 0;
    const failed = form.fail({
      unitId: unitId ? '' : t('offers.courses.errors.unit'),
      place: place.trim() ? '' : t('offers.courses.errors.place'),
      startDate: startDate ? '' : t('offers.courses.errors.startDate'),
      startTime: /^\d{2}:\d{2}$/.test(startTime) ? '' : t('offers.courses.errors.startTime'),
      capacity: whole(capacity) ? '' : t('offers.courses.errors.number'),
      sessionCount: whole(sessionCount) ? '' : t('offers.courses.errors.number'),
      durationMinutes: whole(durationMinutes) ? '' : t('offers.courses.errors.number'),
      facilitatorIds: facilitatorIds.length ? '' : t('offers.courses.errors.facilitators'),
    });
    if (!failed) mutation.mutate();
  };

  const people = colleagues.data ?? [];
  return (
    <form onSubmit={submit} noValidate className="spire-panel mb-6" aria-labelledby="course-form-heading">
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h3 id="course-form-heading">{t('offers.courses.formHeading')}</h3>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <SelectField
        id={form.id('unitId')}
        label={t('offers.col.unit')}
        value={unitId}
        onChange={setUnitId}
        options={myUnits.map((u) => ({ value: u.id, label: u.name }))}
        error={form.errors.unitId}
      />
      <TextField id={form.id('place')} label={t('offers.col.place')} hint={t('offers.courses.placeHint')} value={place} onChange={setPlace} error={form.errors.place} />
      <TextField id={form.id('startDate')} type="date" label={t('offers.courses.startDate')} hint={t('offers.courses.startDateHint')} value={startDate} onChange={setStartDate} error={form.errors.startDate} />
      <TextField id={form.id('startTime')} type="time" label={t('offers.courses.startTime')} value={startTime} onChange={setStartTime} error={form.errors.startTime} />
      <TextField id={form.id('capacity')} inputMode="numeric" width="xs" label={t('offers.courses.capacity')} value={capacity} onChange={setCapacity} error={form.errors.capacity} />
      <TextField id={form.id('sessionCount')} inputMode="numeric" width="xs" label={t('offers.courses.sessionCount')} value={sessionCount} onChange={setSessionCount} error={form.errors.sessionCount} />
      <TextField id={form.id('durationMinutes')} inputMode="numeric" width="xs" label={t('offers.courses.duration')} value={durationMinutes} onChange={setDurationMinutes} error={form.errors.durationMinutes} />
      <fieldset className="form-group" aria-describedby={form.errors.facilitatorIds ? `${form.id('facilitatorIds')}-error` : undefined}>
        <legend className="form-label">{t('offers.courses.facilitators')}</legend>
        {offer.requiredCertification ? <span className="form-hint">{t('offers.courses.facilitatorsHint')}</span> : null}
        {form.errors.facilitatorIds ? (
          <span className="form-error-message" id={`${form.id('facilitatorIds')}-error`}>
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {form.errors.facilitatorIds}
          </span>
        ) : null}
        {colleagues.isPending && unitId ? <Spinner /> : null}
        {people.map((p, i) => (
          <CheckboxField
            key={p.id}
            id={i === 0 ? form.id('facilitatorIds') : `course-facilitator-${p.id}`}
            label={p.name}
            checked={facilitatorIds.includes(p.id)}
            onChange={(checked) => setFacilitatorIds((ids) => (checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))}
          />
        ))}
      </fieldset>
      <FormActions pending={mutation.isPending} submitLabel={t('offers.courses.create')} onCancel={onClose} />
    </form>
  );
}
