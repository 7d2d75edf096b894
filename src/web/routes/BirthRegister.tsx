import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { parseCpr } from '../../domain/cpr';
import { childKeys, getChild, registerBirth } from '../api/children';
import { ApiError } from '../api/client';
import type { ChildDetail, LegalSex } from '../api/types';
import { childName } from '../childText';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, RadioGroupField, TextField } from '../components/FormField';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { formatDate, todayIso } from '../format';
import { useFormErrors } from '../forms';

const FIELDS = ['firstName', 'lastName', 'cpr', 'birthDate', 'legalSex'] as const;

/**
 * `/boern/:id/foedsel`: turns an expected child (a pregnancy) into the child's record. Everything
 * recorded so far (parents, visits, notes) stays; the programme is then counted from the birth.
 */
export function BirthRegister() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useQuery({ queryKey: childKeys.detail(id), queryFn: () => getChild(id) });
  const back = `/boern/${encodeURIComponent(id)}`;
  if (child.isPending) {
    return (
      <>
        <BackLink to={back}>{t('birth.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (child.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/boern">{t('child.backToChildren')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={child.error} onRetry={() => void child.refetch()} />
      </>
    );
  }
  if (child.data.status === 'born' || !child.data.access.edit) {
    return (
      <>
        <PageTitle title={t('birth.title')} />
        <BackLink to={back}>{t('birth.back')}</BackLink>
        <h1>{t('birth.title')}</h1>
        <p className="font-lead">{child.data.status === 'born' ? t('birth.alreadyBorn') : t('birth.forbidden')}</p>
      </>
    );
  }
  return <BirthForm child={child.data} back={back} />;
}

function BirthForm({ child, back }: { child: ChildDetail; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('birth', FIELDS);
  const [values, setValues] = useState({
    firstName: '',
    lastName: child.lastName ?? '',
    cpr: '',
    birthDate: '',
    legalSex: '' as LegalSex | '',
    dischargedWithin72h: false,
  });
  const set = (key: keyof typeof values) => (v: string | boolean) => setValues((s) => ({ ...s, [key]: v }));
  const setCpr = (v: string) =>
    setValues((s) => {
      const parsed = parseCpr(v.trim());
      return parsed.ok
        ? { ...s, cpr: v, birthDate: s.birthDate || parsed.birthDate, legalSex: s.legalSex || parsed.legalSex }
        : { ...s, cpr: v };
    });

  const mutation = useMutation({
    mutationFn: () =>
      registerBirth(child.id, {
        version: child.version,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        cpr: values.cpr.trim() || null,
        birthDate: values.birthDate || null,
        legalSex: values.legalSex || null,
        dischargedWithin72h: values.dischargedWithin72h,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(childKeys.detail(child.id), next);
      void queryClient.invalidateQueries({ queryKey: childKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['my-day'] });
      navigate(`${back}?fane=sundhedspleje`, { state: { flash: t('birth.done', { name: childName(next, t) }) } });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const cpr = values.cpr.trim();
    const parsed = cpr ? parseCpr(cpr) : null;
    const errors = {
      firstName: values.firstName.trim() ? '' : t('register.firstNameRequired'),
      lastName: values.lastName.trim() ? '' : t('register.lastNameRequired'),
      cpr: parsed && !parsed.ok ? t('register.cprInvalid') : '',
      birthDate: !values.birthDate
        ? t('register.birthDateRequired')
        : values.birthDate > todayIso()
          ? t('register.birthDateFuture')
          : parsed?.ok && parsed.birthDate !== values.birthDate
            ? t('register.birthDateMismatch')
            : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const alertError = err && err.errors.length === 0 ? err : null;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageTitle title={t('birth.title')} />
        <BackLink to={back}>{t('birth.back')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1 className="mb-3">{t('birth.title')}</h1>
        <p className="font-lead">
          {childName(child, t)} · {t('birth.expected', { date: formatDate(child.expectedDate) })}
        </p>
        <p>{t('birth.intro')}</p>
        {alertError ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
            {alertError.title}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <div className="spire-inline-fields">
            <TextField id={form.id('firstName')} label={t('register.firstName')} value={values.firstName} onChange={set('firstName')} error={form.errors.firstName} autoComplete="off" required />
            <TextField id={form.id('lastName')} label={t('register.lastName')} value={values.lastName} onChange={set('lastName')} error={form.errors.lastName} autoComplete="off" required />
          </div>
          <TextField id={form.id('cpr')} label={t('register.cpr')} hint={t('register.cprHint')} value={values.cpr} onChange={setCpr} error={form.errors.cpr} autoComplete="off" inputMode="numeric" spellCheck={false} width="s" optional />
          <TextField id={form.id('birthDate')} type="date" label={t('register.birthDate')} hint={t('common.dateFormatHint')} value={values.birthDate} onChange={set('birthDate')} error={form.errors.birthDate} max={todayIso()} width="s" required />
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
            <CheckboxField id={form.id('dischargedWithin72h')} label={t('register.discharged')} hint={t('register.dischargedHint')} checked={values.dischargedWithin72h} onChange={set('dischargedWithin72h')} />
          </div>
          <div className="spire-actions mt-7">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('birth.submit')}
            </button>
            <Link to={back} className="button button-tertiary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
