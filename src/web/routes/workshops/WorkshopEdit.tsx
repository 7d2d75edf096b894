import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { counsellingKeys } from '../../api/counselling';
import { deleteWorkshop, getWorkshop, updateWorkshop, workshopKeys } from '../../api/workshops';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { useFormErrors } from '../../forms';
import { WORKSHOP_FIELDS, WorkshopForm } from './WorkshopForm';

/** `/workshops/:id`: change or delete a workshop (with the version read; a stale version is refused). */
export function WorkshopEdit() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: workshopKeys.one(id), queryFn: () => getWorkshop(id) });
  const form = useFormErrors('workshop', WORKSHOP_FIELDS);
  const done = (flash: string) => {
    void queryClient.invalidateQueries({ queryKey: workshopKeys.all });
    void queryClient.invalidateQueries({ queryKey: counsellingKeys.all });
    navigate('/workshops', { state: { flash } });
  };
  const save = useMutation({
    mutationFn: (input: Parameters<typeof updateWorkshop>[1]) => updateWorkshop(id, input),
    onSuccess: () => done(t('counselling.workshops.saved')),
    onError: (err) => form.failFromApi(err),
  });
  const remove = useMutation({
    mutationFn: (version: number) => deleteWorkshop(id, version),
    onSuccess: () => done(t('counselling.workshops.removed')),
  });
  return (
    <>
      <PageTitle title={t('counselling.workshops.editTitle')} />
      <BackLink to="/workshops">{t('counselling.workshops.back')}</BackLink>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h1>{t('counselling.workshops.editTitle')}</h1>
      {q.isPending ? <Spinner /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      {q.data ? (
        <WorkshopForm
          form={form}
          initial={q.data}
          pending={save.isPending}
          error={save.error}
          submitLabel={t('counselling.workshops.save')}
          onSubmit={({ offerId: _offer, ...input }) => save.mutate({ ...input, version: q.data.version })}
          extraActions={
            <button
              type="button"
              className="button button-secondary"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('counselling.workshops.removeConfirm'))) remove.mutate(q.data.version);
              }}
            >
              {t('counselling.workshops.remove')}
            </button>
          }
        />
      ) : null}
    </>
  );
}
