import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { parseCpr } from '../../domain/cpr';
import { childKeys, getChild, registerChild } from '../api/children';
import { ApiError } from '../api/client';
import type { ChildStatus, LegalSex, RegisterChildInput } from '../api/types';
import { useMe } from '../auth';
import { childName } from '../childText';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, RadioGroupField, SelectField, TextField } from '../components/FormField';
import {
  emptyGuardian,
  GUARDIAN_FIELDS,
  type GuardianDraft,
  GuardianFields,
  guardianInput,
  isBlankGuardian,
  validateGuardian,
} from '../components/GuardianFields';
import { PageTitle } from '../components/PageTitle';
import { formatDate, todayIso } from '../format';
import { useFormErrors } from '../forms';

const CHILD_FIELDS = [
  'firstName',
  'lastName',
  'cpr',
  'birthDate',
  'expectedDate',
  'legalSex',
  'address',
  'postalCode',
  'city',
  'healthUnitId',
  'healthVisitorId',
  'guardians',
] as const;
const FIELDS = [
  ...CHILD_FIELDS,
  ...[0, 1].flatMap((i) => GUARDIAN_FIELDS.map((f) => `guardians.${i}.${f}`)),
];

interface Duplicate {
  candidates: string[];
  hidden: number;
}

/**
 * `/boern/ny` (a born child) and `/boern/ny-graviditet` (a pregnancy with the expectant parents):
 * registers the child on a health-visiting unit's caseload. A possible duplicate (409) is shown
 * with links to the records the user may see, and can be overridden ("Det er et nyt barn").
 */
export function ChildRegister({ status }: { status: ChildStatus }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const expected = status === 'expected';
  const form = useFormErrors(expected ? 'pregnancy' : 'child', FIELDS);
  const healthUnits = me.units.filter((u) => u.kind === 'health_visiting');
  const [values, setValues] = useState({
    firstName: '',
    lastName: '',
    cpr: '',
    birthDate: '',
    expectedDate: '',
    legalSex: '' as LegalSex | '',
    dischargedWithin72h: false,
    address: '',
    postalCode: '',
    city: '',
    healthUnitId: healthUnits[0]?.id ?? '',
    healthVisitorId: me.profession === 'health_visitor' ? me.id : '',
  });
  const [guardians, setGuardians] = useState<GuardianDraft[]>([emptyGuardian('mother')]);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const set = (key: keyof typeof values) => (v: string | boolean) => setValues((s) => ({ ...s, [key]: v }));

  const setCpr = (v: string) => {
    setValues((s) => {
      const parsed = parseCpr(v.trim());
      // A valid CPR number tells the birth date and legal sex: fill them in when still empty.
      if (parsed.ok) {
        return {
          ...s,
          cpr: v,
          birthDate: s.birthDate || parsed.birthDate,
          legalSex: s.legalSex || parsed.legalSex,
        };
      }
      return { ...s, cpr: v };
    });
  };

  const mutation = useMutation({
    mutationFn: registerChild,
    onSuccess: (child) => {
      void queryClient.invalidateQueries({ queryKey: childKeys.all });
      queryClient.setQueryData(childKeys.detail(child.id), child);
      navigate(`/boern/${encodeURIComponent(child.id)}`, {
        state: {
          flash: expected
            ? t('register.createdPregnancy', { date: formatDate(child.expectedDate) })
            : t('register.createdChild', { name: childName(child, t) }),
        },
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'registry.possible_duplicate') {
        form.clear();
        const candidates = Array.isArray(err.problem?.candidates) ? (err.problem.candidates as string[]) : [];
        const hidden = typeof err.problem?.hiddenCandidates === 'number' ? err.problem.hiddenCandidates : 0;
        setDuplicate({ candidates, hidden });
        return;
      }
      setDuplicate(null);
      form.failFromApi(err);
    },
  });

  const sentGuardians = guardians.filter((g, i) => i === 0 || !isBlankGuardian(g));

  const validate = () => {
    const cpr = values.cpr.trim();
    const parsed = cpr ? parseCpr(cpr) : null;
    const today = todayIso();
    const errors: Record<string, string> = expected
      ? {
          expectedDate: !values.expectedDate
            ? t('register.expectedDateRequired')
            : values.expectedDate < today
              ? t('register.expectedDatePast')
              : '',
        }
      : {
          firstName: values.firstName.trim() ? '' : t('register.firstNameRequired'),
          lastName: values.lastName.trim() ? '' : t('register.lastNameRequired'),
          cpr: parsed && !parsed.ok ? t('register.cprInvalid') : '',
          birthDate: !values.birthDate
            ? t('register.birthDateRequired')
            : values.birthDate > today
              ? t('register.birthDateFuture')
              : parsed?.ok && parsed.birthDate !== values.birthDate
                ? t('register.birthDateMismatch')
                : '',
        };
    errors.healthUnitId = values.healthUnitId ? '' : t('register.unitRequired');
    const who = (i: number) => (expected ? t('register.expectantParentN', { n: i + 1 }) : t('register.parentN', { n: i + 1 }));
    sentGuardians.forEach((g, i) => {
      // A born child may be registered before the parents are known: an untouched first parent is left out.
      if (!expected && i === 0 && isBlankGuardian(g)) return;
      Object.assign(errors, validateGuardian(g, `guardians.${i}.`, t, who(i)));
    });
    return errors;
  };

  const submit = (confirmNotDuplicate: boolean) => {
    mutation.reset();
    if (form.fail(validate())) {
      setDuplicate(null);
      return;
    }
    const guardiansToSend = sentGuardians.filter((g, i) => expected || i > 0 || !isBlankGuardian(g));
    const body: RegisterChildInput = {
      status,
      healthUnitId: values.healthUnitId,
      healthVisitorId: values.healthVisitorId || null,
      address: values.address.trim() || null,
      postalCode: values.postalCode.trim() || null,
      city: values.city.trim() || null,
      guardians: guardiansToSend.map(guardianInput),
      ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
    };
    if (expected) {
      body.expectedDate = values.expectedDate;
      body.lastName = guardiansToSend[0]?.lastName.trim() || null;
    } else {
      body.firstName = values.firstName.trim();
      body.lastName = values.lastName.trim();
      body.cpr = values.cpr.trim() || null;
      body.birthDate = values.birthDate || null;
      body.legalSex = values.legalSex || null;
      body.dischargedWithin72h = values.dischargedWithin72h;
    }
    mutation.mutate(body);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(false);
  };

  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const alertError = err && err.errors.length === 0 && err.code !== 'registry.possible_duplicate' ? err : null;
  const title = expected ? t('register.titlePregnancy') : t('register.titleChild');

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageTitle title={title} />
        <BackLink to="/boern">{t('child.backToChildren')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{title}</h1>
        <p className="font-lead">{expected ? t('register.introPregnancy') : t('register.introChild')}</p>
        {alertError ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
            {alertError.title}
          </Alert>
        ) : null}
        {duplicate ? (
          <DuplicateWarning
            duplicate={duplicate}
            focusKey={mutation.submittedAt}
            busy={mutation.isPending}
            onConfirm={() => submit(true)}
            expected={expected}
          />
        ) : null}
        {healthUnits.length === 0 ? (
          <Alert variant="warning" heading={t('register.noUnitHeading')} announce={false}>
            {t('register.noUnitText')}
          </Alert>
        ) : null}
        <form onSubmit={onSubmit} noValidate>
          <section aria-labelledby="register-child" className="spire-form-section">
            <h2 id="register-child" className="h3">
              {expected ? t('register.pregnancyHeading') : t('register.childHeading')}
            </h2>
            {expected ? (
              <TextField
                id={form.id('expectedDate')}
                type="date"
                label={t('register.expectedDate')}
                hint={t('common.dateFormatHint')}
                value={values.expectedDate}
                onChange={set('expectedDate')}
                error={form.errors.expectedDate}
                width="s"
                required
              />
            ) : (
              <>
                <div className="spire-inline-fields">
                  <TextField id={form.id('firstName')} label={t('register.firstName')} value={values.firstName} onChange={set('firstName')} error={form.errors.firstName} autoComplete="off" required />
                  <TextField id={form.id('lastName')} label={t('register.lastName')} value={values.lastName} onChange={set('lastName')} error={form.errors.lastName} autoComplete="off" required />
                </div>
                <TextField
                  id={form.id('cpr')}
                  label={t('register.cpr')}
                  hint={t('register.cprHint')}
                  value={values.cpr}
                  onChange={setCpr}
                  error={form.errors.cpr}
                  autoComplete="off"
                  inputMode="numeric"
                  spellCheck={false}
                  width="s"
                  optional
                />
                <TextField
                  id={form.id('birthDate')}
                  type="date"
                  label={t('register.birthDate')}
                  hint={t('common.dateFormatHint')}
                  value={values.birthDate}
                  onChange={set('birthDate')}
                  error={form.errors.birthDate}
                  max={todayIso()}
                  width="s"
                  required
                />
                <RadioGroupField
                  id={form.id('legalSex')}
                  legend={t('register.legalSex')}
                  hint={t('register.legalSexHint')}
                  value={values.legalSex}
                  onChange={set('legalSex')}
                  error={form.errors.legalSex}
                  options={[
                    { value: 'female', label: t('legalSex.female') },
                    { value: 'male', label: t('legalSex.male') },
                  ]}
                  optional
                />
                <div className="form-group">
                  <CheckboxField
                    id={form.id('dischargedWithin72h')}
                    label={t('register.discharged')}
                    hint={t('register.dischargedHint')}
                    checked={values.dischargedWithin72h}
                    onChange={set('dischargedWithin72h')}
                  />
                </div>
              </>
            )}
          </section>

          <section aria-labelledby="register-address" className="spire-form-section">
            <h2 id="register-address" className="h3">
              {t('register.addressHeading')}
            </h2>
            <TextField id={form.id('address')} label={t('register.address')} hint={t('register.addressHint')} value={values.address} onChange={set('address')} error={form.errors.address} autoComplete="off" optional />
            <div className="spire-inline-fields">
              <TextField id={form.id('postalCode')} label={t('register.postalCode')} value={values.postalCode} onChange={set('postalCode')} error={form.errors.postalCode} autoComplete="off" inputMode="numeric" width="xs" optional />
              <TextField id={form.id('city')} label={t('register.city')} value={values.city} onChange={set('city')} error={form.errors.city} autoComplete="off" width="m" optional />
            </div>
          </section>

          <section aria-labelledby="register-health" className="spire-form-section">
            <h2 id="register-health" className="h3">
              {t('register.healthHeading')}
            </h2>
            <SelectField
              id={form.id('healthUnitId')}
              label={t('register.healthUnit')}
              value={values.healthUnitId}
              onChange={set('healthUnitId')}
              placeholder={healthUnits.length === 1 ? undefined : t('register.chooseUnit')}
              options={healthUnits.map((u) => ({ value: u.id, label: u.name }))}
              error={form.errors.healthUnitId}
              required
            />
            <SelectField
              id={form.id('healthVisitorId')}
              label={t('register.healthVisitor')}
              hint={t('register.healthVisitorHint')}
              value={values.healthVisitorId}
              onChange={set('healthVisitorId')}
              options={[
                ...(me.profession === 'health_visitor' ? [{ value: me.id, label: t('register.me', { name: me.name }) }] : []),
                { value: '', label: t('register.notAssigned') },
              ]}
              error={form.errors.healthVisitorId}
            />
          </section>

          <section aria-labelledby="register-parents" className="spire-form-section">
            <h2 id="register-parents" className="h3">
              {expected ? t('register.expectantParentsHeading') : t('register.parentsHeading')}
            </h2>
            <p>{expected ? t('register.expectantParentsIntro') : t('register.parentsIntro')}</p>
            {form.errors.guardians ? (
              <p className="form-error-message" id={form.id('guardians')} tabIndex={-1}>
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {form.errors.guardians}
              </p>
            ) : null}
            {guardians.map((g, i) => (
              <div key={i === 0 ? 'first' : 'second'}>
                <GuardianFields
                  legend={expected ? t('register.expectantParentN', { n: i + 1 }) : t('register.parentN', { n: i + 1 })}
                  value={g}
                  onChange={(next) => setGuardians((all) => all.map((x, j) => (j === i ? next : x)))}
                  form={form}
                  prefix={`guardians.${i}.`}
                  expected={expected}
                />
                {i === 1 ? (
                  <button
                    type="button"
                    className="button button-tertiary mt-4"
                    onClick={() => setGuardians((all) => all.slice(0, 1))}
                  >
                    {t('register.removeSecondParent')}
                  </button>
                ) : null}
              </div>
            ))}
            {guardians.length < 2 ? (
              <button
                type="button"
                className="button button-secondary mt-5"
                onClick={() => setGuardians((all) => [...all, emptyGuardian('father')])}
              >
                {expected ? t('register.addExpectantParent') : t('register.addParent')}
              </button>
            ) : null}
          </section>

          <div className="spire-actions mt-7">
            <button type="submit" className="button button-primary" disabled={mutation.isPending || healthUnits.length === 0}>
              {mutation.isPending ? t('common.saving') : expected ? t('register.submitPregnancy') : t('register.submitChild')}
            </button>
            <Link to="/boern" className="button button-tertiary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

/** The 409 `registry.possible_duplicate`: the records the user may open, how many are hidden, and the override. */
function DuplicateWarning({
  duplicate,
  focusKey,
  busy,
  onConfirm,
  expected,
}: {
  duplicate: Duplicate;
  focusKey: number;
  busy: boolean;
  onConfirm: () => void;
  expected: boolean;
}) {
  const { t } = useTranslation();
  const candidates = useQueries({
    queries: duplicate.candidates.slice(0, 5).map((id) => ({
      queryKey: childKeys.detail(id),
      queryFn: () => getChild(id),
    })),
  });
  const rows = useMemo(
    () =>
      duplicate.candidates.slice(0, 5).map((id, i) => {
        const c = candidates[i]?.data;
        return { id, label: c ? childName(c, t) : t('register.duplicateRecord', { n: i + 1 }), c };
      }),
    [candidates, duplicate.candidates, t],
  );
  return (
    <Alert variant="warning" heading={t('register.duplicateHeading')} focusKey={focusKey} className="mb-6">
      <p className="alert-text">{expected ? t('register.duplicateTextPregnancy') : t('register.duplicateText')}</p>
      {rows.length > 0 ? (
        <ul className="alert-text">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={`/boern/${encodeURIComponent(r.id)}`} target="_blank" rel="noopener">
                {r.label}
                <span className="sr-only"> {t('common.opensInNewWindow')}</span>
              </Link>
              {r.c ? (
                <span className="spire-muted">
                  {' '}
                  · {r.c.cprMasked ?? (r.c.birthDate ? formatDate(r.c.birthDate) : t('children.due', { date: formatDate(r.c.expectedDate) }))}
                  {r.c.healthVisitorName ? ` · ${r.c.healthVisitorName}` : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {duplicate.hidden > 0 ? <p className="alert-text">{t('register.duplicateHidden', { count: duplicate.hidden })}</p> : null}
      <div className="spire-actions mt-4">
        <button type="button" className="button button-secondary" onClick={onConfirm} disabled={busy}>
          {busy ? t('common.saving') : expected ? t('register.confirmNewPregnancy') : t('register.confirmNew')}
        </button>
      </div>
    </Alert>
  );
}
