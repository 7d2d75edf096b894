import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import {
  type Concern,
  type ConcernList,
  concernKeys,
  createConcern,
  getChildConcerns,
  requestSparring,
} from '../../api/concerns';
import { useMe } from '../../auth';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { RadioGroupField, TextAreaField, TextField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { Spinner } from '../../components/Spinner';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { LevelBadge, LevelRadios } from '../wellbeing/shared';
import { ChildConversations } from './ChildConversations';
import { SparringStatusBadge } from './shared';
import './concerns.css';

/**
 * Whether the child page shows the "Bekymringer" tab: the API answers (not 403/404) and there is
 * something for this user — concerns they may see, or they may record one. Social workers also
 * get it for wellbeing conversations.
 */
export function useSeesConcerns(childId: string): boolean {
  const me = useMe();
  const query = useQuery({ queryKey: concernKeys.child(childId), queryFn: () => getChildConcerns(childId), retry: false });
  if (me?.profession === 'social_worker' && query.isSuccess) return true;
  return Boolean(query.data && (query.data.canCreate || query.data.items.length > 0));
}

const CONCERN_FIELDS = ['level', 'observed', 'observedSince', 'parentsInformed', 'parentsInformedHow', 'parentsInformedOn'] as const;
const SPARRING_FIELDS = ['anonymous', 'question', 'consent', 'consent.givenBy', 'consent.givenOn', 'consent.how'] as const;

/** The child page's "Bekymringer" tab: the concerns the user may see, "Registrér bekymring", and "Bed om sparring". */
export function ChildConcernsTab({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ queryKey: concernKeys.child(childId), queryFn: () => getChildConcerns(childId), retry: false });
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState(0);
  const data = query.data;
  return (
    <>
      <section aria-labelledby="concerns-heading">
        <div className="spire-section-head">
          <h2 id="concerns-heading">{t('concerns.child.heading')}</h2>
          {data?.canCreate && !creating ? (
            <div className="spire-actions">
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                {t('concerns.child.register')}
              </button>
            </div>
          ) : null}
        </div>
        <p>{data?.createCategory === 'health' ? t('concerns.child.introHealth') : t('concerns.child.intro')}</p>
        {saved ? (
          <Alert variant="success" announce focusKey={saved}>
            {t('concerns.child.saved')}
          </Alert>
        ) : null}
        {query.isPending ? <Spinner /> : null}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} headingLevel={3} /> : null}
        {data && creating ? (
          <ConcernForm
            data={data}
            onDone={() => {
              setCreating(false);
              setSaved(Date.now());
            }}
            onCancel={() => setCreating(false)}
          />
        ) : null}
        {data && data.items.length === 0 ? (
          <EmptyState title={t('concerns.child.empty')}>
            <p>{t('concerns.child.emptyText')}</p>
          </EmptyState>
        ) : null}
        {data?.items.map((concern) => (
          <ConcernCard key={concern.id} concern={concern} />
        ))}
      </section>
      {me?.profession === 'social_worker' ? <ChildConversations childId={childId} /> : null}
    </>
  );
}

function ConcernCard({ concern }: { concern: Concern }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const headingId = `concern-${concern.id}`;
  return (
    <article className="spire-concern mt-6" aria-labelledby={headingId} style={{ borderLeftColor: concern.level.colour }}>
      <h3 id={headingId} className="h4 mb-2">
        <LevelBadge level={concern.level} />
      </h3>
      <p className="spire-prewrap">{concern.observed}</p>
      <p className="mb-2">{t('concerns.child.sinceText', { date: formatDate(concern.observedSince) })}</p>
      <p className="mb-2">
        {concern.parentsInformed
          ? concern.parentsInformedOn
            ? t('concerns.child.parentsYesOn', { date: formatDate(concern.parentsInformedOn), how: concern.parentsInformedHow ?? '' })
            : t('concerns.child.parentsYes', { how: concern.parentsInformedHow ?? '' })
          : t('concerns.child.parentsNo')}
      </p>
      <p className="spire-muted">
        {t('concerns.child.byline', { date: formatDate(concern.createdAt.slice(0, 10)), name: concern.author.name, unit: concern.unit.name })}
        {' · '}
        {t(`concerns.category.${concern.category}`)}
      </p>
      {concern.sparring.length > 0 ? (
        <>
          <h4 className="h5">{t('concerns.child.sparringHeading')}</h4>
          <ul>
            {concern.sparring.map((s) => (
              <li key={s.id}>
                <SparringStatusBadge status={s.status} />{' '}
                <Link to={`/sparring/${encodeURIComponent(s.id)}`}>
                  {t('concerns.child.sparringItem', {
                    mode: t(`concerns.mode.${s.mode}`),
                    status: t(`concerns.status.${s.status}`),
                    date: formatDate(s.requestedAt.slice(0, 10)),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {concern.canEdit && !asking ? (
        <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
          {t('concerns.ask.button')}
        </button>
      ) : null}
      {asking ? <SparringForm concern={concern} onCancel={() => setAsking(false)} /> : null}
    </article>
  );
}

function ConcernForm({ data, onDone, onCancel }: { data: ConcernList; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('concern', CONCERN_FIELDS);
  usePageSummary(form);
  const [level, setLevel] = useState('');
  const [observed, setObserved] = useState('');
  const [since, setSince] = useState('');
  const [informed, setInformed] = useState('');
  const [how, setHow] = useState('');
  const [on, setOn] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      createConcern(data.childId, {
        level,
        observed: observed.trim(),
        observedSince: since,
        parentsInformed: informed === 'yes',
        parentsInformedHow: informed === 'yes' ? how.trim() || null : null,
        parentsInformedOn: informed === 'yes' && on ? on : null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: concernKeys.child(data.childId) });
      onDone();
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const failed = form.fail({
      level: level ? '' : t('concerns.child.levelRequired'),
      observed: observed.trim() ? '' : t('concerns.child.observedRequired'),
      observedSince: since ? '' : t('concerns.child.sinceRequired'),
      parentsInformed: informed ? '' : t('concerns.child.parentsInformedRequired'),
      parentsInformedHow: informed === 'yes' && !how.trim() ? t('concerns.child.parentsHowRequired') : '',
    });
    if (failed) return;
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return (
    <form onSubmit={submit} noValidate className="spire-form-panel mt-5" aria-labelledby="concern-form-heading">
      <h3 id="concern-form-heading">{t('concerns.child.formHeading')}</h3>
      {err ? (
        <Alert variant="error" heading={t('concerns.child.saveError')} headingLevel={4} focusKey={mutation.submittedAt}>
          {err.title}
        </Alert>
      ) : null}
      <LevelRadios
        id={form.id('level')}
        legend={t('concerns.child.level')}
        hint={t('concerns.child.levelHint')}
        error={form.errors.level}
        levels={data.scale.levels}
        value={level}
        onChange={setLevel}
      />
      <TextAreaField
        id={form.id('observed')}
        label={t('concerns.child.observed')}
        hint={t('concerns.child.observedHint')}
        value={observed}
        onChange={setObserved}
        error={form.errors.observed}
        rows={5}
        maxLength={4000}
      />
      <TextField id={form.id('observedSince')} type="date" label={t('concerns.child.since')} value={since} onChange={setSince} error={form.errors.observedSince} max={todayIso()} />
      <RadioGroupField
        id={form.id('parentsInformed')}
        legend={t('concerns.child.parentsInformed')}
        error={form.errors.parentsInformed}
        value={informed}
        onChange={setInformed}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
      />
      {informed === 'yes' ? (
        <>
          <TextField id={form.id('parentsInformedHow')} label={t('concerns.child.parentsHow')} hint={t('concerns.child.parentsHowHint')} value={how} onChange={setHow} error={form.errors.parentsInformedHow} />
          <TextField id={form.id('parentsInformedOn')} type="date" optional label={t('concerns.child.parentsOn')} value={on} onChange={setOn} error={form.errors.parentsInformedOn} max={todayIso()} />
        </>
      ) : null}
      <div className="spire-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('concerns.child.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function SparringForm({ concern, onCancel }: { concern: Concern; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors(`sparring-${concern.id}`, SPARRING_FIELDS);
  usePageSummary(form);
  const [mode, setMode] = useState('');
  const [question, setQuestion] = useState('');
  const [givenBy, setGivenBy] = useState('');
  const [givenOn, setGivenOn] = useState('');
  const [how, setHow] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      requestSparring(concern.id, {
        anonymous: mode === 'anonymous',
        question: question.trim(),
        consent: mode === 'named' ? { givenBy: givenBy.trim(), givenOn, how: how.trim() } : null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: concernKeys.child(concern.childId) });
      void queryClient.invalidateQueries({ queryKey: concernKeys.sparring });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const named = mode === 'named';
    const failed = form.fail({
      anonymous: mode ? '' : t('concerns.ask.modeRequired'),
      question: question.trim() ? '' : t('concerns.ask.questionRequired'),
      'consent.givenBy': named && !givenBy.trim() ? t('concerns.ask.consentRequired') : '',
      'consent.givenOn': named && !givenOn ? t('concerns.ask.consentRequired') : '',
      'consent.how': named && !how.trim() ? t('concerns.ask.consentRequired') : '',
    });
    if (failed) return;
    mutation.mutate();
  };
  if (mutation.isSuccess) {
    return (
      <Alert variant="success" announce focusKey={mutation.submittedAt}>
        <p className="alert-text">
          {t('concerns.ask.sent')} <Link to={`/sparring/${encodeURIComponent(mutation.data.id)}`}>{t('concerns.child.openRequest')}</Link>
        </p>
      </Alert>
    );
  }
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  const headingId = `sparring-form-${concern.id}`;
  return (
    <form onSubmit={submit} noValidate className="spire-form-panel mt-4" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('concerns.ask.heading')}</h4>
      <p>{t('concerns.ask.intro')}</p>
      {err ? (
        <Alert variant="error" heading={t('concerns.ask.sendError')} headingLevel={4} focusKey={mutation.submittedAt}>
          {err.title}
        </Alert>
      ) : null}
      <RadioGroupField
        id={form.id('anonymous')}
        legend={t('concerns.ask.mode')}
        error={form.errors.anonymous ?? form.errors.consent}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'anonymous', label: t('concerns.ask.anonymous'), hint: t('concerns.ask.anonymousHint') },
          { value: 'named', label: t('concerns.ask.named'), hint: t('concerns.ask.namedHint') },
        ]}
      />
      <TextAreaField
        id={form.id('question')}
        label={t('concerns.ask.question')}
        hint={mode === 'anonymous' ? t('concerns.ask.questionHintAnonymous') : undefined}
        value={question}
        onChange={setQuestion}
        error={form.errors.question}
        rows={4}
        maxLength={2000}
      />
      {mode === 'named' ? (
        <fieldset>
          <legend className="h5">{t('concerns.ask.consentHeading')}</legend>
          <TextField id={form.id('consent.givenBy')} label={t('concerns.ask.consentBy')} hint={t('concerns.ask.consentByHint')} value={givenBy} onChange={setGivenBy} error={form.errors['consent.givenBy']} />
          <TextField id={form.id('consent.givenOn')} type="date" label={t('concerns.ask.consentOn')} value={givenOn} onChange={setGivenOn} error={form.errors['consent.givenOn']} max={todayIso()} />
          <TextField id={form.id('consent.how')} label={t('concerns.ask.consentHow')} hint={t('concerns.ask.consentHowHint')} value={how} onChange={setHow} error={form.errors['consent.how']} />
        </fieldset>
      ) : null}
      <div className="spire-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('concerns.ask.send')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
