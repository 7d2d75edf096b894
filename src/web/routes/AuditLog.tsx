import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auditCsvHref, auditKeys, listAudit } from '../api/audit';
import { listStaff, staffKeys } from '../api/staff';
import { AUDIT_ACTIONS, type AuditFilters, type AuditRow } from '../api/types';
import { Alert } from '../components/Alert';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/FormField';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { formatDateTime } from '../format';
import { useFormErrors } from '../forms';

const FIELDS = ['personId', 'actorId', 'action', 'from', 'to'] as const;
type FilterKey = (typeof FIELDS)[number];

function filtersFrom(params: URLSearchParams): AuditFilters {
  const f: AuditFilters = {};
  for (const key of FIELDS) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  return f;
}

/** `/admin/adgangslog`: who looked at or changed what; "Hent mere" paging; CSV export. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useState<Record<FilterKey, string>>(() => ({
    personId: filters.personId ?? '',
    actorId: filters.actorId ?? '',
    action: filters.action ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }));
  const form = useFormErrors('audit', FIELDS);
  const set = (key: FilterKey) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));

  const staff = useQuery({ queryKey: staffKeys.list({}), queryFn: () => listStaff({}) });
  const audit = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => listAudit(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (form.fail({ to: draft.from && draft.to && draft.to < draft.from ? t('audit.toBeforeFrom') : '' })) return;
    const next = new URLSearchParams();
    for (const key of FIELDS) {
      const v = draft[key].trim();
      if (v) next.set(key, v);
    }
    setParams(next, { replace: true });
  };
  const clear = () => {
    form.clear();
    setDraft({ personId: '', actorId: '', action: '', from: '', to: '' });
    setParams(new URLSearchParams(), { replace: true });
  };

  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filters).length > 0;
  const actionLabel = (a: string) => (i18n.exists(`auditAction.${a}`) ? t(`auditAction.${a}`) : a);
  const categoryLabel = (c: string) => (i18n.exists(`auditCategory.${c}`) ? t(`auditCategory.${c}`) : c);

  return (
    <>
      <PageTitle title={t('audit.title')} />
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <div className="spire-section-head">
        <h1>{t('audit.title')}</h1>
        <div className="spire-actions">
          <a className="button button-secondary" href={auditCsvHref(filters)} download>
            <Icon name="download" />
            {t('audit.export')}
          </a>
        </div>
      </div>
      <p className="font-lead">{t('audit.intro')}</p>

      <form className="spire-filters" onSubmit={apply} noValidate aria-label={t('audit.filtersHeading')}>
        <TextField
          id={form.id('personId')}
          label={t('audit.personId')}
          hint={t('audit.personIdHint')}
          value={draft.personId}
          onChange={set('personId')}
          error={form.errors.personId}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id={form.id('actorId')}
          label={t('audit.actor')}
          value={draft.actorId}
          onChange={set('actorId')}
          placeholder={staff.isPending ? t('common.loading') : t('audit.allActors')}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.username})` }))}
          error={form.errors.actorId}
        />
        <SelectField
          id={form.id('action')}
          label={t('audit.action')}
          value={draft.action}
          onChange={set('action')}
          placeholder={t('audit.allActions')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          error={form.errors.action}
        />
        <TextField
          id={form.id('from')}
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={set('from')}
          error={form.errors.from}
          width="s"
        />
        <TextField
          id={form.id('to')}
          type="date"
          label={t('audit.to')}
          value={draft.to}
          onChange={set('to')}
          error={form.errors.to}
          width="s"
          min={draft.from || undefined}
        />
        <div className="spire-filter-actions">
          <button type="submit" className="button button-secondary">
            {t('audit.apply')}
          </button>
          {filtered ? (
            <button type="button" className="button button-tertiary" onClick={clear}>
              {t('common.clearFilters')}
            </button>
          ) : null}
        </div>
      </form>
      {staff.isError ? (
        <Alert variant="warning" announce={false}>
          {t('audit.staffListFailed')}
        </Alert>
      ) : null}

      {audit.isPending ? <Spinner /> : null}
      {audit.isError ? <ErrorState error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.data ? (
        rows.length === 0 ? (
          <EmptyState title={t('audit.empty')} headingLevel={2}>
            {filtered ? t('audit.emptyText') : null}
          </EmptyState>
        ) : (
          <>
            <p className="spire-muted" aria-live="polite">
              {t('audit.shown', { count: rows.length })}
            </p>
            <DataTable<AuditRow>
              caption={t('audit.caption')}
              captionHidden
              compact
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'at',
                  header: t('audit.colAt'),
                  rowHeader: true,
                  render: (r) => {
                    const [date, ...time] = formatDateTime(r.at).split(' ');
                    return (
                      <time dateTime={r.at} className="spire-datetime">
                        <span className="spire-datetime-part">{date}</span>{' '}
                        <span className="spire-datetime-part">{time.join(' ')}</span>
                      </time>
                    );
                  },
                },
                { key: 'actor', header: t('audit.colActor'), render: (r) => r.actorName ?? t('audit.system') },
                { key: 'action', header: t('audit.colAction'), render: (r) => actionLabel(r.action) },
                { key: 'category', header: t('audit.colCategory'), render: (r) => categoryLabel(r.category) },
                {
                  key: 'persons',
                  header: t('audit.colPersons'),
                  render: (r) =>
                    r.subjectIds.length === 1 ? (
                      <code className="spire-id">{r.subjectIds[0]}</code>
                    ) : r.subjectIds.length > 1 ? (
                      <details className="spire-ids-details">
                        <summary>{t('audit.persons', { count: r.subjectIds.length })}</summary>
                        <ul className="nobullet-list spire-ids no-max-width">
                          {r.subjectIds.map((sid) => (
                            <li key={sid}>
                              <code className="spire-id">{sid}</code>
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : r.criterion ? (
                      t('audit.criterion', { value: r.criterion })
                    ) : (
                      t('common.none')
                    ),
                },
                {
                  key: 'outcome',
                  header: t('audit.colOutcome'),
                  render: (r) =>
                    r.outcome === 'denied' ? (
                      <Badge variant="error">{t('outcome.denied')}</Badge>
                    ) : (
                      <Badge variant="success">{t('outcome.allowed')}</Badge>
                    ),
                },
                { key: 'purpose', header: t('audit.colPurpose'), render: (r) => r.purpose ?? t('common.none') },
                {
                  key: 'request',
                  header: t('audit.colRequestId'),
                  render: (r) => <code className="spire-request-id">{r.requestId}</code>,
                },
              ]}
            />
            <div className="mt-5">
              {audit.hasNextPage ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void audit.fetchNextPage()}
                  disabled={audit.isFetchingNextPage}
                >
                  {audit.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
                </button>
              ) : (
                <p className="spire-muted">{t('audit.allShown')}</p>
              )}
              {audit.isFetchNextPageError ? (
                <ErrorState error={audit.error} onRetry={() => void audit.fetchNextPage()} headingLevel={2} />
              ) : null}
            </div>
          </>
        )
      ) : null}
    </>
  );
}
