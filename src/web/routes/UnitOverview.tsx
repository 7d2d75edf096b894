import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import type { UnitRef } from '../api/types';
import {
  DAYCARE_KINDS,
  getScreeningOverview,
  getWellbeingSummary,
  levelLabel,
  type UnitScreeningOverview,
  type UnitWellbeingSummary,
  wellbeingKeys,
} from '../api/wellbeing';
import { useMe } from '../auth';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { TabNav } from '../components/TabNav';
import { formatDate } from '../format';
import i18n from '../i18n';
import { Bars, LevelBadge, usePercent } from './wellbeing/shared';
import { UnitOfferStatsSection } from './offers/UnitOfferStatsSection';
import { CounsellingUnitSection } from './counselling/UnitSection';

/** Units that have an overview: health visiting (screenings) and daycare (wellbeing ratings). */
export const overviewUnits = (units: UnitRef[]) =>
  units.filter((u) => u.kind === 'health_visiting' || u.kind === 'ppr' || u.kind === 'family_centre' || DAYCARE_KINDS.includes(u.kind));

/** `/enhed`: to the overview of the user's first unit that has one. */
export function UnitOverviewIndex() {
  const { t } = useTranslation();
  const me = useMe();
  const first = overviewUnits(me.units)[0];
  if (first) return <Navigate to={`/enhed/${encodeURIComponent(first.id)}`} replace />;
  return (
    <>
      <PageTitle title={t('wellbeing.unit.title')} />
      <h1>{t('wellbeing.unit.title')}</h1>
      <p className="font-lead">{t('wellbeing.unit.noUnit')}</p>
    </>
  );
}

/**
 * `/enhed/:id`: numbers for a unit, no child identities. A health-visiting unit shows screening
 * coverage and share positive per round; a daycare unit the wellbeing ratings per round.
 */
export function UnitOverview() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const units = overviewUnits(me.units);
  const unit = units.find((u) => u.id === id);
  const title = unit ? t('wellbeing.unit.titleForUnit', { unit: unit.name }) : t('wellbeing.unit.title');
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="font-lead">{t('wellbeing.unit.lead')}</p>
      {units.length > 1 ? (
        <TabNav
          label={t('wellbeing.nav.unitOverview')}
          current={id}
          items={units.map((u) => ({ key: u.id, label: u.name, to: `/enhed/${encodeURIComponent(u.id)}` }))}
        />
      ) : null}
      {!unit ? <p>{t('wellbeing.unit.noUnit')}</p> : null}
      {unit?.kind === 'health_visiting' ? <ScreeningPart unitId={unit.id} /> : null}
      {unit && DAYCARE_KINDS.includes(unit.kind) ? <WellbeingPart unitId={unit.id} /> : null}
      {unit ? <UnitOfferStatsSection unitId={unit.id} /> : null}
      {unit ? <CounsellingUnitSection unitId={unit.id} /> : null}
    </>
  );
}

type ScreeningRound = UnitScreeningOverview['rounds'][number];

function ScreeningPart({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const q = useQuery({ queryKey: wellbeingKeys.screeningOverview(unitId), queryFn: () => getScreeningOverview(unitId) });
  const label = (r: ScreeningRound) => (i18n.language === 'en' ? r.labelEn : r.labelDa);
  return (
    <section aria-labelledby="screening-overview-heading">
      <h2 id="screening-overview-heading">{t('wellbeing.unit.screeningHeading')}</h2>
      {q.isPending ? <Spinner /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} headingLevel={3} /> : null}
      {q.data ? (
        <>
          <p>{t('wellbeing.unit.screeningIntro', { children: q.data.children, date: formatDate(q.data.date) })}</p>
          {q.data.rounds.length === 0 ? (
            <EmptyState title={t('wellbeing.unit.noScreeningRounds')} />
          ) : (
            <>
              <h3 className="h5">{t('wellbeing.unit.coverageLegend')}</h3>
              <Bars
                items={q.data.rounds.map((r) => ({
                  key: r.key,
                  label: label(r),
                  value: r.coverage ?? 0,
                  max: 1,
                  text: percent(r.coverage),
                  colour: '#0059b3',
                }))}
              />
              <h3 className="h5">{t('wellbeing.unit.positiveLegend')}</h3>
              <Bars
                items={q.data.rounds.map((r) => ({
                  key: r.key,
                  label: label(r),
                  value: r.positiveShare ?? 0,
                  max: 1,
                  text: percent(r.positiveShare),
                  colour: '#b51d09',
                }))}
              />
              <DataTable<ScreeningRound>
                caption={t('wellbeing.unit.screeningCaption')}
                rows={q.data.rounds}
                rowKey={(r) => r.key}
                columns={[
                  { key: 'round', header: t('wellbeing.unit.col.round'), rowHeader: true, render: label },
                  {
                    key: 'age',
                    header: t('wellbeing.unit.col.age'),
                    render: (r) => t('wellbeing.unit.ageRange', { min: r.minMonths, max: r.maxMonths }),
                  },
                  { key: 'reached', header: t('wellbeing.unit.col.reached'), numeric: true, render: (r) => r.reached },
                  { key: 'screened', header: t('wellbeing.unit.col.screened'), numeric: true, render: (r) => r.screened },
                  { key: 'coverage', header: t('wellbeing.unit.col.coverage'), numeric: true, render: (r) => percent(r.coverage) },
                  { key: 'positive', header: t('wellbeing.unit.col.positive'), numeric: true, render: (r) => r.positive },
                  {
                    key: 'share',
                    header: t('wellbeing.unit.col.positiveShare'),
                    numeric: true,
                    render: (r) => percent(r.positiveShare),
                  },
                ]}
              />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

type SummaryRound = UnitWellbeingSummary['rounds'][number];
type SummaryCount = SummaryRound['counts'][number];

function WellbeingPart({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const q = useQuery({ queryKey: wellbeingKeys.summary(unitId), queryFn: () => getWellbeingSummary(unitId) });
  return (
    <section aria-labelledby="wellbeing-overview-heading">
      <h2 id="wellbeing-overview-heading">{t('wellbeing.unit.wellbeingHeading')}</h2>
      {q.isPending ? <Spinner /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} headingLevel={3} /> : null}
      {q.data && q.data.rounds.length === 0 ? <EmptyState title={t('wellbeing.unit.noWellbeingRounds')} /> : null}
      {q.data?.rounds.map((r) => {
        const max = Math.max(...r.counts.map((c) => c.count), 1);
        return (
          <div key={r.roundId} className="mb-8">
            <h3>{r.name}</h3>
            <p>{t('wellbeing.unit.wellbeingSummary', { rated: r.jointRated, children: r.children, percent: percent(r.shareRated) })}</p>
            <Bars
              items={r.counts.map((c) => ({
                key: c.level.key,
                label: levelLabel(c.level),
                value: c.count,
                max,
                text: String(c.count),
                colour: c.level.colour,
              }))}
            />
            <DataTable<SummaryCount>
              caption={t('wellbeing.unit.wellbeingCaption', { round: r.name })}
              rows={r.counts}
              rowKey={(c) => c.level.key}
              compact
              columns={[
                { key: 'level', header: t('wellbeing.unit.level'), rowHeader: true, render: (c) => <LevelBadge level={c.level} /> },
                { key: 'count', header: t('wellbeing.unit.count'), numeric: true, render: (c) => c.count },
              ]}
            />
          </div>
        );
      })}
    </section>
  );
}
