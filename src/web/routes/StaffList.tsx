import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listUnits, organisationKeys } from '../api/organisation';
import { listStaff, staffKeys } from '../api/staff';
import { PROFESSIONS, type Profession, type StaffListItem } from '../api/types';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Flash } from '../components/Flash';
import { SelectField, TextField } from '../components/FormField';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';

/** `/admin/medarbejdere`: search by name/username, filter by profession and unit. */
export function StaffList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const profession = (params.get('faggruppe') ?? '') as Profession | '';
  const unitId = params.get('enhed') ?? '';
  const [draft, setDraft] = useState({ q, profession: profession as string, unitId });

  const units = useQuery({ queryKey: organisationKeys.units({}), queryFn: () => listUnits({}) });
  const staff = useQuery({
    queryKey: staffKeys.list({ q, profession, unitId }),
    queryFn: () => listStaff({ q, profession, unitId }),
    placeholderData: keepPreviousData,
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.profession) next.set('faggruppe', draft.profession);
    if (draft.unitId) next.set('enhed', draft.unitId);
    setParams(next, { replace: true });
  };
  const clear = () => {
    setDraft({ q: '', profession: '', unitId: '' });
    setParams(new URLSearchParams(), { replace: true });
  };
  const filtered = Boolean(q || profession || unitId);

  return (
    <>
      <PageTitle title={t('staff.title')} />
      <div className="spire-section-head">
        <h1>{t('staff.title')}</h1>
        <div className="spire-actions">
          <Link to="/admin/medarbejdere/ny" className="button button-primary">
            <Icon name="person-add" />
            {t('staff.create')}
          </Link>
        </div>
      </div>
      <p className="font-lead">{t('staff.intro')}</p>
      <Flash />
      <form className="spire-filters" onSubmit={apply} noValidate aria-label={t('staff.filtersHeading')}>
        <TextField
          id="staff-q"
          type="search"
          label={t('staff.q')}
          value={draft.q}
          onChange={(v) => setDraft((d) => ({ ...d, q: v }))}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id="staff-profession"
          label={t('staff.profession')}
          value={draft.profession}
          onChange={(v) => setDraft((d) => ({ ...d, profession: v }))}
          placeholder={t('staff.allProfessions')}
          options={PROFESSIONS.map((p) => ({ value: p, label: t(`profession.${p}`) }))}
        />
        <SelectField
          id="staff-unit"
          label={t('staff.unit')}
          value={draft.unitId}
          onChange={(v) => setDraft((d) => ({ ...d, unitId: v }))}
          placeholder={t('staff.allUnits')}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <div className="spire-filter-actions">
          <button type="submit" className="button button-secondary">
            <Icon name="search" />
            {t('common.search')}
          </button>
          {filtered ? (
            <button type="button" className="button button-tertiary" onClick={clear}>
              {t('common.clearFilters')}
            </button>
          ) : null}
        </div>
      </form>

      {staff.isPending ? <Spinner /> : null}
      {staff.isError ? <ErrorState error={staff.error} onRetry={() => void staff.refetch()} /> : null}
      {staff.data ? (
        staff.data.length === 0 ? (
          filtered ? (
            <EmptyState title={t('staff.empty')} headingLevel={2}>
              {t('staff.emptyText')}
            </EmptyState>
          ) : (
            <EmptyState title={t('staff.emptyAll')} headingLevel={2} />
          )
        ) : (
          <>
            <p className="spire-muted" aria-live="polite">
              {t('staff.count', { count: staff.data.length })}
            </p>
            <DataTable<StaffListItem>
              caption={t('staff.caption')}
              captionHidden
              rows={staff.data}
              rowKey={(s) => s.id}
              columns={[
                {
                  key: 'name',
                  header: t('staff.colName'),
                  rowHeader: true,
                  render: (s) => <Link to={`/admin/medarbejdere/${encodeURIComponent(s.id)}`}>{s.name}</Link>,
                },
                { key: 'username', header: t('staff.colUsername'), render: (s) => s.username },
                { key: 'email', header: t('staff.colEmail'), render: (s) => s.email ?? t('common.none') },
                { key: 'profession', header: t('staff.colProfession'), render: (s) => t(`profession.${s.profession}`) },
                {
                  key: 'status',
                  header: t('staff.colStatus'),
                  render: (s) =>
                    s.active ? (
                      <Badge variant="success">{t('staff.active')}</Badge>
                    ) : (
                      <Badge>{t('staff.inactive')}</Badge>
                    ),
                },
              ]}
            />
          </>
        )
      ) : null}
    </>
  );
}
