import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { childKeys, getChild, searchChildren } from '../../api/children';
import { ApiError, api } from '../../api/client';
import { type CreateMeetingInput, createMeeting, type LegalBasis, listChildMeetings, type MeetingKind, meetingKeys } from '../../api/meetings';
import type { ChildDetail } from '../../api/types';
import type { Colleague } from '../../api/wellbeing';
import { useMe } from '../../auth';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions } from '../../components/FormActions';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { MEETING_DAYCARE_KINDS } from './shared';

const FIELDS = ['childId', 'kind', 'heldOn', 'startTime', 'place', 'legalBasis', 'consent', 'consent.givenBy', 'consent.givenOn', 'consent.form', 'ssdSpecialReason', 'followsMeetingId', 'participants'] as const;

/**
 * `/moeder/ny`: set up a meeting about a child. `?barn=<childId>` chooses the child (otherwise a
 * child search), `?sparring=<requestId>` links the meeting to a sparring request. The user
 * facilitates; participants are chosen from the staff directory by unit and profession, the
 * child's parents and free-text network persons; the legal basis is consent (who, when, how) or
 * the SSD rule (one meeting, one special-case follow-up).
 */
export function MeetingCreate() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const childId = params.get('barn') ?? '';
  const sparring = params.get('sparring') ?? '';
  const chooseChild = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set('barn', id);
    else next.delete('barn');
    setParams(next);
  };
  return (
    <>
      <PageTitle title={t('meetings.create.title')} />
      <BackLink to="/moeder">{t('meetings.create.back')}</BackLink>
      {childId ? (
        <ChildLoaded childId={childId} sparring={sparring} onChangeChild={() => chooseChild('')} />
      ) : (
        <>
          <h1>{t('meetings.create.title')}</h1>
          {sparring ? <p>{t('meetings.create.fromSparring')}</p> : null}
          <ChildChooser onChoose={chooseChild} />
        </>
      )}
    </>
  );
}

function ChildChooser({ onChoose }: { onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const results = useQuery({
    queryKey: childKeys.search({ q: asked ?? '', limit: 20 }),
    queryFn: () => searchChildren({ q: asked ?? '', limit: 20 }),
    enabled: asked !== null,
  });
  return (
    <section aria-labelledby="choose-child-heading">
      <h2 id="choose-child-heading">{t('meetings.create.chooseChild')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(q.trim());
        }}
      >
        <TextField id="meeting-child-search" label={t('meetings.create.searchLabel')} hint={t('meetings.create.searchHint')} value={q} onChange={setQ} type="search" width="l" />
        <button type="submit" className="button button-secondary">
          {t('meetings.create.search')}
        </button>
      </form>
      {results.isFetching ? <Spinner small /> : null}
      {results.isError ? <ErrorState error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data && results.data.length === 0 ? <EmptyState title={t('meetings.create.noChildren')} /> : null}
      {results.data && results.data.length > 0 ? (
        <ul className="nobullet-list mt-4">
          {results.data.map((c) => (
            <li key={c.id} className="mb-3">
              <button type="button" className="button button-tertiary" onClick={() => onChoose(c.id)}>
                {t('meetings.create.choose')}: {c.displayName}
                {c.birthDate ? ` (${formatDate(c.birthDate)})` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ChildLoaded({ childId, sparring, onChangeChild }: { childId: string; sparring: string; onChangeChild: () => void }) {
  const { t } = useTranslation();
  const child = useQuery({ queryKey: childKeys.detail(childId), queryFn: () => getChild(childId) });
  const directory = useQuery({ queryKey: ['staff-directory', 'all'], queryFn: () => api<{ items: Colleague[] }>('/api/staff-directory').then((r) => r.items) });
  const earlier = useQuery({ queryKey: meetingKeys.child(childId), queryFn: () => listChildMeetings(childId), retry: false });
  if (child.isPending || directory.isPending) return <Spinner />;
  if (child.isError || directory.isError) {
    return (
      <>
        <h1>{t('meetings.create.title')}</h1>
        <ErrorState error={child.error ?? directory.error} onRetry={() => void child.refetch()} />
        <button type="button" className="button button-tertiary" onClick={onChangeChild}>
          {t('meetings.create.changeChild')}
        </button>
      </>
    );
  }
  return <CreateForm child={child.data} staff={directory.data} earlier={earlier.data ?? []} sparring={sparring} onChangeChild={onChangeChild} />;
}

interface NetworkDraft {
  name: string;
  relation: string;
}

function CreateForm({
  child,
  staff,
  earlier,
  sparring,
  onChangeChild,
}: {
  child: ChildDetail;
  staff: Colleague[];
  earlier: { id: string; heldOn: string; legalBasis: LegalBasis }[];
  sparring: string;
  onChangeChild: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('meeting', FIELDS);
  const daycare = me.units.some((u) => MEETING_DAYCARE_KINDS.includes(u.kind) && child.enrolments.some((e) => e.unitId === u.id && e.state !== 'ended'));
  const kinds: MeetingKind[] = [...(me.profession === 'social_worker' ? (['cross_professional'] as const) : []), ...(daycare && me.profession !== 'social_worker' ? (['daycare_parents'] as const) : [])];
  const [kind, setKind] = useState<MeetingKind>(kinds[0] ?? 'cross_professional');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [startTime, setStartTime] = useState('');
  const [place, setPlace] = useState('');
  const [basis, setBasis] = useState<LegalBasis>('consent');
  const custody = child.relations.filter((r) => r.custody);
  const [givenBy, setGivenBy] = useState(custody[0]?.adultId ?? '');
  const [givenOn, setGivenOn] = useState(todayIso());
  const [consentForm, setConsentForm] = useState<'written' | 'oral'>('written');
  const [special, setSpecial] = useState(false);
  const [reason, setReason] = useState('');
  const [follows, setFollows] = useState('');
  const [unitFilter, setUnitFilter] = useState('');
  const [professionFilter, setProfessionFilter] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [parents, setParents] = useState<string[]>(child.relations.map((r) => r.adultId));
  const [network, setNetwork] = useState<NetworkDraft[]>([]);

  const others = useMemo(() => staff.filter((s) => s.id !== me.id), [staff, me.id]);
  const units = useMemo(() => {
    const all = new Map<string, string>();
    for (const s of others) for (const u of s.units) all.set(u.id, u.name);
    return [...all.entries()].sort((a, b) => a[1].localeCompare(b[1], 'da'));
  }, [others]);
  const professions = useMemo(() => [...new Set(others.map((s) => s.profession))].sort(), [others]);
  const filtered = others.filter((s) => (!unitFilter || s.units.some((u) => u.id === unitFilter)) && (!professionFilter || s.profession === professionFilter));
  const byId = new Map(staff.map((s) => [s.id, s]));

  const mutation = useMutation({
    mutationFn: (body: CreateMeetingInput) => createMeeting(body),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      navigate(`/moeder/${meeting.id}`, { state: { flash: t('meetings.create.created') } });
    },
    onError: (err) => form.failFromApi(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (
      form.fail({
        heldOn: heldOn ? '' : t('meetings.create.heldOnRequired'),
        place: place.trim() ? '' : t('meetings.create.placeRequired'),
        'consent.givenBy': basis === 'consent' && !givenBy ? t('meetings.create.givenByRequired') : '',
        'consent.givenOn': basis === 'consent' && !givenOn ? t('meetings.create.givenOnRequired') : '',
        ssdSpecialReason: basis === 'ssd' && special && !reason.trim() ? t('meetings.create.reasonRequired') : '',
      })
    ) {
      return;
    }
    mutation.mutate({
      childId: child.id,
      kind,
      heldOn,
      ...(startTime ? { startTime } : {}),
      place: place.trim(),
      legalBasis: basis,
      ...(basis === 'consent' ? { consent: { givenBy, givenOn, form: consentForm } } : {}),
      ...(basis === 'ssd' && special ? { ssdSpecialCase: true, ssdSpecialReason: reason.trim() } : {}),
      ...(follows ? { followsMeetingId: follows } : {}),
      ...(sparring ? { sparringRequestId: sparring } : {}),
      participants: {
        staff: chosen.map((staffId) => ({ staffId, ...(unitFilter && byId.get(staffId)?.units.some((u) => u.id === unitFilter) ? { unitId: unitFilter } : {}) })),
        parents,
        network: network.filter((n) => n.name.trim() && n.relation.trim()).map((n) => ({ name: n.name.trim(), relation: n.relation.trim() })),
      },
    });
  };

  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const alertError = err && err.errors.length === 0 ? err : null;

  return (
    <>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h1>{t('meetings.create.title')}</h1>
      {sparring ? <p>{t('meetings.create.fromSparring')}</p> : null}
      {alertError ? (
        <Alert variant="error" heading={alertError.title} focusKey={mutation.submittedAt}>
          {null}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <section aria-labelledby="meeting-child-heading">
          <h2 id="meeting-child-heading">{t('meetings.create.childHeading')}</h2>
          <p className="font-lead" id={form.id('childId')}>
            {child.displayName}
            {child.birthDate ? ` (${formatDate(child.birthDate)})` : ''}
          </p>
          <button type="button" className="button button-tertiary" onClick={onChangeChild}>
            {t('meetings.create.changeChild')}
          </button>
        </section>

        <section aria-labelledby="meeting-details-heading">
          <h2 id="meeting-details-heading">{t('meetings.create.detailsHeading')}</h2>
          {kinds.length > 1 ? (
            <RadioGroupField id={form.id('kind')} legend={t('meetings.create.kind')} value={kind} onChange={(v) => setKind(v as MeetingKind)} options={kinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} error={form.errors.kind} />
          ) : (
            <p>
              <strong>{t('meetings.create.kind')}:</strong> {t(`meetings.kind.${kind}`)}
            </p>
          )}
          <TextField id={form.id('heldOn')} label={t('meetings.create.heldOn')} type="date" value={heldOn} onChange={setHeldOn} error={form.errors.heldOn} width="s" />
          <TextField id={form.id('startTime')} label={t('meetings.create.startTime')} type="time" value={startTime} onChange={setStartTime} error={form.errors.startTime} width="xs" optional />
          <TextField id={form.id('place')} label={t('meetings.create.place')} value={place} onChange={setPlace} error={form.errors.place} width="xl" />
        </section>

        <section aria-labelledby="meeting-basis-heading">
          <h2 id="meeting-basis-heading">{t('meetings.create.basisHeading')}</h2>
          <RadioGroupField
            id={form.id('legalBasis')}
            legend={t('meetings.list.basis')}
            hint={t('meetings.create.basisHint')}
            value={basis}
            onChange={(v) => setBasis(v as LegalBasis)}
            options={[
              { value: 'consent', label: t('meetings.basis.consent') },
              { value: 'ssd', label: t('meetings.basis.ssd') },
            ]}
            error={form.errors.legalBasis}
          />
          {basis === 'consent' ? (
            <>
              <SelectField
                id={form.id('consent.givenBy')}
                label={t('meetings.create.consentGivenBy')}
                value={givenBy}
                onChange={setGivenBy}
                options={custody.map((r) => ({ value: r.adultId, label: `${r.name} (${t(`meetings.relation.${r.relation}`)})` }))}
                error={form.errors['consent.givenBy'] ?? form.errors.consent}
              />
              <TextField id={form.id('consent.givenOn')} label={t('meetings.create.consentGivenOn')} type="date" value={givenOn} onChange={setGivenOn} error={form.errors['consent.givenOn']} width="s" />
              <RadioGroupField
                id={form.id('consent.form')}
                legend={t('meetings.create.consentForm')}
                value={consentForm}
                onChange={(v) => setConsentForm(v as 'written' | 'oral')}
                options={[
                  { value: 'written', label: t('meetings.consentForm.written') },
                  { value: 'oral', label: t('meetings.consentForm.oral') },
                ]}
                error={form.errors['consent.form']}
              />
            </>
          ) : (
            <>
              <CheckboxField id={`${form.id('ssdSpecialCase')}`} label={t('meetings.create.ssdSpecialCase')} checked={special} onChange={setSpecial} />
              {special ? <TextAreaField id={form.id('ssdSpecialReason')} label={t('meetings.create.ssdSpecialReason')} value={reason} onChange={setReason} error={form.errors.ssdSpecialReason} rows={3} /> : null}
            </>
          )}
          {earlier.length > 0 ? (
            <SelectField
              id={form.id('followsMeetingId')}
              label={t('meetings.create.follows')}
              value={follows}
              onChange={setFollows}
              options={[{ value: '', label: t('meetings.create.followsNone') }, ...earlier.map((m) => ({ value: m.id, label: `${formatDate(m.heldOn)} – ${t(`meetings.basis.${m.legalBasis}`)}` }))]}
              error={form.errors.followsMeetingId}
            />
          ) : null}
        </section>

        <section aria-labelledby="meeting-participants-heading">
          <h2 id="meeting-participants-heading">{t('meetings.create.participantsHeading')}</h2>
          <p>{t('meetings.create.youFacilitate')}</p>
          {form.errors.participants ? (
            <p className="form-error-message" id={form.id('participants')}>
              {form.errors.participants}
            </p>
          ) : null}
          <fieldset className="mb-6">
            <legend className="h3">{t('meetings.create.staffHeading')}</legend>
            <p className="form-hint">{t('meetings.create.staffHint')}</p>
            <div className="row">
              <div className="col-12 col-md-6">
                <SelectField id="meeting-unit-filter" label={t('meetings.create.unitFilter')} value={unitFilter} onChange={setUnitFilter} options={[{ value: '', label: t('meetings.create.allUnits') }, ...units.map(([value, label]) => ({ value, label }))]} />
              </div>
              <div className="col-12 col-md-6">
                <SelectField
                  id="meeting-profession-filter"
                  label={t('meetings.create.professionFilter')}
                  value={professionFilter}
                  onChange={setProfessionFilter}
                  options={[{ value: '', label: t('meetings.create.allProfessions') }, ...professions.map((p) => ({ value: p, label: t(`profession.${p}`) }))]}
                />
              </div>
            </div>
            {filtered.length === 0 ? <p>{t('meetings.create.noStaff')}</p> : null}
            {filtered.slice(0, 40).map((s) => (
              <CheckboxField
                key={s.id}
                id={`meeting-staff-${s.id}`}
                label={`${s.name} – ${t(`profession.${s.profession}`)}, ${s.units.map((u) => u.name).join(', ')}`}
                checked={chosen.includes(s.id)}
                onChange={(on) => setChosen((all) => (on ? [...all, s.id] : all.filter((x) => x !== s.id)))}
              />
            ))}
            <h4 className="mt-5">{t('meetings.create.chosenStaff')}</h4>
            {chosen.length === 0 ? (
              <p>{t('meetings.create.noneChosen')}</p>
            ) : (
              <ul>
                {chosen.map((staffId) => (
                  <li key={staffId}>
                    {byId.get(staffId)?.name}{' '}
                    <button type="button" className="button button-tertiary" onClick={() => setChosen((all) => all.filter((x) => x !== staffId))}>
                      {t('meetings.create.remove', { name: byId.get(staffId)?.name ?? '' })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>

          <fieldset className="mb-6">
            <legend className="h3">{t('meetings.create.parentsHeading')}</legend>
            {child.relations.length === 0 ? <p>{t('meetings.create.noParents')}</p> : null}
            {child.relations.map((r) => (
              <CheckboxField
                key={r.adultId}
                id={`meeting-parent-${r.adultId}`}
                label={`${r.name} (${t(`meetings.relation.${r.relation}`)}${r.custody ? `, ${t('meetings.create.custody')}` : ''})`}
                checked={parents.includes(r.adultId)}
                onChange={(on) => setParents((all) => (on ? [...all, r.adultId] : all.filter((x) => x !== r.adultId)))}
              />
            ))}
          </fieldset>

          <fieldset className="mb-6">
            <legend className="h3">{t('meetings.create.networkHeading')}</legend>
            {network.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <div key={i} className="spire-map-pair">
                <h4>{t('meetings.create.networkPerson', { n: i + 1 })}</h4>
                <TextField id={`meeting-network-${i}-name`} label={t('meetings.create.networkName')} value={n.name} onChange={(v) => setNetwork((all) => all.map((x, j) => (j === i ? { ...x, name: v } : x)))} width="l" />
                <TextField
                  id={`meeting-network-${i}-relation`}
                  label={t('meetings.create.networkRelation')}
                  value={n.relation}
                  onChange={(v) => setNetwork((all) => all.map((x, j) => (j === i ? { ...x, relation: v } : x)))}
                  width="l"
                />
                <button type="button" className="button button-tertiary" onClick={() => setNetwork((all) => all.filter((_, j) => j !== i))}>
                  {t('meetings.create.removeNetwork', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="button button-secondary" onClick={() => setNetwork((all) => [...all, { name: '', relation: '' }])}>
              {t('meetings.create.addNetwork')}
            </button>
          </fieldset>
        </section>
        <FormActions pending={mutation.isPending} submitLabel={t('meetings.create.submit')} onCancel={() => navigate('/moeder')} />
      </form>
    </>
  );
}
