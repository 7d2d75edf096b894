import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { counsellingKeys } from '../../api/counselling';
import { listUnits, organisationKeys } from '../../api/organisation';
import { createWorkshop, listWorkshops, WORKSHOP_THEMES, type Workshop, type WorkshopFilter, workshopKeys } from '../../api/workshops';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Flash } from '../../components/Flash';
import { SelectField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { useFormErrors } from '../../forms';
import { WORKSHOP_FIELDS, WorkshopForm } from './WorkshopForm';

/** `/workshops`: workshops, talks and forums with filters (period, unit, theme), and "Registrér". */
export function Workshops() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter: WorkshopFilter = {
    from: params.get('fra') ?? undefined,
    to: params.get('til') ?? undefined,
    unitId: params.get('enhed') ?? undefined,
    theme: params.get('tema') ?? undefined,
  };
  const [from, setFrom] = useState(filter.from ?? '');
  const [to, setTo] = useState(filter.to ?? '');
  const [unitId, setUnitId] = useState(filter.unitId ?? '');
  const [theme, setTheme] = useState(filter.theme ?? '');
  const list = useQuery({ queryKey: workshopKeys.list(filter), queryFn: () => listWorkshops(filter) });
  const units = useQuery({ queryKey: [...organisationKeys.allUnits, 'for-workshops'], queryFn: () => listUnits() });
  const form = useFormErrors('workshop', WORKSHOP_FIELDS);
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState(0);
  const create = useMutation({
    mutationFn: createWorkshop,
    onSuccess: () => {
      form.clear();
      setFormKey((k) => k + 1);
      setCreated((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: workshopKeys.all });
      void queryClient.invalidateQueries({ queryKey: counsellingKeys.all });
    },
    onError: (err) => form.failFromApi(err),
  });
  const applyFilter = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (from) next.fra = from;
    if (to) next.til = to;
    if (unitId) next.enhed = unitId;
    if (theme) next.tema = theme;
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle title={t('counselling.workshops.title')} />
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h1>{t('counselling.workshops.title')}</h1>
      <p className="font-lead">{t('counselling.workshops.lead')}</p>
      <Flash />
      <form onSubmit={applyFilter} aria-labelledby="workshop-filter-heading" className="mb-6">
        <h2 id="workshop-filter-heading" className="h4">
          {t('counselling.workshops.filters')}
        </h2>
        <div className="d-flex flex-wrap" style={{ gap: '0 1.5rem', alignItems: 'flex-end' }}>
          <TextField id="wf-from" type="date" label={t('counselling.workshops.from')} value={from} onChange={setFrom} />
          <TextField id="wf-to" type="date" label={t('counselling.workshops.to')} value={to} onChange={setTo} />
          <SelectField
            id="wf-unit"
            label={t('counselling.workshops.unit')}
            value={unitId}
            onChange={setUnitId}
            placeholder={t('counselling.workshops.allUnits')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <SelectField
            id="wf-theme"
            label={t('counselling.workshops.themeLabel')}
            value={theme}
            onChange={setTheme}
            placeholder={t('counselling.workshops.allThemes')}
            options={WORKSHOP_THEMES.map((x) => ({ value: x, label: t(`counselling.workshops.theme.${x}`) }))}
          />
          <div className="form-group">
            <button type="submit" className="button button-secondary">
              {t('counselling.workshops.show')}
            </button>
          </div>
        </div>
      </form>
      {list.isPending ? <Spinner /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        list.data.length === 0 ? (
          <EmptyState title={t('counselling.workshops.empty')} headingLevel={2}>
            <p>{t('counselling.workshops.emptyText')}</p>
          </EmptyState>
        ) : (
          <DataTable<Workshop>
            caption={t('counselling.workshops.listCaption')}
            rows={list.data}
            rowKey={(w) => w.id}
            columns={[
              { key: 'date', header: t('counselling.workshops.col.date'), className: 'spire-nowrap', render: (w) => formatDate(w.heldOn) },
              { key: 'theme', header: t('counselling.workshops.col.theme'), rowHeader: true, render: (w) => t(`counselling.workshops.theme.${w.theme}`) },
              { key: 'offer', header: t('counselling.workshops.col.offer'), render: (w) => w.offer.name },
              { key: 'unit', header: t('counselling.workshops.col.unit'), render: (w) => w.unit.name },
              { key: 'participants', header: t('counselling.workshops.col.participants'), numeric: true, render: (w) => w.participants },
              { key: 'facilitators', header: t('counselling.workshops.col.facilitators'), render: (w) => w.facilitators.map((f) => f.name).join(', ') },
              {
                key: 'actions',
                header: t('counselling.workshops.col.actions'),
                render: (w) => (
                  <Link to={`/workshops/${encodeURIComponent(w.id)}`} aria-label={t('counselling.workshops.editAria', { date: formatDate(w.heldOn) })}>
                    {t('counselling.workshops.edit')}
                  </Link>
                ),
              },
            ]}
          />
        )
      ) : null}
      <section className="mt-8" aria-labelledby="workshop-create-heading">
        <h2 id="workshop-create-heading">{t('counselling.workshops.createHeading')}</h2>
        {created > 0 ? (
          <Alert variant="success" announce>
            {t('counselling.workshops.created')}
          </Alert>
        ) : null}
        <WorkshopForm
          key={formKey}
          form={form}
          pending={create.isPending}
          error={create.error}
          submitLabel={t('counselling.workshops.create')}
          onSubmit={(input) => {
            create.reset();
            create.mutate(input);
          }}
        />
      </section>
    </>
  );
}
