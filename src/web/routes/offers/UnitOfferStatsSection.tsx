import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getUnitOfferStats, offerKeys, type UnitOfferStats } from '../../api/offers';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { Spinner } from '../../components/Spinner';
import { locale } from '../../i18n';
import { percent } from './shared';

type Row = UnitOfferStats['offers'][number];

/**
 * The unit overview's "Tilbud og forløb": per offer the unit runs, fill rate, median waiting days
 * and completion rate. No child is named; numbers from fewer than 5 families show "færre end 5".
 * Renders nothing for units that run no offers.
 */
export function UnitOfferStatsSection({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: offerKeys.unit(unitId), queryFn: () => getUnitOfferStats(unitId) });
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404)) return null;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data.offers.length === 0) return null;
  const few = t('offers.unit.fewerThan5');
  const hidden = (r: Row, text: string) => (r.suppressed ? few : text);
  return (
    <section aria-labelledby="offer-stats-heading" className="mt-7">
      <h2 id="offer-stats-heading">{t('offers.unit.heading')}</h2>
      <p>{t('offers.unit.lead')}</p>
      <DataTable<Row>
        caption={t('offers.unit.caption')}
        rows={query.data.offers}
        rowKey={(r) => r.offerId}
        columns={[
          { key: 'name', header: t('offers.col.offer'), rowHeader: true, render: (r) => r.name },
          { key: 'courses', header: t('offers.unit.courses'), numeric: true, render: (r) => String(r.courses) },
          { key: 'participants', header: t('offers.unit.participants'), numeric: true, render: (r) => hidden(r, String(r.participants ?? 0)) },
          { key: 'fill', header: t('offers.unit.fillRate'), numeric: true, render: (r) => hidden(r, r.capacity === 0 ? t('offers.unit.noRunning') : percent(r.fillRate, locale())) },
          {
            key: 'wait',
            header: t('offers.unit.medianWait'),
            numeric: true,
            render: (r) => hidden(r, r.medianWaitingDays === null ? '–' : t('offers.unit.days', { count: r.medianWaitingDays })),
          },
          { key: 'completion', header: t('offers.unit.completionRate'), numeric: true, render: (r) => hidden(r, percent(r.completionRate, locale())) },
          { key: 'waiting', header: t('offers.unit.waitingNow'), numeric: true, render: (r) => hidden(r, String(r.waitingNow ?? 0)) },
        ]}
      />
    </section>
  );
}
