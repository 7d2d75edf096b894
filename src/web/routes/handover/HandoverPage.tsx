import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  acknowledgeHandover,
  bookHandoverMeeting,
  getHandover,
  HANDOVER_PARTS,
  type Handover,
  type HandoverPart,
  handoverKeys,
  handoverPath,
  MEETING_PARTICIPANTS,
  type MeetingParticipant,
  sendHandover,
  updateHandover,
} from '../../api/handover';
import { Alert } from '../../components/Alert';
import { SaveProblem } from '../../components/SaveProblem';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, RadioGroupField, TextAreaField, TextField } from '../../components/FormField';
import { PageSummaryProvider, usePageSummary, useSummaryHost } from '../../components/PageSummary';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { danishDateOf, danishTimeOf, formatDate, formatDateTime, instantFromDanish } from '../../format';
import { useFormErrors } from '../../forms';
import { HandoverStatus, SharedParts } from './shared';
import './handover.css';

type TextPart = Exclude<HandoverPart, 'screenings'>;
const TEXT_PARTS: TextPart[] = ['development', 'worksWell', 'support', 'parentsWords'];

/**
 * `/boern/:id/overlevering/:handoverId`: the handover from health visiting to daycare. The health
 * visitor prepares the package, reviews it with the parents (consent part by part) and sends exactly
 * the consented parts; the receiving unit sees only those, acknowledges receipt and may book the meeting.
 */
export function HandoverPage() {
  const { t } = useTranslation();
  const { id = '', handoverId = '' } = useParams();
  const summary = useSummaryHost();
  const query = useQuery({ queryKey: handoverKeys.one(handoverId), queryFn: () => getHandover(handoverId), staleTime: 0 });
  const back = `/boern/${encodeURIComponent(id)}?fane=samtykke`;

  if (query.isPending) {
    return (
      <>
        <BackLink to={back}>{t('handover.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to={back}>{t('handover.back')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const h = query.data;
  const title = t('handover.title', { unit: h.unit.name });
  const reload = () => void query.refetch();
  return (
    <PageSummaryProvider value={summary.publish}>
      <PageTitle title={`${title} – ${h.childName}`} />
      <BackLink to={back}>{t('handover.back')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <h1>{title}</h1>
      <p className="font-lead">{h.childName}</p>
      <dl className="spire-facts">
        <div>
          <dt>{t('handover.startsOn')}</dt>
          <dd>{formatDate(h.enrolment.startsOn)}</dd>
        </div>
        <div>
          <dt>{t('handover.col.status')}</dt>
          <dd>
            <HandoverStatus status={h.status} flagged={h.flagged} startsOn={h.enrolment.startsOn} />
          </dd>
        </div>
        {h.sentBy && h.sentAt ? (
          <div>
            <dt>{t('handover.sentLabel')}</dt>
            <dd>{t('handover.sentBy', { name: h.sentBy.name, date: formatDateTime(h.sentAt) })}</dd>
          </div>
        ) : null}
        {h.acknowledgedBy && h.acknowledgedAt ? (
          <div>
            <dt>{t('handover.status.acknowledged')}</dt>
            <dd>{t('handover.acknowledgedBy', { name: h.acknowledgedBy.name, date: formatDateTime(h.acknowledgedAt) })}</dd>
          </div>
        ) : null}
      </dl>
      {h.role === 'health_visitor' ? (
        <p className="mt-5">
          <Link className="button button-secondary" to={handoverPath(h.childId, h.id, true)}>
            {t('handover.openPrint')}
          </Link>
        </p>
      ) : null}
      <div className="row">
        <div className="col-12 col-lg-9">
          {h.role === 'health_visitor' && h.status === 'draft' && h.draft ? (
            <>
              <Prepare h={h} onReload={reload} />
              <Review h={h} onReload={reload} />
            </>
          ) : (
            <section aria-labelledby="shared-heading" className="mt-6">
              <h2 id="shared-heading">{t('handover.sharedHeading')}</h2>
              <SharedParts h={h} />
            </section>
          )}
          {h.role === 'recipient' && h.status !== 'draft' ? <Acknowledge h={h} onReload={reload} /> : null}
          {h.status !== 'draft' ? <Meeting h={h} onReload={reload} /> : null}
        </div>
      </div>
    </PageSummaryProvider>
  );
}

function Prepare({ h, onReload }: { h: Handover; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = h.draft!;
  const form = useFormErrors('package', [...TEXT_PARTS, 'screeningIds']);
  usePageSummary(form);
  const [texts, setTexts] = useState<Record<TextPart, string>>({
    development: draft.development,
    worksWell: draft.worksWell,
    support: draft.support,
    parentsWords: draft.parentsWords,
  });
  const [screeningIds, setScreeningIds] = useState<string[]>(draft.screeningIds);
  const [saved, setSaved] = useState(0);
  const mutation = useMutation({
    mutationFn: () => updateHandover(h.id, { version: h.version, ...texts, screeningIds }),
    onSuccess: (view) => {
      queryClient.setQueryData(handoverKeys.one(h.id), view);
      form.clear();
      setSaved(Date.now());
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    mutation.mutate();
  };
  return (
    <section aria-labelledby="prepare-heading" className="mt-6">
      <h2 id="prepare-heading">{t('handover.prepareHeading')}</h2>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('handover.draftSaved')}
        </Alert>
      ) : null}
      <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} onReload={onReload} conflictText={t('handover.conflict')} headingLevel={3} />
      <form onSubmit={submit} noValidate>
        {TEXT_PARTS.map((part) => (
          <TextAreaField
            key={part}
            id={form.id(part)}
            label={t(`handover.part.${part}`)}
            hint={t(`handover.partHint.${part}`)}
            value={texts[part]}
            onChange={(value) => setTexts((prev) => ({ ...prev, [part]: value }))}
            error={form.errors[part]}
            rows={4}
            maxLength={10000}
            wide
          />
        ))}
        <div className={`form-group${form.errors.screeningIds ? ' form-error' : ''}`}>
          <fieldset aria-describedby="package-screenings-hint">
            <legend className="form-label">{t('handover.part.screenings')}</legend>
            <span className="form-hint" id="package-screenings-hint">
              {t('handover.partHint.screenings')}
            </span>
            {form.errors.screeningIds ? (
              <span className="form-error-message">
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {form.errors.screeningIds}
              </span>
            ) : null}
            {draft.availableScreenings.length === 0 ? <p>{t('handover.noScreenings')}</p> : null}
            {draft.availableScreenings.map((s, i) => (
              <CheckboxField
                key={s.id}
                id={i === 0 ? form.id('screeningIds') : `${form.id('screeningIds')}-${s.id}`}
                label={<ScreeningLine s={s} />}
                checked={screeningIds.includes(s.id)}
                onChange={(on) => setScreeningIds((prev) => (on ? [...prev, s.id] : prev.filter((x) => x !== s.id)))}
              />
            ))}
          </fieldset>
        </div>
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('handover.saveDraft')}
        </button>
      </form>
    </section>
  );
}

/** One screening as shared: instrument, date, score and whether it is above the cut-off; never the answers. */
export function ScreeningLine({ s }: { s: { instrument: string; observedOn: string; total: number | null; positive: boolean | null } }) {
  const { t } = useTranslation();
  return (
    <>
      {t('handover.screeningLine', {
        instrument: t(`instrumentShort.${s.instrument}`),
        date: formatDate(s.observedOn),
        total: s.total ?? '–',
        result: s.positive ? t('handover.screeningPositive') : t('handover.screeningNegative'),
      })}
    </>
  );
}

function Review({ h, onReload }: { h: Handover; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = h.draft!;
  const form = useFormErrors('review', ['parts', 'givenBy', 'form']);
  usePageSummary(form);
  const [parts, setParts] = useState<HandoverPart[]>([]);
  const [givenBy, setGivenBy] = useState<string[]>([]);
  const [consentForm, setConsentForm] = useState<'written' | 'oral' | 'digital'>('written');
  const mutation = useMutation({
    mutationFn: () => sendHandover(h.id, { version: h.version, parts, givenBy, form: consentForm }),
    onSuccess: (view) => {
      queryClient.setQueryData(handoverKeys.one(h.id), view);
      void queryClient.invalidateQueries({ queryKey: handoverKeys.mine });
      void queryClient.invalidateQueries({ queryKey: ['consent'] });
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (form.fail({ parts: parts.length ? '' : t('handover.required.parts'), givenBy: givenBy.length ? '' : t('handover.required.givenBy') })) return;
    mutation.mutate();
  };
  const content = (part: HandoverPart) => {
    if (part === 'screenings') {
      const chosen = draft.availableScreenings.filter((s) => draft.screeningIds.includes(s.id));
      return chosen.length ? (
        <ul>
          {chosen.map((s) => (
            <li key={s.id}>
              <ScreeningLine s={s} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="spire-muted">{t('handover.emptyPart')}</p>
      );
    }
    const text = draft[part];
    return text.trim() ? <p className="spire-prewrap">{text}</p> : <p className="spire-muted">{t('handover.emptyPart')}</p>;
  };
  return (
    <section aria-labelledby="review-heading" className="mt-8">
      <h2 id="review-heading">{t('handover.reviewHeading')}</h2>
      <p>{t('handover.reviewIntro')}</p>
      <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} onReload={onReload} conflictText={t('handover.conflict')} headingLevel={3} />
      <form onSubmit={submit} noValidate>
        <div className={`form-group${form.errors.parts ? ' form-error' : ''}`}>
          <fieldset>
            <legend className="form-label">{t('handover.sharedHeading')}</legend>
            {form.errors.parts ? (
              <span className="form-error-message">
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {form.errors.parts}
              </span>
            ) : null}
            {HANDOVER_PARTS.map((part, i) => (
              <div key={part} className="spire-handover-review-part">
                <h3 className="h5">{t(`handover.part.${part}`)}</h3>
                {content(part)}
                <CheckboxField
                  id={i === 0 ? form.id('parts') : `${form.id('parts')}-${part}`}
                  label={t('handover.consentPart', { part: t(`handover.part.${part}`) })}
                  checked={parts.includes(part)}
                  onChange={(on) => setParts((prev) => (on ? [...prev, part] : prev.filter((p) => p !== part)))}
                />
              </div>
            ))}
          </fieldset>
        </div>
        <div className={`form-group${form.errors.givenBy ? ' form-error' : ''}`}>
          <fieldset>
            <legend className="form-label">{t('handover.givenByLegend')}</legend>
            {form.errors.givenBy ? (
              <span className="form-error-message">
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {form.errors.givenBy}
              </span>
            ) : null}
            {draft.custodyHolders.map((p, i) => (
              <CheckboxField
                key={p.id}
                id={i === 0 ? form.id('givenBy') : `${form.id('givenBy')}-${p.id}`}
                label={p.name}
                checked={givenBy.includes(p.id)}
                onChange={(on) => setGivenBy((prev) => (on ? [...prev, p.id] : prev.filter((x) => x !== p.id)))}
              />
            ))}
          </fieldset>
        </div>
        <RadioGroupField
          id={form.id('form')}
          legend={t('handover.formLegend')}
          error={form.errors.form}
          value={consentForm}
          onChange={(v) => setConsentForm(v as typeof consentForm)}
          options={(['written', 'oral', 'digital'] as const).map((v) => ({ value: v, label: t(`consent.form.${v}`) }))}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('handover.send', { unit: h.unit.name })}
        </button>
      </form>
    </section>
  );
}

function Acknowledge({ h, onReload }: { h: Handover; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(0);
  const mutation = useMutation({
    mutationFn: () => acknowledgeHandover(h.id, h.version),
    onSuccess: (view) => {
      queryClient.setQueryData(handoverKeys.one(h.id), view);
      void queryClient.invalidateQueries({ queryKey: handoverKeys.mine });
      setDone(Date.now());
    },
  });
  if (h.status === 'acknowledged') {
    // Kept mounted after acknowledging, so the confirmation stays on screen.
    return done ? (
      <Alert variant="success" announce focusKey={done} className="mt-8">
        {t('handover.acknowledged')}
      </Alert>
    ) : null;
  }
  return (
    <section aria-labelledby="ack-heading" className="mt-8">
      <h2 id="ack-heading">{t('handover.acknowledge')}</h2>
      <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} onReload={onReload} conflictText={t('handover.conflict')} headingLevel={3} />
      <p>{t('handover.acknowledgeHint')}</p>
      <button type="button" className="button button-primary" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? t('common.saving') : t('handover.acknowledge')}
      </button>
    </section>
  );
}

function Meeting({ h, onReload }: { h: Handover; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('meeting', ['date', 'time', 'place', 'participants']);
  usePageSummary(form);
  const [date, setDate] = useState(h.meeting ? danishDateOf(h.meeting.at) : '');
  const [time, setTime] = useState(h.meeting ? danishTimeOf(h.meeting.at) : '');
  const [place, setPlace] = useState(h.meeting?.place ?? '');
  const [participants, setParticipants] = useState<MeetingParticipant[]>(h.meeting?.participants ?? [...MEETING_PARTICIPANTS]);
  const [saved, setSaved] = useState(0);
  const mutation = useMutation({
    mutationFn: () => bookHandoverMeeting(h.id, { version: h.version, at: instantFromDanish(date, time), place, participants }),
    onSuccess: (view) => {
      queryClient.setQueryData(handoverKeys.one(h.id), view);
      setSaved(Date.now());
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (
      form.fail({
        date: date ? '' : t('handover.meetingRequired.date'),
        time: time ? '' : t('handover.meetingRequired.time'),
        place: place.trim() ? '' : t('handover.meetingRequired.place'),
        participants: participants.length ? '' : t('handover.meetingRequired.participants'),
      })
    )
      return;
    mutation.mutate();
  };
  return (
    <section aria-labelledby="meeting-heading" className="mt-8">
      <h2 id="meeting-heading">{t('handover.meetingHeading')}</h2>
      {h.meeting ? (
        <p>
          <strong>{t('handover.meetingInfo', { date: formatDate(danishDateOf(h.meeting.at)), time: danishTimeOf(h.meeting.at), place: h.meeting.place })}</strong>
          <br />
          {h.meeting.participants.map((p) => t(`handover.participant.${p}`)).join(', ')}
        </p>
      ) : (
        <p>{t('handover.meetingNone')}</p>
      )}
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('handover.booked')}
        </Alert>
      ) : null}
      <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} onReload={onReload} conflictText={t('handover.conflict')} headingLevel={3} />
      <form onSubmit={submit} noValidate>
        <TextField id={form.id('date')} type="date" label={t('handover.meetingDate')} value={date} onChange={setDate} error={form.errors.date} width="s" />
        <TextField id={form.id('time')} type="time" label={t('handover.meetingTime')} value={time} onChange={setTime} error={form.errors.time} width="xs" />
        <TextField id={form.id('place')} label={t('handover.meetingPlace')} value={place} onChange={setPlace} error={form.errors.place} width="l" />
        <div className={`form-group${form.errors.participants ? ' form-error' : ''}`}>
          <fieldset>
            <legend className="form-label">{t('handover.meetingParticipants')}</legend>
            {form.errors.participants ? (
              <span className="form-error-message">
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {form.errors.participants}
              </span>
            ) : null}
            {MEETING_PARTICIPANTS.map((p, i) => (
              <CheckboxField
                key={p}
                id={i === 0 ? form.id('participants') : `${form.id('participants')}-${p}`}
                label={t(`handover.participant.${p}`)}
                checked={participants.includes(p)}
                onChange={(on) => setParticipants((prev) => (on ? [...prev, p] : prev.filter((x) => x !== p)))}
              />
            ))}
          </fieldset>
        </div>
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('handover.book')}
        </button>
      </form>
    </section>
  );
}
