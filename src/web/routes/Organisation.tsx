import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getOrganisation, listUnits, organisationKeys } from '../api/organisation';
import { UNIT_KINDS, type Unit, type UnitKind } from '../api/types';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Flash } from '../components/Flash';
import { SelectField } from '../components/FormField';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';

/** `/admin/organisation`: municipality, districts with clusters, and the units table. */
export function Organisation() {
  const { t } = useTranslation();
  const org = useQuery({ queryKey: organisationKeys.organisation, queryFn: getOrganisation });

  return (
    <>
      <PageTitle title={t('organisation.title')} />
      <h1>{t('organisation.title')}</h1>
      <p className="font-lead">{t('organisation.intro')}</p>
      <Flash />
      {org.isPending ? <Spinner /> : null}
      {org.isError ? <ErrorState error={org.error} onRetry={() => void org.refetch()} /> : null}
      {org.data ? (
        <>
          <dl className="spire-facts">
            <div>
              <dt>{t('organisation.municipality')}</dt>
              <dd>{org.data.municipality.name}</dd>
            </div>
            <div>
              <dt>{t('organisation.municipalityCode')}</dt>
              <dd>{org.data.municipality.code}</dd>
            </div>
          </dl>

          <section className="mt-7" aria-labelledby="org-districts">
            <div className="spire-section-head">
              <h2 id="org-districts">{t('organisation.districtsHeading')}</h2>
              <div className="spire-actions">
                <Link to="/admin/organisation/nyt-distrikt" className="button button-secondary">
                  <Icon name="plus" />
                  {t('organisation.createDistrict')}
                </Link>
                {org.data.districts.length > 0 ? (
                  <Link to="/admin/organisation/ny-klynge" className="button button-secondary">
                    <Icon name="plus" />
                    {t('organisation.createCluster')}
                  </Link>
                ) : null}
              </div>
            </div>
            {org.data.districts.length === 0 ? (
              <EmptyState title={t('organisation.noDistricts')}>{t('organisation.noDistrictsText')}</EmptyState>
            ) : (
              <ul className="spire-district-list nobullet-list no-max-width">
                {org.data.districts.map((d) => (
                  <li key={d.id} className="spire-district">
                    <h3 className="h4 mt-0 mb-2">{d.name}</h3>
                    {d.clusters.length === 0 ? (
                      <p className="spire-muted mt-0">{t('organisation.noClusters')}</p>
                    ) : (
                      <ul className="spire-tags nobullet-list" aria-label={t('organisation.clustersIn', { district: d.name })}>
                        {d.clusters.map((c) => (
                          <li key={c.id}>
                            <span className="badge badge-info">{c.name}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <UnitsSection districts={org.data.districts} />
        </>
      ) : null}
    </>
  );
}

function UnitsSection({ districts }: { districts: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('type') ?? '') as UnitKind | '';
  const districtId = params.get('distrikt') ?? '';
  const [draftKind, setDraftKind] = useState<string>(kind);
  const [draftDistrict, setDraftDistrict] = useState<string>(districtId);

  const units = useQuery({
    queryKey: organisationKeys.units({ kind, districtId }),
    queryFn: () => listUnits({ kind, districtId }),
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (draftKind) next.set('type', draftKind);
    else next.delete('type');
    if (draftDistrict) next.set('distrikt', draftDistrict);
    else next.delete('distrikt');
    setParams(next, { replace: true });
  };
  const filtered = Boolean(kind || districtId);

  return (
    <section className="mt-8" aria-labelledby="org-units">
      <div className="spire-section-head">
        <h2 id="org-units">{t('organisation.unitsHeading')}</h2>
        <div className="spire-actions">
          {districts.length > 0 ? (
            <Link to="/admin/organisation/ny-enhed" className="button button-primary">
              <Icon name="plus" />
              {t('organisation.createUnit')}
            </Link>
          ) : null}
        </div>
      </div>
      <form className="spire-filters" onSubmit={apply} noValidate aria-label={t('organisation.unitsHeading')}>
        <SelectField
          id="units-filter-kind"
          label={t('organisation.filterKind')}
          value={draftKind}
          onChange={setDraftKind}
          placeholder={t('organisation.allKinds')}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        />
        <SelectField
          id="units-filter-district"
          label={t('organisation.filterDistrict')}
          value={draftDistrict}
          onChange={setDraftDistrict}
          placeholder={t('organisation.allDistricts')}
          options={districts.map((d) => ({ value: d.id, label: d.name }))}
        />
        <div className="spire-filter-actions">
          <button type="submit" className="button button-secondary">
            {t('organisation.showUnits')}
          </button>
        </div>
      </form>
      {units.isPending ? <Spinner /> : null}
      {units.isError ? <ErrorState error={units.error} onRetry={() => void units.refetch()} headingLevel={3} /> : null}
      {units.data ? (
        units.data.length === 0 ? (
          filtered ? (
            <EmptyState title={t('organisation.noUnitsFiltered')}>{t('organisation.noUnitsFilteredText')}</EmptyState>
          ) : (
            <EmptyState title={t('organisation.noUnits')} />
          )
        ) : (
          <>
            <p className="spire-muted" aria-live="polite">
              {t('organisation.unitCount', { count: units.data.length })}
            </p>
            <DataTable<Unit>
              caption={t('organisation.unitsCaption')}
              captionHidden
              rows={units.data}
              rowKey={(u) => u.id}
              columns={[
                { key: 'name', header: t('organisation.colName'), rowHeader: true, render: (u) => u.name },
                { key: 'kind', header: t('organisation.colKind'), render: (u) => t(`unitKind.${u.kind}`) },
                { key: 'district', header: t('organisation.colDistrict'), render: (u) => u.districtName },
                { key: 'cluster', header: t('organisation.colCluster'), render: (u) => u.clusterName ?? t('common.none') },
                {
                  key: 'actions',
                  header: t('organisation.colActions'),
                  render: (u) => (
                    <Link to={`/admin/organisation/enheder/${encodeURIComponent(u.id)}`}>
                      {t('organisation.editUnit')}
                      <span className="sr-only"> {u.name}</span>
                    </Link>
                  ),
                },
              ]}
            />
          </>
        )
      ) : null}
    </section>
  );
}
