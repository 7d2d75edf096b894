import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { createOffer, type OfferInput, updateOffer } from '../../api/adminSettings';
import { ApiError } from '../../api/client';
import { type Audience, getOffer, type Offer, type OfferFormat, offerKeys } from '../../api/offers';
import { listUnits, organisationKeys } from '../../api/organisation';
import { SaveProblem } from '../../components/SaveProblem';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions } from '../../components/FormActions';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { useFormErrors } from '../../forms';
import { useCertificationLabel, useMethodLabel } from '../offers/shared';

const FIELDS = [
  'name',
  'description',
  'audience',
  'ageFromMonths',
  'ageToMonths',
  'format',
  'method',
  'requiredCertification',
  'unitIds',
  'defaultCapacity',
  'defaultSessionCount',
  'defaultSessionMinutes',
  'minSessionsToComplete',
  'active',
] as const;
const NUMBER_FIELDS = ['ageFromMonths', 'ageToMonths', 'defaultCapacity', 'defaultSessionCount', 'defaultSessionMinutes', 'minSessionsToComplete'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

const AUDIENCES: Audience[] = ['universal', 'vulnerable', 'staff'];
const FORMATS: OfferFormat[] = ['group_course', 'individual_course', 'drop_in', 'workshop', 'talk', 'forum'];
/** The methods the UI has names for (`offers.method.*`); an offer's other method key is kept as it is. */
const METHODS = ['cosp', 'family_group', 'open_counselling', 'staff_workshop', 'daycare_talk', 'competence_forum'];
/** The certification kinds the UI has names for (`certificationKind.*`). */
const CERTIFICATIONS = ['adbb', 'cosp_facilitator', 'signs_of_safety'];

interface Values extends Record<NumberField, string> {
  name: string;
  description: string;
  audience: Audience;
  format: OfferFormat;
  method: string;
  requiredCertification: string;
  unitIds: string[];
  active: boolean;
}

const EMPTY: Values = {
  name: '',
  description: '',
  audience: 'universal',
  format: 'group_course',
  method: '',
  requiredCertification: '',
  unitIds: [],
  active: true,
  ageFromMonths: '',
  ageToMonths: '',
  defaultCapacity: '',
  defaultSessionCount: '',
  defaultSessionMinutes: '',
  minSessionsToComplete: '',
};

const num = (n: number | null) => (n === null ? '' : String(n));

function toValues(o: Offer): Values {
  return {
    name: o.name,
    description: o.description,
    audience: o.audience,
    format: o.format,
    method: o.method,
    requiredCertification: o.requiredCertification ?? '',
    unitIds: o.units.map((u) => u.id),
    active: o.active,
    ageFromMonths: num(o.ageFromMonths),
    ageToMonths: num(o.ageToMonths),
    defaultCapacity: num(o.defaultCapacity),
    defaultSessionCount: num(o.defaultSessionCount),
    defaultSessionMinutes: num(o.defaultSessionMinutes),
    minSessionsToComplete: num(o.minSessionsToComplete),
  };
}

/** Empty → null; a whole number → the number (range checks are the server's, shown next to the field). */
const parse = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

function toBody(v: Values): OfferInput {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    audience: v.audience,
    format: v.format,
    method: v.method,
    requiredCertification: v.requiredCertification || null,
    unitIds: v.unitIds,
    active: v.active,
    ageFromMonths: parse(v.ageFromMonths),
    ageToMonths: parse(v.ageToMonths),
    defaultCapacity: parse(v.defaultCapacity),
    defaultSessionCount: parse(v.defaultSessionCount),
    defaultSessionMinutes: parse(v.defaultSessionMinutes),
    minSessionsToComplete: parse(v.minSessionsToComplete),
  };
}

/**
 * `/admin/tilbud/ny` and `/admin/tilbud/:id`: create or change an offer with every field. A change
 * sends the version read; 409 shows a conflict message with "Genindlæs"; the server's field errors
 * are shown next to the fields and in the error summary.
 */
export function OfferAdminForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const editing = Boolean(id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const methodLabel = useMethodLabel();
  const certLabel = useCertificationLabel();
  const offer = useQuery({ queryKey: offerKeys.offer(id ?? ''), queryFn: () => getOffer(id ?? ''), enabled: editing, staleTime: 0 });
  const units = useQuery({ queryKey: organisationKeys.units({}), queryFn: () => listUnits() });
  const form = useFormErrors('offer', FIELDS);
  const [values, setValues] = useState<Values>(EMPTY);
  const [version, setVersion] = useState<number | null>(editing ? null : 0);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);

  useEffect(() => {
    if (!offer.data) return;
    const key = `${offer.data.id}:${offer.data.version}:${offer.dataUpdatedAt}`;
    if (loadedFor === key) return;
    setValues(toValues(offer.data));
    setVersion(offer.data.version);
    setLoadedFor(key);
  }, [offer.data, offer.dataUpdatedAt, loadedFor]);

  const mutation = useMutation({
    mutationFn: (body: OfferInput) => (id ? updateOffer(id, { ...body, version: version ?? 0 }) : createOffer(body)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      navigate('/admin/tilbud', { state: { flash: t(editing ? 'offers.admin.saved' : 'offers.admin.created', { name: saved.name }) } });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const errors: Record<string, string> = { name: values.name.trim() ? '' : t('offers.admin.errors.name'), method: values.method ? '' : t('offers.admin.errors.method') };
    for (const field of NUMBER_FIELDS) {
      const raw = values[field].trim();
      if (raw !== '' && !/^\d+$/.test(raw)) errors[field] = t('offers.admin.errors.whole');
    }
    if (form.fail(errors)) return;
    mutation.mutate(toBody(values));
  };

  const reload = async () => {
    mutation.reset();
    form.clear();
    setLoadedFor(null);
    await offer.refetch();
  };

  const _err = mutation.error instanceof ApiError ? mutation.error : null;
  const title = editing ? (offer.data ? t('offers.admin.editTitle', { name: offer.data.name }) : t('common.edit')) : t('offers.admin.newTitle');
  const methods = values.method && !METHODS.includes(values.method) ? [...METHODS, values.method] : METHODS;
  const certs = values.requiredCertification && !CERTIFICATIONS.includes(values.requiredCertification) ? [...CERTIFICATIONS, values.requiredCertification] : CERTIFICATIONS;
  const ready = (!editing || (offer.data && version !== null)) && units.data;

  const numberField = (field: NumberField, label: string, hint?: string) => (
    <TextField
      id={form.id(field)}
      label={label}
      hint={hint}
      value={values[field]}
      onChange={set(field)}
      error={form.errors[field]}
      inputMode="numeric"
      width="xs"
      optional
    />
  );

  const unitsError = form.errors.unitIds;
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={title} />
        <BackLink to="/admin/tilbud">{t('offers.admin.back')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{title}</h1>
        {(editing && offer.isPending) || units.isPending ? <Spinner /> : null}
        {offer.isError ? <ErrorState error={offer.error} onRetry={() => void offer.refetch()} /> : null}
        {units.isError ? <ErrorState error={units.error} onRetry={() => void units.refetch()} /> : null}
        <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} conflictText={t('offers.admin.conflict')} onReload={() => void reload()} />
        {ready ? (
          <form onSubmit={submit} noValidate>
            <h2>{t('offers.admin.basics')}</h2>
            <TextField id={form.id('name')} label={t('offers.admin.name')} value={values.name} onChange={set('name')} error={form.errors.name} width="xl" required />
            <TextAreaField
              id={form.id('description')}
              label={t('offers.admin.description')}
              hint={t('offers.admin.descriptionHint')}
              value={values.description}
              onChange={set('description')}
              error={form.errors.description}
              rows={4}
              maxLength={4000}
              optional
            />
            <SelectField
              id={form.id('format')}
              label={t('offers.admin.format')}
              value={values.format}
              onChange={(v) => set('format')(v as OfferFormat)}
              options={FORMATS.map((f) => ({ value: f, label: t(`offers.format.${f}`) }))}
              error={form.errors.format}
            />
            <SelectField
              id={form.id('method')}
              label={t('offers.admin.method')}
              value={values.method}
              onChange={set('method')}
              placeholder={t('offers.admin.chooseMethod')}
              options={methods.map((m) => ({ value: m, label: methodLabel(m) }))}
              error={form.errors.method}
            />
            <SelectField
              id={form.id('audience')}
              label={t('offers.admin.audience')}
              value={values.audience}
              onChange={(v) => set('audience')(v as Audience)}
              options={AUDIENCES.map((a) => ({ value: a, label: t(`offers.audience.${a}`) }))}
              error={form.errors.audience}
            />
            {numberField('ageFromMonths', t('offers.admin.ageFrom'), t('offers.admin.ageHint'))}
            {numberField('ageToMonths', t('offers.admin.ageTo'))}
            <SelectField
              id={form.id('requiredCertification')}
              label={t('offers.admin.certification')}
              value={values.requiredCertification}
              onChange={set('requiredCertification')}
              options={[{ value: '', label: t('offers.noCertification') }, ...certs.map((c) => ({ value: c, label: certLabel(c) }))]}
              error={form.errors.requiredCertification}
            />
            <div className={`form-group${unitsError ? ' form-error' : ''}`}>
              <fieldset id={form.id('unitIds')} tabIndex={-1} aria-describedby={`${form.id('unitIds')}-hint${unitsError ? ` ${form.id('unitIds')}-error` : ''}`}>
                <legend className="form-label">{t('offers.admin.units')}</legend>
                <span className="form-hint" id={`${form.id('unitIds')}-hint`}>
                  {t('offers.admin.unitsHint')}
                </span>
                {unitsError ? (
                  <span className="form-error-message" id={`${form.id('unitIds')}-error`}>
                    <span className="sr-only">{t('common.errorPrefix')}</span>
                    {unitsError}
                  </span>
                ) : null}
                {units.data && units.data.length === 0 ? <p>{t('offers.admin.noUnits')}</p> : null}
                {units.data?.map((u) => (
                  <CheckboxField
                    key={u.id}
                    id={`${form.id('unitIds')}-${u.id}`}
                    label={u.name}
                    checked={values.unitIds.includes(u.id)}
                    onChange={(checked) => set('unitIds')(checked ? [...values.unitIds, u.id] : values.unitIds.filter((x) => x !== u.id))}
                  />
                ))}
              </fieldset>
            </div>
            <h2>{t('offers.admin.courseDefaults')}</h2>
            <p>{t('offers.admin.courseDefaultsHint')}</p>
            {numberField('defaultCapacity', t('offers.admin.defaultCapacity'))}
            {numberField('defaultSessionCount', t('offers.admin.defaultSessionCount'))}
            {numberField('defaultSessionMinutes', t('offers.admin.defaultSessionMinutes'))}
            {numberField('minSessionsToComplete', t('offers.admin.minSessionsToComplete'))}
            <CheckboxField id={form.id('active')} label={t('offers.admin.active')} checked={values.active} onChange={set('active')} />
            <FormActions
              pending={mutation.isPending}
              submitLabel={editing ? t('common.save') : t('offers.admin.create')}
              onCancel={() => navigate('/admin/tilbud')}
              cancelStyle="secondary"
            />
          </form>
        ) : null}
      </div>
    </div>
  );
}
