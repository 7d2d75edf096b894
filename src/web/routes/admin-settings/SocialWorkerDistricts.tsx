import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminSettingsKeys, getSocialWorkerDistricts, type Ref, type SocialWorkerCoverage, setSocialWorkerDistricts } from '../../api/adminSettings';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { useFormErrors } from '../../forms';

const FIELDS = ['districtIds'] as const;

/** One social worker: a fieldset with a checkbox per district and a save button of its own. */
function WorkerForm({ worker, districts }: { worker: SocialWorkerCoverage; districts: Ref[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors(`districts-${worker.id}`, FIELDS);
  const [chosen, setChosen] = useState<string[]>(worker.districts.map((d) => d.id));
  const [saved, setSaved] = useState<number | null>(null);

  useEffect(() => setChosen(worker.districts.map((d) => d.id)), [worker.districts]);

  const mutation = useMutation({
    mutationFn: () => setSocialWorkerDistricts(worker.id, chosen, worker.districts.map((d) => d.id)),
    onSuccess: () => {
      setSaved(Date.now());
      void queryClient.invalidateQueries({ queryKey: adminSettingsKeys.coverage });
    },
    onError: (err) => {
      form.failFromApi(err);
      // Someone changed this social worker's districts meanwhile: show theirs (the alert says why).
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: adminSettingsKeys.coverage });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    setSaved(null);
    form.clear();
    mutation.mutate();
  };

  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const alertError = err && err.errors.length === 0 ? err : null;
  const fieldId = form.id('districtIds');
  const error = form.errors.districtIds;
  const headingId = `${fieldId}-heading`;
  return (
    <section className="mt-7" aria-labelledby={headingId}>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h2 id={headingId} className="h3">
        {worker.name}
      </h2>
      <p className="mt-0">{worker.units.length ? t('adminSettings.districts.units', { units: worker.units.map((u) => u.name).join(', ') }) : t('adminSettings.districts.noUnit')}</p>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('adminSettings.districts.saved', { name: worker.name })}
        </Alert>
      ) : null}
      {alertError ? (
        <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
          {alertError.title}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className={`form-group mt-0${error ? ' form-error' : ''}`}>
          <fieldset id={fieldId} tabIndex={-1} aria-describedby={error ? `${fieldId}-error` : undefined}>
            <legend className="form-label">{t('adminSettings.districts.legend', { name: worker.name })}</legend>
            {error ? (
              <span className="form-error-message" id={`${fieldId}-error`}>
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {error}
              </span>
            ) : null}
            {districts.map((d) => (
              <CheckboxField
                key={d.id}
                id={`${fieldId}-${d.id}`}
                label={d.name}
                checked={chosen.includes(d.id)}
                onChange={(checked) => setChosen((c) => (checked ? [...c, d.id] : c.filter((x) => x !== d.id)))}
              />
            ))}
          </fieldset>
        </div>
        <button type="submit" className="button button-secondary mt-4" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('adminSettings.districts.save', { name: worker.name })}
        </button>
      </form>
    </section>
  );
}

/** `/admin/sparringsdistrikter`: each social worker with a checkbox per district (sparring requests go to those covering the unit's district). */
export function SocialWorkerDistricts() {
  const { t } = useTranslation();
  const coverage = useQuery({ queryKey: adminSettingsKeys.coverage, queryFn: getSocialWorkerDistricts, staleTime: 0 });
  const title = t('adminSettings.districts.title');
  const uncovered = coverage.data ? coverage.data.districts.filter((d) => !coverage.data.socialWorkers.some((w) => w.districts.some((x) => x.id === d.id))) : [];
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={title} />
        <BackLink to="/admin/indstillinger">{t('adminSettings.index.title')}</BackLink>
        <h1>{title}</h1>
        <p className="font-lead">{t('adminSettings.districts.lead')}</p>
        {coverage.isPending ? <Spinner /> : null}
        {coverage.isError ? <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} /> : null}
        {coverage.data && uncovered.length > 0 ? (
          <Alert variant="warning">
            <p className="alert-text">{t('adminSettings.districts.uncovered', { districts: uncovered.map((d) => d.name).join(', ') })}</p>
          </Alert>
        ) : null}
        {coverage.data && coverage.data.districts.length === 0 ? <p>{t('adminSettings.districts.noDistricts')}</p> : null}
        {coverage.data && coverage.data.socialWorkers.length === 0 ? (
          <EmptyState title={t('adminSettings.districts.empty')} headingLevel={2}>
            {t('adminSettings.districts.emptyText')}
          </EmptyState>
        ) : null}
        {coverage.data && coverage.data.districts.length > 0
          ? coverage.data.socialWorkers.map((w) => <WorkerForm key={w.id} worker={w} districts={coverage.data.districts} />)
          : null}
      </div>
    </div>
  );
}
