import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { childKeys, searchChildren } from '../api/children';
import type { ChildSearchInput, ChildStatus, ChildSummary } from '../api/types';
import { useMe } from '../auth';
import { ageText, childName, isHealthStaff } from '../childText';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Flash } from '../components/Flash';
import { SelectField, TextField } from '../components/FormField';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { ExtendedTrackBadge } from '../components/StatusBadges';
import { formatDate } from '../format';

export const SEARCH_LIMIT = 100;

/** What the user searched for; kept in the history entry's state, never in the URL (it may be a CPR number). */
interface SearchState {
  q: string;
  status: ChildStatus | '';
}

/**
 * Turns what was typed into the API's search: a date (`29.11.2023`, `29-11-2023`, `2023-11-29`)
 * becomes `birthDate`; anything else (name, CPR, address, a parent's name) is `q`.
 */
export function toSearchInput({ q, status }: SearchState): ChildSearchInput {
  const text = q.trim();
  const input: ChildSearchInput = { limit: SEARCH_LIMIT };
  if (status) input.status = status;
  const danish = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (danish) input.birthDate = `${danish[3]}-${danish[2].padStart(2, '0')}-${danish[1].padStart(2, '0')}`;
  else if (iso) input.birthDate = text;
  else if (text) input.q = text;
  return input;
}

/** `/boern`: search the children the user may see; health-visiting staff register children and pregnancies. */
export function ChildrenList() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const saved = (location.state as { search?: SearchState } | null)?.search ?? { q: '', status: '' as const };
  const [draft, setDraft] = useState<SearchState>(saved);
  // The search in force. It is also kept in the history entry (so "Tilbage" finds it again), except a
  // CPR number, which stays in this page's memory only.
  const [current, setCurrent] = useState<SearchState>(saved);
  const input = toSearchInput(current);
  const children = useQuery({
    queryKey: childKeys.search(input),
    queryFn: () => searchChildren(input),
    placeholderData: keepPreviousData,
  });
  const health = isHealthStaff(me);
  const filtered = Boolean(current.q.trim() || current.status);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = { q: draft.q.trim(), status: draft.status };
    setCurrent(next);
    const remembered = /\d{6}-?\d{4}/.test(next.q) ? { ...next, q: '' } : next;
    navigate('.', { replace: true, state: { search: remembered } });
  };
  const clear = () => {
    setDraft({ q: '', status: '' });
    setCurrent({ q: '', status: '' });
    navigate('.', { replace: true, state: null });
  };

  return (
    <>
      <PageTitle title={t('children.title')} />
      <div className="spire-section-head">
        <h1>{t('children.title')}</h1>
        {health ? (
          <div className="spire-actions">
            <Link to="/boern/ny" className="button button-primary">
              <Icon name="person-add" />
              {t('children.registerChild')}
            </Link>
            <Link to="/boern/ny-graviditet" className="button button-secondary">
              <Icon name="plus" />
              {t('children.registerPregnancy')}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="font-lead">{health ? t('children.introHealth') : t('children.introDaycare')}</p>
      <Flash />
      <form className="spire-filters" onSubmit={apply} noValidate aria-label={t('children.searchLabel')}>
        <TextField
          id="children-q"
          type="search"
          label={t('children.q')}
          hint={t('children.qHint')}
          value={draft.q}
          onChange={(v) => setDraft((d) => ({ ...d, q: v }))}
          autoComplete="off"
          spellCheck={false}
          className="spire-filter-wide"
        />
        <SelectField
          id="children-status"
          label={t('children.status')}
          value={draft.status}
          onChange={(v) => setDraft((d) => ({ ...d, status: v as ChildStatus | '' }))}
          placeholder={t('children.statusAll')}
          options={[
            { value: 'born', label: t('children.statusBorn') },
            { value: 'expected', label: t('children.statusExpected') },
          ]}
        />
        <div className="spire-filter-actions">
          <button type="submit" className="button button-primary">
            <Icon name="search" />
            {t('common.search')}
          </button>
          {filtered ? (
            <button type="button" className="button button-tertiary" onClick={clear}>
              {t('children.clear')}
            </button>
          ) : null}
        </div>
      </form>

      {children.isPending ? <Spinner /> : null}
      {children.isError ? <ErrorState error={children.error} onRetry={() => void children.refetch()} /> : null}
      {children.data ? (
        children.data.length === 0 ? (
          filtered ? (
            <EmptyState title={t('children.empty')} headingLevel={2}>
              {health ? t('children.emptyTextHealth') : t('children.emptyTextDaycare')}
            </EmptyState>
          ) : (
            <EmptyState title={health ? t('children.emptyAllHealth') : t('children.emptyAllDaycare')} headingLevel={2}>
              {health ? t('children.emptyAllHealthText') : t('children.emptyAllDaycareText')}
            </EmptyState>
          )
        ) : (
          <ChildTable rows={children.data} filtered={filtered} health={health} />
        )
      ) : null}
    </>
  );
}

function ChildTable({ rows, filtered, health }: { rows: ChildSummary[]; filtered: boolean; health: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="spire-muted" aria-live="polite">
        {rows.length >= SEARCH_LIMIT
          ? t('children.countCapped', { count: rows.length })
          : filtered
            ? t('children.count', { count: rows.length })
            : t('children.countNewest', { count: rows.length })}
      </p>
      <DataTable<ChildSummary>
        caption={t('children.caption')}
        captionHidden
        rows={rows}
        rowKey={(c) => c.id}
        columns={[
          {
            key: 'name',
            header: t('children.colName'),
            rowHeader: true,
            render: (c) => <Link to={`/boern/${encodeURIComponent(c.id)}`}>{childName(c, t, { withoutDate: true })}</Link>,
          },
          { key: 'cpr', header: t('children.colCpr'), className: 'spire-nowrap', render: (c) => c.cprMasked ?? t('common.none') },
          {
            key: 'born',
            header: t('children.colBorn'),
            className: 'spire-nowrap',
            render: (c) =>
              c.status === 'expected'
                ? t('children.due', { date: formatDate(c.expectedDate) })
                : formatDate(c.birthDate) || t('common.none'),
          },
          {
            key: 'age',
            header: t('children.colAge'),
            numeric: true,
            render: (c) =>
              c.ageMonths === null ? (
                t('common.none')
              ) : (
                <span className="spire-nowrap" title={ageText(c.ageMonths, t)}>
                  {t('children.months', { count: c.ageMonths })}
                </span>
              ),
          },
          { key: 'address', header: t('children.colAddress'), render: (c) => c.address ?? t('common.none') },
          {
            key: 'visitor',
            header: t('children.colHealthVisitor'),
            render: (c) =>
              c.healthVisitorName ?? (c.healthUnitName ? t('children.unitOnly', { unit: c.healthUnitName }) : t('common.none')),
          },
          {
            key: 'status',
            header: t('children.colStatus'),
            render: (c) => (
              <span className="spire-badges">
                {c.status === 'expected' ? <Badge variant="info">{t('children.expectedBadge')}</Badge> : null}
                {/* The extended track says something about the family's needs: health-visiting staff only. */}
                {health && c.extendedTrack ? <ExtendedTrackBadge /> : null}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
