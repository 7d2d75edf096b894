import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { createCluster, getOrganisation, organisationKeys } from '../api/organisation';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/FormField';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { useFormErrors } from '../forms';

const FIELDS = ['districtId', 'name'] as const;

/** `/admin/organisation/ny-klynge` (optionally `?distrikt=<id>` to preselect the district). */
export function ClusterCreate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: organisationKeys.organisation, queryFn: getOrganisation });
  const form = useFormErrors('cluster', FIELDS);
  const [districtId, setDistrictId] = useState(params.get('distrikt') ?? '');
  const [name, setName] = useState('');

  const mutation = useMutation({
    mutationFn: createCluster,
    onSuccess: (cluster, vars) => {
      void queryClient.invalidateQueries({ queryKey: organisationKeys.organisation });
      const district = org.data?.districts.find((d) => d.id === vars.districtId)?.name ?? '';
      navigate('/admin/organisation', {
        state: { flash: t('clusterForm.created', { name: cluster.name, district }) },
      });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (
      form.fail({
        districtId: districtId ? '' : t('clusterForm.districtRequired'),
        name: name.trim() ? '' : t('clusterForm.nameRequired'),
      })
    ) {
      return;
    }
    mutation.mutate({ districtId, name: name.trim() });
  };
  const alertError = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={t('clusterForm.title')} />
        <BackLink to="/admin/organisation">{t('organisation.backToOrganisation')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{t('clusterForm.title')}</h1>
        <p className="font-lead">{t('clusterForm.intro')}</p>
        {org.isPending ? <Spinner /> : null}
        {org.isError ? <ErrorState error={org.error} onRetry={() => void org.refetch()} /> : null}
        {org.data && org.data.districts.length === 0 ? (
          <EmptyState title={t('organisation.noDistricts')}>{t('clusterForm.noDistrictsYet')}</EmptyState>
        ) : null}
        {alertError ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
            {alertError.title}
          </Alert>
        ) : null}
        {org.data && org.data.districts.length > 0 ? (
          <form onSubmit={submit} noValidate>
            <SelectField
              id={form.id('districtId')}
              label={t('clusterForm.district')}
              value={districtId}
              onChange={setDistrictId}
              placeholder={t('clusterForm.chooseDistrict')}
              options={org.data.districts.map((d) => ({ value: d.id, label: d.name }))}
              error={form.errors.districtId}
              required
            />
            <TextField
              id={form.id('name')}
              label={t('clusterForm.name')}
              value={name}
              onChange={setName}
              error={form.errors.name}
              required
            />
            <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('clusterForm.submit')}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
