import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listOffers, type Offer, offerKeys } from '../../api/offers';
import { BackLink } from '../../components/BackLink';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Flash } from '../../components/Flash';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { useCertificationLabel, useMethodLabel, useTargetGroup } from '../offers/shared';

/** `/admin/tilbud`: every offer of the municipality (also inactive ones) with a link to change it, and "Opret tilbud". */
export function OfferAdminList() {
  const { t } = useTranslation();
  const targetGroup = useTargetGroup();
  const methodLabel = useMethodLabel();
  const certLabel = useCertificationLabel();
  const offers = useQuery({ queryKey: offerKeys.list, queryFn: listOffers, staleTime: 0 });
  const title = t('offers.admin.title');
  return (
    <>
      <PageTitle title={title} />
      <BackLink to="/admin/indstillinger">{t('adminSettings.index.title')}</BackLink>
      <Flash />
      <h1>{title}</h1>
      <p className="font-lead">{t('offers.admin.lead')}</p>
      <p>
        <Link to="/admin/tilbud/ny" className="button button-primary">
          {t('offers.admin.new')}
        </Link>
      </p>
      {offers.isPending ? <Spinner /> : null}
      {offers.isError ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
      {offers.data && offers.data.length === 0 ? <EmptyState title={t('offers.admin.empty')} headingLevel={2} /> : null}
      {offers.data && offers.data.length > 0 ? (
        <DataTable<Offer>
          caption={t('offers.admin.caption')}
          rows={offers.data}
          rowKey={(o) => o.id}
          columns={[
            {
              key: 'name',
              header: t('offers.col.offer'),
              rowHeader: true,
              render: (o) => (
                <Link to={`/admin/tilbud/${encodeURIComponent(o.id)}`}>{o.name}</Link>
              ),
            },
            { key: 'format', header: t('offers.col.format'), render: (o) => t(`offers.format.${o.format}`) },
            { key: 'method', header: t('offers.col.method'), render: (o) => methodLabel(o.method) },
            { key: 'target', header: t('offers.col.targetGroup'), render: (o) => targetGroup(o) },
            { key: 'units', header: t('offers.col.units'), render: (o) => o.units.map((u) => u.name).join(', ') || t('common.none') },
            { key: 'cert', header: t('offers.col.certification'), render: (o) => certLabel(o.requiredCertification) },
            {
              key: 'active',
              header: t('offers.admin.colActive'),
              render: (o) => (o.active ? t('offers.admin.yes') : <Badge>{t('offers.inactive')}</Badge>),
            },
          ]}
        />
      ) : null}
    </>
  );
}
