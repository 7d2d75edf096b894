import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChildWellbeingItem, getChildWellbeing, levelLabel, wellbeingKeys } from '../../api/wellbeing';
import { useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { daycareUnits, LevelBadge } from './shared';

/** Daycare staff see the child's wellbeing ratings (the API refuses health visitors). */
export function useSeesWellbeing(): boolean {
  const { user } = useAuth();
  return daycareUnits(user).length > 0;
}

/** A step chart of joint ratings per round: higher = more concern; labelled by level text, not only colour. */
function WellbeingChart({ items }: { items: ChildWellbeingItem[] }) {
  const { t } = useTranslation();
  const titleId = `wb-chart-${useId().replace(/:/g, '')}`;
  const maxLevels = Math.max(...items.map((i) => i.levelCount), 3);
  const levels = [...(items[items.length - 1]?.scale.levels ?? [])].sort((a, b) => a.rank - b.rank);
  const W = 520;
  const H = 40 + maxLevels * 44;
  const left = 190;
  const right = 20;
  const top = 16;
  const bottom = 40;
  const plotH = H - top - bottom;
  const step = items.length > 1 ? (W - left - right) / (items.length - 1) : 0;
  const sx = (i: number) => (items.length > 1 ? left + i * step : left + (W - left - right) / 2);
  const sy = (rank: number) => top + ((rank - 1) / Math.max(maxLevels - 1, 1)) * plotH;
  const path = items.map((it, i) => `${i === 0 ? 'M' : 'L'}${sx(i).toFixed(1)},${sy(it.level.rank).toFixed(1)}`).join(' ');
  return (
    <figure className="spire-wb-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('wellbeing.childTab.chartTitle')}</title>
        {levels.map((l) => (
          <g key={l.key}>
            <line x1={left} x2={W - right} y1={sy(l.rank)} y2={sy(l.rank)} stroke="#ccc" />
            <circle cx={12} cy={sy(l.rank)} r={6} fill={l.colour} stroke="#1a1a1a" />
            <text x={24} y={sy(l.rank) + 4} fontSize="13" fill="#1a1a1a">
              {levelLabel(l).slice(0, 26)}
            </text>
          </g>
        ))}
        {items.length > 1 ? <path d={path} fill="none" stroke="#1a1a1a" strokeWidth={2} /> : null}
        {items.map((it, i) => (
          <g key={it.roundId}>
            <circle cx={sx(i)} cy={sy(it.level.rank)} r={8} fill={it.level.colour} stroke="#1a1a1a" strokeWidth={2} />
            <text x={sx(i)} y={H - 14} textAnchor="middle" fontSize="13" fill="#1a1a1a">
              {it.roundName}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/**
 * The child page's "Trivsel" tab: the child's joint wellbeing ratings over time, read-only —
 * a simple chart and the same data in an accessible table. Only for daycare staff.
 */
export function ChildWellbeingTab({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: wellbeingKeys.child(childId), queryFn: () => getChildWellbeing(childId) });
  return (
    <section aria-labelledby="wellbeing-tab-heading">
      <h2 id="wellbeing-tab-heading">{t('wellbeing.childTab.heading')}</h2>
      <p>{t('wellbeing.childTab.intro')}</p>
      {query.isPending ? <Spinner /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} headingLevel={3} /> : null}
      {query.data && query.data.length === 0 ? (
        <EmptyState title={t('wellbeing.childTab.empty')}>
          <p>{t('wellbeing.childTab.emptyText')}</p>
        </EmptyState>
      ) : null}
      {query.data && query.data.length > 0 ? (
        <>
          <WellbeingChart items={query.data} />
          <DataTable<ChildWellbeingItem>
            caption={t('wellbeing.childTab.caption')}
            rows={query.data}
            rowKey={(r) => r.roundId}
            columns={[
              { key: 'round', header: t('wellbeing.childTab.col.round'), rowHeader: true, render: (r) => r.roundName },
              { key: 'unit', header: t('wellbeing.childTab.col.unit'), render: (r) => r.unitName },
              { key: 'level', header: t('wellbeing.childTab.col.level'), render: (r) => <LevelBadge level={r.level} /> },
              { key: 'comment', header: t('wellbeing.childTab.col.comment'), render: (r) => r.comment },
              { key: 'date', header: t('wellbeing.childTab.col.date'), render: (r) => formatDate(r.recordedAt.slice(0, 10)) },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
