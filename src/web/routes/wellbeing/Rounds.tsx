import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { createRound, listRounds, type Round, type Season, wellbeingKeys } from '../../api/wellbeing';
import { useMe } from '../../auth';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Flash } from '../../components/Flash';
import { SelectField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { daycareUnits, usePercent } from './shared';

const FIELDS = ['season', 'year'] as const;

/** The season of today: January–June spring, July–December autumn (as the server's default). */
function currentSeason(): { season: Season; year: number } {
  const [y, m] = todayIso().split('-').map(Number);
  return { season: m <= 6 ? 'spring' : 'autumn', year: y };
}

/**
 * `/trivsel`: the daycare unit's wellbeing rating rounds with progress, and "Start runde".
 * A pedagogue in several daycare units chooses the unit (`?enhed=`).
 */
export function WellbeingRounds() {
  const { t } = useTranslation();
  const me = useMe();
  const units = daycareUnits(me);
  const [params, setParams] = useSearchParams();
  const unit = units.find((u) => u.id === params.get('enhed')) ?? units[0];
  const percent = usePercent();
  const rounds = useQuery({
    queryKey: wellbeingKeys.rounds(unit?.id ?? ''),
    queryFn: () => listRounds(unit?.id ?? ''),
    enabled: Boolean(unit),
  });

  if (!unit) {
    return (
      <>
        <PageTitle title={t('wellbeing.rounds.title')} />
        <h1>{t('wellbeing.rounds.title')}</h1>
        <p className="font-lead">{t('wellbeing.rounds.noUnit')}</p>
      </>
    );
  }
  const title = t('wellbeing.rounds.titleForUnit', { unit: unit.name });

  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="font-lead">{t('wellbeing.rounds.lead')}</p>
      <Flash />
      {units.length > 1 ? (
        <SelectField
          id="wellbeing-unit"
          label={t('wellbeing.rounds.chooseUnit')}
          value={unit.id}
          onChange={(value) => setParams({ enhed: value }, { replace: true })}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      ) : null}
      {rounds.isPending ? <Spinner /> : null}
      {rounds.isError ? <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
      {rounds.data ? (
        rounds.data.length === 0 ? (
          <EmptyState title={t('wellbeing.rounds.empty')} headingLevel={2}>
            <p>{t('wellbeing.rounds.emptyText', { unit: unit.name })}</p>
          </EmptyState>
        ) : (
          <DataTable<Round>
            caption={t('wellbeing.rounds.listCaption')}
            rows={rounds.data}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'name',
                header: t('wellbeing.rounds.col.name'),
                rowHeader: true,
                render: (r) => <Link to={`/trivsel/runder/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
              },
              {
                key: 'period',
                header: t('wellbeing.rounds.col.period'),
                render: (r) => `${formatDate(r.periodStart)}–${formatDate(r.periodEnd)}`,
              },
              { key: 'children', header: t('wellbeing.rounds.col.children'), numeric: true, render: (r) => r.progress.children },
              {
                key: 'progress',
                header: t('wellbeing.rounds.col.progress'),
                render: (r) => (
                  <>
                    <progress
                      max={Math.max(r.progress.children, 1)}
                      value={r.progress.jointRated}
                      aria-hidden="true"
                      className="mr-3"
                    />
                    {t('wellbeing.rounds.progressText', {
                      done: r.progress.jointRated,
                      total: r.progress.children,
                      percent: percent(r.progress.shareJointRated),
                    })}
                  </>
                ),
              },
            ]}
          />
        )
      ) : null}
      <CreateRoundForm unitId={unit.id} />
    </>
  );
}

function CreateRoundForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors('round', FIELDS);
  const now = currentSeason();
  const [season, setSeason] = useState<Season>(now.season);
  const [year, setYear] = useState(String(now.year));
  const years = [now.year - 1, now.year, now.year + 1].map(String);

  const mutation = useMutation({
    mutationFn: () => createRound(unitId, { season, year: Number(year) }),
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: wellbeingKeys.rounds(unitId) });
      navigate(`/trivsel/runder/${encodeURIComponent(round.id)}`, {
        state: { flash: t('wellbeing.rounds.created', { name: round.name }) },
      });
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    form.clear();
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;

  return (
    <section className="mt-8" aria-labelledby="round-create-heading">
      <h2 id="round-create-heading">{t('wellbeing.rounds.createHeading')}</h2>
      <p>{t('wellbeing.rounds.createHint')}</p>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      {err ? (
        <Alert variant="error" heading={t('wellbeing.rounds.createError')} headingLevel={3} focusKey={mutation.submittedAt}>
          <p className="alert-text">
            {err.title}
            {err.detail ? ` ${err.detail}` : ''}
          </p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <SelectField
          id={form.id('season')}
          label={t('wellbeing.rounds.season')}
          value={season}
          onChange={(v) => setSeason(v as Season)}
          error={form.errors.season}
          options={[
            { value: 'spring', label: t('wellbeing.season.spring') },
            { value: 'autumn', label: t('wellbeing.season.autumn') },
          ]}
        />
        <SelectField
          id={form.id('year')}
          label={t('wellbeing.rounds.year')}
          value={year}
          onChange={setYear}
          error={form.errors.year}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <button type="submit" className="button button-primary mt-4" disabled={mutation.isPending}>
          {mutation.isPending ? t('wellbeing.rounds.creating') : t('wellbeing.rounds.create')}
        </button>
      </form>
    </section>
  );
}
