import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type CounsellingSummary, counsellingKeys, getCounsellingSummary } from '../../api/counselling';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { locale } from '../../i18n';
import { Bars, usePercent } from '../wellbeing/shared';

type Month = CounsellingSummary['dropIn']['months'][number];
type Theme = CounsellingSummary['workshops']['themes'][number];

const ANON_COLOUR = '#0059b3';
const LINKED_COLOUR = '#8a4a00';

/** "nov. 2026" / "Nov 2026". */
function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * The unit overview's section for open counselling and workshops: drop-in visits per month
 * (anonymous and with a family; a chart with the table beside it) and workshops held and
 * participants per theme. Counts only, never names. Hidden when the unit has none of either
 * or the user may not see the unit's numbers.
 */
export function CounsellingUnitSection({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const q = useQuery({ queryKey: counsellingKeys.summary(unitId), queryFn: () => getCounsellingSummary(unitId) });
  if (q.isError && q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404)) return null;
  if (q.data && q.data.dropIn.slots === 0 && q.data.workshops.held === 0) return null;
  return (
    <section aria-labelledby="counselling-overview-heading" className="mt-8">
      <h2 id="counselling-overview-heading">{t('counselling.unit.heading')}</h2>
      {q.isPending ? <Spinner /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} headingLevel={3} /> : null}
      {q.data ? (
        <>
          <p>{t('counselling.unit.intro', { from: formatDate(q.data.from), to: formatDate(q.data.to) })}</p>
          <h3>{t('counselling.unit.dropInHeading')}</h3>
          {q.data.dropIn.slots === 0 ? (
            <EmptyState title={t('counselling.unit.noDropIn')} headingLevel={4} />
          ) : (
            <>
              <p data-testid="counselling-dropin-summary">
                {t('counselling.unit.dropInSummary', { visits: q.data.dropIn.visits, slots: q.data.dropIn.slots, percent: percent(q.data.dropIn.shareAnonymous) })}
              </p>
              <div className="row">
                <div className="col-12 col-lg-6">
                  <MonthChart months={q.data.dropIn.months} />
                </div>
                <div className="col-12 col-lg-6">
                  <DataTable<Month>
                    caption={t('counselling.unit.monthsCaption')}
                    rows={q.data.dropIn.months}
                    rowKey={(m) => m.month}
                    compact
                    columns={[
                      { key: 'month', header: t('counselling.unit.col.month'), rowHeader: true, render: (m) => monthLabel(m.month) },
                      { key: 'slots', header: t('counselling.unit.col.slots'), numeric: true, render: (m) => m.slots },
                      { key: 'anonymous', header: t('counselling.unit.col.anonymous'), numeric: true, render: (m) => m.anonymous },
                      { key: 'linked', header: t('counselling.unit.col.linked'), numeric: true, render: (m) => m.linked },
                    ]}
                  />
                </div>
              </div>
            </>
          )}
          <h3>{t('counselling.unit.workshopsHeading')}</h3>
          {q.data.workshops.held === 0 ? (
            <EmptyState title={t('counselling.unit.noWorkshops')} headingLevel={4} />
          ) : (
            <>
              <p>{t('counselling.unit.workshopsSummary', { held: q.data.workshops.held, participants: q.data.workshops.participants })}</p>
              <Bars
                items={q.data.workshops.themes.map((th) => ({
                  key: th.theme,
                  label: t(`counselling.workshops.theme.${th.theme}`, { defaultValue: th.theme }),
                  value: th.participants,
                  max: Math.max(...q.data.workshops.themes.map((x) => x.participants), 1),
                  text: String(th.participants),
                  colour: ANON_COLOUR,
                }))}
              />
              <DataTable<Theme>
                caption={t('counselling.unit.themesCaption')}
                rows={q.data.workshops.themes}
                rowKey={(th) => th.theme}
                compact
                columns={[
                  { key: 'theme', header: t('counselling.unit.col.theme'), rowHeader: true, render: (th) => t(`counselling.workshops.theme.${th.theme}`, { defaultValue: th.theme }) },
                  { key: 'held', header: t('counselling.unit.col.held'), numeric: true, render: (th) => th.held },
                  { key: 'participants', header: t('counselling.unit.col.participants'), numeric: true, render: (th) => th.participants },
                ]}
              />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

/** Stacked bars per month (anonymous below, with a family above); the table beside it carries the numbers. */
function MonthChart({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  const width = 480;
  const height = 200;
  const bottom = 24;
  const max = Math.max(...months.map((m) => m.anonymous + m.linked), 1);
  const step = width / Math.max(months.length, 1);
  const bar = Math.max(step * 0.6, 4);
  const scale = (n: number) => (n / max) * (height - bottom - 8);
  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={t('counselling.unit.monthsCaption')}>
        {months.map((m, i) => {
          const x = i * step + (step - bar) / 2;
          const a = scale(m.anonymous);
          const l = scale(m.linked);
          return (
            <g key={m.month}>
              <rect x={x} y={height - bottom - a} width={bar} height={a} fill={ANON_COLOUR} />
              <rect x={x} y={height - bottom - a - l} width={bar} height={l} fill={LINKED_COLOUR} />
              <text x={x + bar / 2} y={height - 8} fontSize="11" textAnchor="middle" fill="#1a1a1a">
                {monthLabel(m.month).slice(0, 3)}
              </text>
            </g>
          );
        })}
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} stroke="#747474" />
      </svg>
      <figcaption className="spire-muted">
        <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: ANON_COLOUR, marginRight: 4 }} />
        {t('counselling.unit.legendAnonymous')}
        <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: LINKED_COLOUR, margin: '0 4px 0 16px' }} />
        {t('counselling.unit.legendLinked')}
      </figcaption>
    </figure>
  );
}
