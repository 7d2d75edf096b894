import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getMyDay, myDayKeys } from '../api/myDay';
import type { MyDay as MyDayData } from '../api/types';
import { useMe } from '../auth';
import { Alert } from '../components/Alert';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { danishHour, formatDate, formatLongDate, todayIso } from '../format';

type Cert = MyDayData['certifications'][number];

function greetingKey(hour: number) {
  if (hour >= 5 && hour < 10) return 'myDay.greetingMorning';
  if (hour >= 18 || hour < 5) return 'myDay.greetingEvening';
  return 'myDay.greetingDay';
}

/** Best-effort title for visit/task items, whose shape later work will define. */
function itemTitle(item: Record<string, unknown>): string | null {
  for (const key of ['title', 'name', 'label', 'description']) {
    const v = item[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

function itemTime(item: Record<string, unknown>): string | null {
  for (const key of ['time', 'startsAt', 'at', 'dueOn', 'date']) {
    const v = item[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** `/`: the start page. Greeting, today's visits and tasks, my units and my certifications. */
export function MyDay() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ queryKey: myDayKeys.myDay, queryFn: getMyDay });
  const firstName = me.name.split(' ')[0] || me.name;
  const date = query.data?.date ?? todayIso();

  return (
    <>
      <PageTitle title={t('myDay.title')} />
      <h1>{t(greetingKey(danishHour()), { name: firstName })}</h1>
      <p className="font-lead">{t('myDay.today', { date: formatLongDate(date) })}</p>
      {query.isPending ? <Spinner /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <MyDayContent data={query.data} /> : null}
    </>
  );
}

function MyDayContent({ data }: { data: MyDayData }) {
  const { t } = useTranslation();
  const warnings = data.certifications.filter((c) => c.expired || c.expiresSoon);

  const certStatus = (c: Cert) =>
    c.expired ? (
      <Badge variant="error">{t('certStatus.expired')}</Badge>
    ) : c.expiresSoon ? (
      <Badge variant="warning">{t('certStatus.expiresSoon')}</Badge>
    ) : (
      <Badge variant="success">{t('certStatus.valid')}</Badge>
    );

  return (
    <>
      {warnings.length > 0 ? (
        <Alert variant="warning" heading={t('myDay.certWarningHeading')} announce={false} className="mt-6">
          <ul className="alert-text">
            {warnings.map((c) => (
              <li key={c.id}>
                {t(c.expired ? 'myDay.certExpired' : 'myDay.certExpiresSoon', {
                  kind: t(`certificationKind.${c.kind}`),
                  date: formatDate(c.validUntil),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {data.admin ? (
        <section className="mt-7" aria-labelledby="myday-admin">
          <h2 id="myday-admin" className="mt-0">{t('myDay.adminHeading')}</h2>
          <ul className="spire-stats nobullet-list no-max-width">
            <li className="spire-stat">
              <span className="spire-stat-number">{data.admin.units}</span>
              <Link to="/admin/organisation">{t('myDay.adminUnits')}</Link>
            </li>
            <li className="spire-stat">
              <span className="spire-stat-number">{data.admin.staff}</span>
              <Link to="/admin/medarbejdere">{t('myDay.adminStaff')}</Link>
            </li>
            <li className={`spire-stat${data.admin.failedSignInsLast24h > 0 ? ' spire-stat-attention' : ''}`}>
              <span className="spire-stat-number">{data.admin.failedSignInsLast24h}</span>
              <Link to="/admin/adgangslog?action=sign_in">{t('myDay.adminFailedSignIns')}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      <div className="row">
        <section className="col-12 col-lg-6 mt-7" aria-labelledby="myday-visits">
          <h2 id="myday-visits" className="mt-0">{t('myDay.visits')}</h2>
          {data.visits.length === 0 ? (
            <EmptyState title={t('myDay.noVisits')}>{t('myDay.noVisitsText')}</EmptyState>
          ) : (
            <ItemList items={data.visits} />
          )}
        </section>
        <section className="col-12 col-lg-6 mt-7" aria-labelledby="myday-tasks">
          <h2 id="myday-tasks" className="mt-0">{t('myDay.tasks')}</h2>
          {data.tasks.length === 0 ? (
            <EmptyState title={t('myDay.noTasks')}>{t('myDay.noTasksText')}</EmptyState>
          ) : (
            <ItemList items={data.tasks} />
          )}
        </section>
      </div>

      <section className="mt-7" aria-labelledby="myday-units">
        <h2 id="myday-units" className="mt-0">{t('myDay.units')}</h2>
        {data.units.length === 0 ? (
          <EmptyState title={t('myDay.noUnits')}>{t('myDay.noUnitsText')}</EmptyState>
        ) : (
          <ul className="spire-unit-list nobullet-list">
            {data.units.map((u) => (
              <li key={u.id}>
                <span className="weight-semibold">{u.name}</span>
                <span className="spire-muted"> · {t(`unitKind.${u.kind}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="mt-7" aria-labelledby="myday-certs">
        <h2 id="myday-certs" className="mt-0">{t('myDay.certifications')}</h2>
        {data.certifications.length === 0 ? (
          <EmptyState title={t('myDay.noCertifications')}>{t('myDay.noCertificationsText')}</EmptyState>
        ) : (
          <DataTable
            caption={t('myDay.certifications')}
            captionHidden
            rows={data.certifications}
            rowKey={(c) => c.id}
            columns={[
              { key: 'kind', header: t('staffDetail.colCertKind'), rowHeader: true, render: (c) => t(`certificationKind.${c.kind}`) },
              { key: 'from', header: t('staffDetail.colValidFrom'), render: (c) => formatDate(c.validFrom) },
              {
                key: 'until',
                header: t('staffDetail.colValidUntil'),
                render: (c) => (c.validUntil ? formatDate(c.validUntil) : t('certStatus.noEnd')),
              },
              { key: 'status', header: t('staffDetail.colStatus'), render: certStatus },
            ]}
          />
        )}
      </section>
    </>
  );
}

function ItemList({ items }: { items: Record<string, unknown>[] }) {
  const { t } = useTranslation();
  return (
    <ul className="spire-unit-list nobullet-list">
      {items.map((item, i) => {
        const title = itemTitle(item) ?? t('myDay.itemWithoutTitle');
        const time = itemTime(item);
        return (
          <li key={typeof item.id === 'string' ? item.id : i}>
            {time ? <span className="spire-muted">{time} · </span> : null}
            <span className="weight-semibold">{title}</span>
          </li>
        );
      })}
    </ul>
  );
}
