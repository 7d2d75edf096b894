import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { createUnit, getOrganisation, organisationKeys } from '../api/organisation';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { UNIT_FIELDS, UnitFormFields, emptyUnitValues, unitBody, validateUnit } from '../components/UnitFormFields';
import { useFormErrors } from '../forms';

/** `/admin/organisation/ny-enhed`. */
export function UnitCreate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: organisationKeys.organisation, queryFn: getOrganisation });
  const form = useFormErrors('unit', UNIT_FIELDS);
  const [values, setValues] = useState(emptyUnitValues);

  const mutation = useMutation({
    mutationFn: createUnit,
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: organisationKeys.allUnits });
      navigate('/admin/organisation', { state: { flash: t('unitForm.created', { name: unit.name }) } });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (form.fail(validateUnit(values, t))) return;
    mutation.mutate(unitBody(values, false));
  };
  const alertError = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={t('unitForm.createTitle')} />
        <BackLink to="/admin/organisation">{t('organisation.backToOrganisation')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{t('unitForm.createTitle')}</h1>
        <p className="font-lead">{t('unitForm.intro')}</p>
        {org.isPending ? <Spinner /> : null}
        {org.isError ? <ErrorState error={org.error} onRetry={() => void org.refetch()} /> : null}
        {org.data && org.data.districts.length === 0 ? (
          <EmptyState title={t('organisation.noDistricts')}>{t('unitForm.noDistrictsYet')}</EmptyState>
        ) : null}
        {alertError ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
            {alertError.title}
          </Alert>
        ) : null}
        {org.data && org.data.districts.length > 0 ? (
          <form onSubmit={submit} noValidate>
            <UnitFormFields values={values} onChange={setValues} form={form} districts={org.data.districts} />
            <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('unitForm.submitCreate')}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
