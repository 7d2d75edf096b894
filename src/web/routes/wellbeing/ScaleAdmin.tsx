import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getScale, type ScaleLevel, scaleName, setScale, wellbeingKeys } from '../../api/wellbeing';
import { Alert } from '../../components/Alert';
import { SaveProblem } from '../../components/SaveProblem';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { useFormErrors } from '../../forms';
import { LevelBadge } from './shared';
import { levelMeaning } from '../../api/wellbeing';

const FIELDS = ['scale'] as const;

/** `/admin/trivselsskala`: choose the municipality's wellbeing scale for new rounds (PUT with version, 409 reload). */
export function WellbeingScaleAdmin() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scale = useQuery({ queryKey: wellbeingKeys.scale, queryFn: getScale, staleTime: 0 });
  const form = useFormErrors('scale', FIELDS);
  const [choice, setChoice] = useState('');
  const [saved, setSaved] = useState<{ at: number; name: string } | null>(null);

  useEffect(() => {
    if (scale.data) setChoice(scale.data.key);
  }, [scale.data]);

  const mutation = useMutation({
    mutationFn: () => setScale({ version: scale.data?.version ?? 0, scale: choice }),
    onSuccess: (next) => {
      queryClient.setQueryData(wellbeingKeys.scale, next);
      setSaved({ at: Date.now(), name: scaleName(next) });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    setSaved(null);
    if (form.fail({ scale: choice ? '' : t('wellbeing.scale.required') })) return;
    mutation.mutate();
  };
  const _err = mutation.error instanceof ApiError ? mutation.error : null;
  const title = t('wellbeing.scale.title');
  const chosen = scale.data?.available.find((s) => s.key === choice);

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={title} />
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <h1>{title}</h1>
        <p className="font-lead">{t('wellbeing.scale.lead')}</p>
        {scale.isPending ? <Spinner /> : null}
        {scale.isError ? <ErrorState error={scale.error} onRetry={() => void scale.refetch()} /> : null}
        {saved ? (
          <Alert variant="success" announce focusKey={saved.at}>
            {t('wellbeing.scale.saved', { name: saved.name })}
          </Alert>
        ) : null}
        <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} conflictText={t('wellbeing.scale.conflict')} onReload={() => {
              mutation.reset();
              void scale.refetch();
            }} />
        {scale.data ? (
          <>
            <p>
              <strong>{t('wellbeing.scale.current', { name: scaleName(scale.data) })}</strong>
            </p>
            {scale.data.source === 'default' ? <p>{t('wellbeing.scale.defaultNote')}</p> : null}
            <form onSubmit={submit} noValidate>
              <RadioGroupField
                id={form.id('scale')}
                legend={t('wellbeing.scale.choose')}
                value={choice}
                onChange={setChoice}
                error={form.errors.scale}
                options={scale.data.available.map((s) => ({ value: s.key, label: scaleName(s) }))}
              />
              {chosen ? (
                <DataTable<ScaleLevel>
                  caption={t('wellbeing.scale.levelsCaption', { name: scaleName(chosen) })}
                  rows={[...chosen.levels].sort((a, b) => a.rank - b.rank)}
                  rowKey={(l) => l.key}
                  columns={[
                    { key: 'level', header: t('wellbeing.scale.col.level'), rowHeader: true, render: (l) => <LevelBadge level={l} /> },
                    { key: 'meaning', header: t('wellbeing.scale.col.meaning'), render: (l) => levelMeaning(l) },
                  ]}
                />
              ) : null}
              <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending}>
                {mutation.isPending ? t('common.saving') : t('common.save')}
              </button>
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
