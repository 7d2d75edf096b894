import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listOffers, type Offer, offerKeys } from '../../api/offers';
import { useMe } from '../../auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { runsCounselling } from '../counselling/shared';
import { useCertificationLabel, useMethodLabel, useTargetGroup } from './shared';

/** `/tilbud`: the municipality's offers with target group, format, method, the units that run them and the certification needed. */
export function OfferCatalogue() {
  const { t } = useTranslation();
  const targetGroup = useTargetGroup();
  const methodLabel = useMethodLabel();
  const certLabel = useCertificationLabel();
  const offers = useQuery({ queryKey: offerKeys.list, queryFn: listOffers });
  const user = useMe();
  return (
    <>
      <PageTitle title={t('offers.catalogue.title')} />
      <h1>{t('offers.catalogue.title')}</h1>
      <p className="font-lead">{t('offers.catalogue.lead')}</p>
      {runsCounselling(user) ? (
        <ul className="nobullet-list" aria-label={t('offers.catalogue.moreLabel')}>
          <li>
            <Link to="/aaben-raadgivning">{t('counselling.nav.slots')}</Link>
          </li>
          <li>
            <Link to="/workshops">{t('counselling.nav.workshops')}</Link>
          </li>
        </ul>
      ) : null}
      {offers.isPending ? <Spinner /> : null}
      {offers.isError ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
      {offers.data && offers.data.length === 0 ? <EmptyState title={t('offers.catalogue.empty')} headingLevel={2} /> : null}
      {offers.data && offers.data.length > 0 ? (
        <DataTable<Offer>
          caption={t('offers.catalogue.caption')}
          rows={offers.data}
          rowKey={(o) => o.id}
          columns={[
            {
              key: 'name',
              header: t('offers.col.offer'),
              rowHeader: true,
              render: (o) => (
                <>
                  <Link to={`/tilbud/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                  {o.active ? null : (
                    <>
                      {' '}
                      <Badge>{t('offers.inactive')}</Badge>
                    </>
                  )}
                </>
              ),
            },
            { key: 'target', header: t('offers.col.targetGroup'), render: (o) => targetGroup(o) },
            { key: 'format', header: t('offers.col.format'), render: (o) => t(`offers.format.${o.format}`) },
            { key: 'method', header: t('offers.col.method'), render: (o) => methodLabel(o.method) },
            { key: 'units', header: t('offers.col.units'), render: (o) => o.units.map((u) => u.name).join(', ') || t('common.none') },
            { key: 'cert', header: t('offers.col.certification'), render: (o) => certLabel(o.requiredCertification) },
          ]}
        />
      ) : null}
    </>
  );
}
