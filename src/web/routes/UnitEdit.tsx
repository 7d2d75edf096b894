import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { getOrganisation, getUnit, organisationKeys, updateUnit } from '../api/organisation';
import type { Unit } from '../api/types';
import { SaveProblem } from '../components/SaveProblem';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import {
  UNIT_FIELDS,
  UnitFormFields,
  type UnitValues,
  emptyUnitValues,
  unitBody,
  unitToValues,
  validateUnit,
} from '../components/UnitFormFields';
import { useFormErrors } from '../forms';
import { FormActions } from '../components/FormActions';

/** `/admin/organisation/enheder/:id`: edit a unit; sends `version`, handles 409 with a reload. */
export function UnitEdit() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const unit = useQuery({ queryKey: organisationKeys.unit(id), queryFn: () => getUnit(id), staleTime: 0 });
  const org = useQuery({ queryKey: organisationKeys.organisation, queryFn: getOrganisation });
  const form = useFormErrors('unit', UNIT_FIELDS);
  const [values, setValues] = useState<UnitValues>(emptyUnitValues);
  const [version, setVersion] = useState<number | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);

  // Fill the form once per loaded unit (and again after "Genindlæs").
  useEffect(() => {
    if (unit.data && loadedFor !== `${unit.data.id}:${unit.data.version}:${unit.dataUpdatedAt}`) {
      setValues(unitToValues(unit.data));
      setVersion(unit.data.version);
      setLoadedFor(`${unit.data.id}:${unit.data.version}:${unit.dataUpdatedAt}`);
    }
  }, [unit.data, unit.dataUpdatedAt, loadedFor]);

  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof unitBody>) => updateUnit(id, { ...body, version: version ?? 0 }),
    onSuccess: (saved: Unit) => {
      queryClient.setQueryData(organisationKeys.unit(id), saved);
      void queryClient.invalidateQueries({ queryKey: organisationKeys.allUnits });
      navigate('/admin/organisation', { state: { flash: t('unitForm.saved', { name: saved.name }) } });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (form.fail(validateUnit(values, t))) return;
    mutation.mutate(unitBody(values, true));
  };

  const reload = async () => {
    mutation.reset();
    form.clear();
    await unit.refetch();
  };

  const _err = mutation.error instanceof ApiError ? mutation.error : null;
  const title = unit.data ? t('unitForm.editTitle', { name: unit.data.name }) : t('common.edit');

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={title} />
        <BackLink to="/admin/organisation">{t('organisation.backToOrganisation')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{title}</h1>
        {unit.isPending || org.isPending ? <Spinner /> : null}
        {unit.isError ? <ErrorState error={unit.error} onRetry={() => void unit.refetch()} /> : null}
        {org.isError ? <ErrorState error={org.error} onRetry={() => void org.refetch()} /> : null}
        <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} conflictText={t('errors.unitConflict')} onReload={() => void reload()} />
        {unit.data && org.data && version !== null ? (
          <form onSubmit={submit} noValidate>
            <UnitFormFields values={values} onChange={setValues} form={form} districts={org.data.districts} />
            <FormActions pending={mutation.isPending} submitLabel={t('common.save')} onCancel={() => navigate('/admin/organisation')} cancelStyle="secondary" />
          </form>
        ) : null}
      </div>
    </div>
  );
}
