import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { createDistrict, organisationKeys } from '../api/organisation';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/FormField';
import { PageTitle } from '../components/PageTitle';
import { useFormErrors } from '../forms';

const FIELDS = ['name'] as const;

/** `/admin/organisation/nyt-distrikt`. */
export function DistrictCreate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('district', FIELDS);
  const [name, setName] = useState('');
  const mutation = useMutation({
    mutationFn: createDistrict,
    onSuccess: (district) => {
      void queryClient.invalidateQueries({ queryKey: organisationKeys.organisation });
      navigate('/admin/organisation', { state: { flash: t('districtForm.created', { name: district.name }) } });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    if (form.fail({ name: name.trim() ? '' : t('districtForm.nameRequired') })) return;
    mutation.mutate({ name: name.trim() });
  };
  const alertError = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={t('districtForm.title')} />
        <BackLink to="/admin/organisation">{t('organisation.backToOrganisation')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{t('districtForm.title')}</h1>
        <p className="font-lead">{t('districtForm.intro')}</p>
        {alertError ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
            {alertError.title}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextField
            id={form.id('name')}
            label={t('districtForm.name')}
            hint={t('districtForm.nameHint')}
            value={name}
            onChange={setName}
            error={form.errors.name}
            required
          />
          <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('districtForm.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
