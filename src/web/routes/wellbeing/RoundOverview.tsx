import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getRound, type RoundChild, wellbeingKeys } from '../../api/wellbeing';
import { BackLink } from '../../components/BackLink';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Flash } from '../../components/Flash';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { LevelBadge, usePercent } from './shared';

/**
 * `/trivsel/runder/:roundId`: the round overview — each enrolled child with the number of
 * individual ratings (levels stay hidden here), whether you have rated, and the joint rating.
 */
export function WellbeingRoundOverview() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const percent = usePercent();
  const round = useQuery({ queryKey: wellbeingKeys.round(roundId), queryFn: () => getRound(roundId), staleTime: 0 });

  if (round.isPending) {
    return (
      <>
        <BackLink to="/trivsel">{t('wellbeing.round.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (round.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/trivsel">{t('wellbeing.round.back')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={round.error} onRetry={() => void round.refetch()} />
      </>
    );
  }
  const r = round.data;
  const title = `${r.name} – ${r.unitName}`;
  const childLink = (c: RoundChild) => `/trivsel/runder/${encodeURIComponent(r.id)}/boern/${encodeURIComponent(c.childId)}`;

  return (
    <>
      <PageTitle title={title} />
      <BackLink to={`/trivsel?enhed=${encodeURIComponent(r.unitId)}`}>{t('wellbeing.round.back')}</BackLink>
      <h1>{title}</h1>
      <Flash />
      <dl className="spire-facts">
        <div>
          <dt>{t('wellbeing.round.period')}</dt>
          <dd>{`${formatDate(r.periodStart)}–${formatDate(r.periodEnd)}`}</dd>
        </div>
        <div>
          <dt>{t('wellbeing.round.createdBy')}</dt>
          <dd>{r.createdBy.name}</dd>
        </div>
        <div>
          <dt>{t('wellbeing.round.progress')}</dt>
          <dd>
            {t('wellbeing.rounds.progressText', {
              done: r.progress.jointRated,
              total: r.progress.children,
              percent: percent(r.progress.shareJointRated),
            })}
          </dd>
        </div>
      </dl>
      <p className="mt-4">
        {t('wellbeing.round.progressDetail', {
          joint: r.progress.jointRated,
          children: r.progress.children,
          ready: r.progress.readyForJoint,
        })}
      </p>
      {r.children.length === 0 ? (
        <EmptyState title={t('wellbeing.round.noChildren')} headingLevel={2} />
      ) : (
        <DataTable<RoundChild>
          caption={t('wellbeing.round.tableCaption')}
          rows={r.children}
          rowKey={(c) => c.childId}
          columns={[
            {
              key: 'child',
              header: t('wellbeing.round.col.child'),
              rowHeader: true,
              render: (c) => (
                <Link
                  to={childLink(c)}
                  aria-label={
                    c.ratedByMe || c.jointSaved
                      ? t('wellbeing.round.openLink', { name: c.name })
                      : t('wellbeing.round.rateLink', { name: c.name })
                  }
                >
                  {c.name}
                </Link>
              ),
            },
            { key: 'born', header: t('wellbeing.round.col.birthDate'), render: (c) => formatDate(c.birthDate) || t('common.none') },
            {
              key: 'individual',
              header: t('wellbeing.round.col.individual'),
              render: (c) => t('wellbeing.round.individualCount', { count: c.individualRatings }),
            },
            {
              key: 'mine',
              header: t('wellbeing.round.col.mine'),
              render: (c) =>
                c.ratedByMe ? (
                  <Badge variant="success">{t('wellbeing.round.ratedByMe')}</Badge>
                ) : c.jointSaved ? (
                  t('common.none')
                ) : (
                  <Badge variant="warning">{t('wellbeing.round.notRatedByMe')}</Badge>
                ),
            },
            {
              key: 'joint',
              header: t('wellbeing.round.col.joint'),
              render: (c) =>
                c.joint ? (
                  <LevelBadge level={c.joint.level} />
                ) : c.individualRatings >= 2 ? (
                  <Badge variant="info">{t('wellbeing.round.readyForJoint')}</Badge>
                ) : (
                  <span className="spire-muted">{t('wellbeing.round.noJoint')}</span>
                ),
            },
          ]}
        />
      )}
      {r.childrenNoLongerEnrolled > 0 ? (
        <p className="spire-muted mt-4">{t('wellbeing.round.noLongerEnrolled', { count: r.childrenNoLongerEnrolled })}</p>
      ) : null}
    </>
  );
}
