import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  type ChildConsents,
  CONSENT_CATEGORIES,
  CONSENT_FORMS,
  CONSENT_PURPOSES,
  type Consent,
  type ConsentCategory,
  type ConsentForm,
  type ConsentPurpose,
  consentKeys,
  createConsent,
  type Disclosure,
  getChildConsents,
  getSharedWithMe,
  RECIPIENT_PROFESSIONS,
  withdrawConsent,
} from '../../api/consent';
import { getChildHandovers, handoverKeys } from '../../api/handover';
import { listUnits, organisationKeys } from '../../api/organisation';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateTime, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { HandoverAction } from '../handover/MyDayHandovers';
import { HandoverStatus } from '../handover/shared';

/** True when the consents API answers for this child (the child's health visitor, or a unit something was shared with or that sees the child). */
export function useSeesConsent(childId: string): boolean {
  const query = useQuery({ queryKey: consentKeys.child(childId), queryFn: () => getChildConsents(childId), retry: false });
  return query.isSuccess;
}

/**
 * The child page's "Samtykke og deling" tab: the handovers, what was shared with the reader's unit,
 * the consents in force and earlier ones with what was shared under each; the child's health visitor
 * records and withdraws consents here.
 */
export function ConsentTab({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: consentKeys.child(childId), queryFn: () => getChildConsents(childId) });
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const inForce = data.consents.filter((c) => c.state === 'valid' || c.state === 'not_yet_valid');
  const earlier = data.consents.filter((c) => c.state === 'expired' || c.state === 'withdrawn');
  return (
    <>
      <Handovers childId={childId} />
      {!data.canManage ? <SharedWithUs childId={childId} /> : null}
      <section aria-labelledby="consents-in-force" className="mt-8">
        <h2 id="consents-in-force">{t('consent.inForce')}</h2>
        {inForce.length === 0 ? <p>{t('consent.noneInForce')}</p> : inForce.map((c) => <ConsentCard key={c.id} consent={c} data={data} />)}
      </section>
      <section aria-labelledby="consents-history" className="mt-8">
        <h2 id="consents-history">{t('consent.history')}</h2>
        {earlier.length === 0 ? <p>{t('consent.noHistory')}</p> : earlier.map((c) => <ConsentCard key={c.id} consent={c} data={data} />)}
      </section>
      {data.exceptions.length > 0 ? (
        <section aria-labelledby="consents-exceptions" className="mt-8">
          <h2 id="consents-exceptions">{t('consent.exceptions')}</h2>
          <DisclosureTable rows={data.exceptions} caption={t('consent.exceptions')} manager={data.canManage} />
        </section>
      ) : null}
      {data.canManage ? <RecordConsent childId={childId} data={data} /> : null}
    </>
  );
}

function Handovers({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: handoverKeys.child(childId), queryFn: () => getChildHandovers(childId), retry: false });
  if (query.isPending) return <Spinner />;
  if (query.isError) return null; // not the child's health visitor or receiving unit
  return (
    <section aria-labelledby="child-handovers">
      <h2 id="child-handovers">{t('consent.handovers')}</h2>
      {query.data.items.length === 0 ? (
        <p>{t('consent.handoversNone')}</p>
      ) : (
        <DataTable
          caption={t('consent.handovers')}
          captionHidden
          rows={query.data.items}
          rowKey={(r) => r.enrolmentId}
          columns={[
            { key: 'unit', header: t('handover.col.unit'), rowHeader: true, render: (r) => r.unit.name },
            { key: 'start', header: t('handover.col.start'), render: (r) => formatDate(r.startsOn) },
            { key: 'status', header: t('handover.col.status'), render: (r) => <HandoverStatus status={r.status} flagged={r.flagged} startsOn={r.startsOn} /> },
            { key: 'action', header: t('handover.col.action'), render: (r) => (r.id || query.data.canPrepare ? <HandoverAction row={r} /> : null) },
          ]}
        />
      )}
    </section>
  );
}

function SharedWithUs({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: consentKeys.shared(childId), queryFn: () => getSharedWithMe(childId) });
  return (
    <section aria-labelledby="shared-with-us" className="mt-8">
      <h2 id="shared-with-us">{t('consent.sharedWithUs')}</h2>
      {query.isPending ? <Spinner /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <p>{t('consent.sharedWithUsNone')}</p> : null}
      {query.data?.items.map((d) => (
        <div key={d.id} className="spire-handover-part">
          <h3 className="h5">{d.content.title}</h3>
          {d.content.text ? <p className="spire-prewrap">{d.content.text}</p> : null}
          <p className="spire-muted">
            {t(`consent.legalBasis.${d.legalBasis}`)} · {d.sharedBy.name} · {formatDateTime(d.sharedAt)}
          </p>
        </div>
      ))}
    </section>
  );
}

function StateBadge({ state }: { state: Consent['state'] }) {
  const { t } = useTranslation();
  const variant = state === 'valid' ? 'success' : state === 'not_yet_valid' ? 'info' : state === 'withdrawn' ? 'error' : 'warning';
  return <Badge variant={variant}>{t(`consent.state.${state}`)}</Badge>;
}

function ConsentCard({ consent: c, data }: { consent: Consent; data: ChildConsents }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const recipients = [
    ...c.recipientUnits.map((u) => u.name),
    ...c.recipientProfessions.map((p) => t(`profession.${p}`)),
  ].join(', ');
  return (
    <article className="spire-handover-part" aria-labelledby={`consent-${c.id}`}>
      <h3 id={`consent-${c.id}`} className="h4">
        {t(`consent.purpose.${c.purpose}`)} <StateBadge state={c.state} />
      </h3>
      <dl className="spire-facts">
        <div>
          <dt>{t('consent.recipients')}</dt>
          <dd>{recipients}</dd>
        </div>
        <div>
          <dt>{t('consent.categories')}</dt>
          <dd>{c.categories.map((k) => t(`consent.category.${k}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consent.givenBy')}</dt>
          <dd>
            {c.givenBy.map((p) => p.name).join(', ')} ({c.allCustodyHolders ? t('consent.allCustody') : t('consent.notAllCustody')}) · {t(`consent.form.${c.form}`)}
          </dd>
        </div>
        <div>
          <dt>{t('consent.validity')}</dt>
          <dd>{t('consent.validFromTo', { from: formatDate(c.validFrom), to: c.validUntil ? formatDate(c.validUntil) : t('consent.untilWithdrawn') })}</dd>
        </div>
      </dl>
      {c.note ? <p className="spire-prewrap">{c.note}</p> : null}
      {c.withdrawal ? <p>{t('consent.withdrawnInfo', { date: formatDateTime(c.withdrawal.at), reason: c.withdrawal.reason })}</p> : null}
      <p className="spire-muted">{t('consent.recordedBy', { name: c.recordedBy.name, date: formatDateTime(c.recordedAt) })}</p>
      {c.disclosures.length ? (
        <DisclosureTable rows={c.disclosures} caption={t('consent.sharedUnder')} manager={data.canManage} />
      ) : (
        <p>{t('consent.nothingShared')}</p>
      )}
      {data.canManage && !c.withdrawal && c.state !== 'expired' ? (
        withdrawing ? (
          <Withdraw consent={c} data={data} onDone={() => setWithdrawing(false)} />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setWithdrawing(true)}>
            {t('consent.withdraw')}
          </button>
        )
      ) : null}
    </article>
  );
}

function DisclosureTable({ rows, caption, manager }: { rows: Disclosure[]; caption: string; manager: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable<Disclosure>
      caption={caption}
      rows={rows}
      rowKey={(d) => d.id}
      columns={[
        { key: 'what', header: t('consent.sharedCol.what'), rowHeader: true, render: (d) => `${d.content.title} (${t(`consent.category.${d.category}`)})` },
        { key: 'to', header: t('consent.sharedCol.to'), render: (d) => d.toUnit.name },
        { key: 'when', header: t('consent.sharedCol.when'), render: (d) => formatDateTime(d.sharedAt) },
        { key: 'by', header: t('consent.sharedCol.by'), render: (d) => d.sharedBy.name },
        ...(manager
          ? [{ key: 'readable', header: t('consent.sharedCol.readable'), render: (d: Disclosure) => (d.readableByRecipient ? t('consent.readableYes') : t('consent.readableNo')) }]
          : []),
      ]}
    />
  );
}

function Withdraw({ consent, data, onDone }: { consent: Consent; data: ChildConsents; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors(`withdraw-${consent.id}`, ['reason', 'withdrawnByAdultId']);
  usePageSummary(form);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const mutation = useMutation({
    mutationFn: () => withdrawConsent(consent.id, { version: consent.version, reason, ...(by ? { withdrawnByAdultId: by } : {}) }),
    onSuccess: (next) => {
      queryClient.setQueryData(consentKeys.child(consent.childId), next);
      void queryClient.invalidateQueries({ queryKey: ['handover'] });
      onDone();
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.fail({ reason: reason.trim() ? '' : t('consent.withdrawReasonRequired') })) return;
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return (
    <form onSubmit={submit} noValidate className="mt-4">
      <h4>{t('consent.withdrawHeading')}</h4>
      {err ? (
        <Alert variant="error" headingLevel={4} heading={t('errors.saveHeading')}>
          {err.status === 409 && err.code === 'conflict.stale_version' ? t('consent.conflict') : err.title}
        </Alert>
      ) : null}
      <TextAreaField id={form.id('reason')} label={t('consent.withdrawReason')} value={reason} onChange={setReason} error={form.errors.reason} rows={3} maxLength={2000} />
      <SelectField
        id={form.id('withdrawnByAdultId')}
        label={t('consent.withdrawBy')}
        value={by}
        onChange={setBy}
        error={form.errors.withdrawnByAdultId}
        options={[{ value: '', label: t('consent.withdrawByNone') }, ...data.custodyHolders.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <button type="submit" className="button button-primary mr-4" disabled={mutation.isPending}>
        {t('consent.withdrawConfirm')}
      </button>
      <button type="button" className="button button-tertiary" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

const RECORD_FIELDS = ['givenBy', 'purpose', 'recipientUnitIds', 'recipientProfessions', 'categories', 'form', 'validFrom', 'validUntil', 'note'] as const;

function RecordConsent({ childId, data }: { childId: string; data: ChildConsents }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('consent', RECORD_FIELDS);
  usePageSummary(form);
  const units = useQuery({ queryKey: organisationKeys.units({}), queryFn: () => listUnits({}) });
  const [givenBy, setGivenBy] = useState<string[]>([]);
  const [purpose, setPurpose] = useState<ConsentPurpose>('cooperation');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [professions, setProfessions] = useState<string[]>([]);
  const [categories, setCategories] = useState<ConsentCategory[]>(['health']);
  const [consentForm, setConsentForm] = useState<ConsentForm>('written');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validUntil, setValidUntil] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(0);
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  const mutation = useMutation({
    mutationFn: () =>
      createConsent(childId, {
        givenBy,
        purpose,
        recipientUnitIds: unitIds,
        recipientProfessions: professions,
        categories,
        form: consentForm,
        validFrom,
        validUntil: validUntil || null,
        ...(note.trim() ? { note } : {}),
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(consentKeys.child(childId), next);
      form.clear();
      setGivenBy([]);
      setUnitIds([]);
      setProfessions([]);
      setNote('');
      setSaved(Date.now());
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (
      form.fail({
        givenBy: givenBy.length ? '' : t('consent.required.givenBy'),
        recipientUnitIds: unitIds.length + professions.length ? '' : t('consent.required.recipients'),
        categories: categories.length ? '' : t('consent.required.categories'),
        validFrom: validFrom ? '' : t('consent.required.validFrom'),
      })
    )
      return;
    mutation.mutate();
  };
  const recipientUnits = (units.data ?? []).filter((u) => u.kind !== 'health_visiting');
  const errorText = (field: string) =>
    form.errors[field] ? (
      <span className="form-error-message">
        <span className="sr-only">{t('common.errorPrefix')}</span>
        {form.errors[field]}
      </span>
    ) : null;
  const alertError = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return (
    <section aria-labelledby="record-consent" className="mt-8">
      <h2 id="record-consent">{t('consent.recordHeading')}</h2>
      <p>{t('consent.recordIntro')}</p>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('consent.saved')}
        </Alert>
      ) : null}
      {alertError ? (
        <Alert variant="error" heading={t('errors.saveHeading')} headingLevel={3}>
          {alertError.title}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className={`form-group${form.errors.givenBy ? ' form-error' : ''}`}>
          <fieldset aria-describedby="consent-givenBy-hint">
            <legend className="form-label">{t('consent.givenByLegend')}</legend>
            <span className="form-hint" id="consent-givenBy-hint">
              {t('consent.givenByHint')}
            </span>
            {errorText('givenBy')}
            {data.custodyHolders.map((p, i) => (
              <CheckboxField key={p.id} id={i === 0 ? form.id('givenBy') : `${form.id('givenBy')}-${p.id}`} label={p.name} checked={givenBy.includes(p.id)} onChange={(on) => setGivenBy((l) => toggle(l, p.id, on))} />
            ))}
          </fieldset>
        </div>
        <SelectField
          id={form.id('purpose')}
          label={t('consent.purposeLabel')}
          value={purpose}
          onChange={(v) => setPurpose(v as ConsentPurpose)}
          error={form.errors.purpose}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consent.purpose.${p}`) }))}
        />
        <div className={`form-group${form.errors.recipientUnitIds ? ' form-error' : ''}`}>
          <fieldset aria-describedby="consent-units-hint">
            <legend className="form-label">{t('consent.recipientUnits')}</legend>
            <span className="form-hint" id="consent-units-hint">
              {t('consent.recipientUnitsHint')}
            </span>
            {errorText('recipientUnitIds')}
            {units.isPending ? <Spinner /> : null}
            {recipientUnits.map((u, i) => (
              <CheckboxField key={u.id} id={i === 0 ? form.id('recipientUnitIds') : `${form.id('recipientUnitIds')}-${u.id}`} label={u.name} checked={unitIds.includes(u.id)} onChange={(on) => setUnitIds((l) => toggle(l, u.id, on))} />
            ))}
          </fieldset>
        </div>
        <div className="form-group">
          <fieldset>
            <legend className="form-label">{t('consent.recipientProfessions')}</legend>
            {RECIPIENT_PROFESSIONS.map((p, i) => (
              <CheckboxField key={p} id={i === 0 ? form.id('recipientProfessions') : `${form.id('recipientProfessions')}-${p}`} label={t(`profession.${p}`)} checked={professions.includes(p)} onChange={(on) => setProfessions((l) => toggle(l, p, on))} />
            ))}
          </fieldset>
        </div>
        <div className={`form-group${form.errors.categories ? ' form-error' : ''}`}>
          <fieldset>
            <legend className="form-label">{t('consent.categoriesLegend')}</legend>
            {errorText('categories')}
            {CONSENT_CATEGORIES.map((c, i) => (
              <CheckboxField key={c} id={i === 0 ? form.id('categories') : `${form.id('categories')}-${c}`} label={t(`consent.category.${c}`)} checked={categories.includes(c)} onChange={(on) => setCategories((l) => toggle(l, c, on))} />
            ))}
          </fieldset>
        </div>
        <RadioGroupField
          id={form.id('form')}
          legend={t('consent.formLegend')}
          value={consentForm}
          onChange={(v) => setConsentForm(v as ConsentForm)}
          error={form.errors.form}
          options={CONSENT_FORMS.map((f) => ({ value: f, label: t(`consent.form.${f}`) }))}
        />
        <TextField id={form.id('validFrom')} type="date" label={t('consent.validFrom')} value={validFrom} onChange={setValidFrom} error={form.errors.validFrom} width="s" />
        <TextField id={form.id('validUntil')} type="date" label={t('consent.validUntil')} hint={t('consent.validUntilHint')} optional value={validUntil} onChange={setValidUntil} error={form.errors.validUntil} width="s" />
        <TextAreaField id={form.id('note')} label={t('consent.note')} optional value={note} onChange={setNote} error={form.errors.note} rows={3} maxLength={2000} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('consent.save')}
        </button>
      </form>
    </section>
  );
}

