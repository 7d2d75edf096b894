import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { createStaff, staffKeys } from '../api/staff';
import { PROFESSIONS, type Profession } from '../api/types';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/FormField';
import { PageTitle } from '../components/PageTitle';
import { isEmail, useFormErrors } from '../forms';

const FIELDS = ['name', 'username', 'email', 'profession', 'password'] as const;
export const MIN_PASSWORD_LENGTH = 12;

/** `/admin/medarbejdere/ny`: create an account; then go to the new person's page to add a unit. */
export function StaffCreate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('staff', FIELDS);
  const [values, setValues] = useState({ name: '', username: '', email: '', profession: '', password: '' });
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  const mutation = useMutation({
    mutationFn: createStaff,
    onSuccess: (staff) => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
      queryClient.setQueryData(staffKeys.detail(staff.id), staff);
      navigate(`/admin/medarbejdere/${encodeURIComponent(staff.id)}`, {
        state: { flash: t('staffForm.created', { name: staff.name }) },
      });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const errors = {
      name: values.name.trim() ? '' : t('staffForm.nameRequired'),
      username: values.username.trim() ? '' : t('staffForm.usernameRequired'),
      email: values.email.trim() && !isEmail(values.email) ? t('staffForm.emailInvalid') : '',
      profession: values.profession ? '' : t('staffForm.professionRequired'),
      password: !values.password
        ? t('staffForm.passwordRequired')
        : values.password.length < MIN_PASSWORD_LENGTH
          ? t('staffForm.passwordTooShort')
          : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate({
      name: values.name.trim(),
      username: values.username.trim(),
      email: values.email.trim() || undefined,
      profession: values.profession as Profession,
      password: values.password,
    });
  };

  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const alertError = err && err.errors.length === 0 ? err : null;

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={t('staffForm.title')} />
        <BackLink to="/admin/medarbejdere">{t('staffDetail.back')}</BackLink>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{t('staffForm.title')}</h1>
        <p className="font-lead">{t('staffForm.intro')}</p>
        {alertError ? (
          <Alert variant="error" heading={t('errors.saveHeading')} focusKey={mutation.submittedAt}>
            {alertError.title}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextField
            id={form.id('name')}
            label={t('staffForm.name')}
            value={values.name}
            onChange={set('name')}
            error={form.errors.name}
            autoComplete="off"
            required
          />
          <TextField
            id={form.id('username')}
            label={t('staffForm.username')}
            hint={t('staffForm.usernameHint')}
            value={values.username}
            onChange={set('username')}
            error={form.errors.username}
            autoComplete="off"
            spellCheck={false}
            width="m"
            required
          />
          <TextField
            id={form.id('email')}
            type="email"
            label={t('staffForm.email')}
            hint={t('staffForm.emailHint')}
            value={values.email}
            onChange={set('email')}
            error={form.errors.email}
            autoComplete="off"
            spellCheck={false}
            optional
          />
          <SelectField
            id={form.id('profession')}
            label={t('staffForm.profession')}
            value={values.profession}
            onChange={set('profession')}
            placeholder={t('staffForm.chooseProfession')}
            options={PROFESSIONS.map((p) => ({ value: p, label: t(`profession.${p}`) }))}
            error={form.errors.profession}
            required
          />
          <TextField
            id={form.id('password')}
            type="password"
            label={t('staffForm.password')}
            hint={t('staffForm.passwordHint')}
            value={values.password}
            onChange={set('password')}
            error={form.errors.password}
            autoComplete="new-password"
            required
          />
          <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('staffForm.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
