import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { concernKeys, listConversations, listSparring, type SparringRequest } from '../../api/concerns';
import { useMe } from '../../auth';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { LevelBadge } from '../wellbeing/shared';
import { ConversationTable } from './ChildConversations';
import { SparringStatusBadge } from './shared';
import './concerns.css';

/** What a request is about: the named child (when shown) or the anonymous age group. */
export function useAbout() {
  const { t } = useTranslation();
  return (r: Pick<SparringRequest, 'child' | 'mode' | 'ageBand'>) =>
    r.child ? r.child.name : r.mode === 'anonymous' ? `${t('concerns.mode.anonymous')}, ${t(`concerns.ageBand.${r.ageBand ?? 'unknown'}`)}` : t('concerns.mode.named');
}

const openLink = (r: SparringRequest, label: string) => (
  <Link to={`/sparring/${encodeURIComponent(r.id)}`}>{label}</Link>
);

/**
 * `/sparring`: for social workers the queue of waiting requests in the districts they cover (longest
 * waiting first, with days waited) and the requests they took; for everyone who asked, "Mine
 * sparringsanmodninger" with status and new advice; for social workers also their wellbeing conversations.
 */
export function Sparring() {
  const { t } = useTranslation();
  const me = useMe();
  const about = useAbout();
  const query = useQuery({ queryKey: concernKeys.sparring, queryFn: listSparring });
  const socialWorker = me.profession === 'social_worker';
  const conversations = useQuery({ queryKey: concernKeys.conversations, queryFn: listConversations, enabled: socialWorker });
  const data = query.data;
  const queue = data?.items.filter((r) => r.relation === 'queue') ?? [];
  const taken = data?.items.filter((r) => r.relation === 'taken') ?? [];
  const mine = data?.items.filter((r) => r.relation === 'requested') ?? [];
  const days = (n: number) => t('concerns.days', { count: n });

  return (
    <>
      <PageTitle title={t('concerns.list.title')} />
      <h1>{t('concerns.list.title')}</h1>
      <p className="font-lead">{t('concerns.list.lead')}</p>
      {query.isPending ? <Spinner /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && socialWorker ? (
        <>
          {data.covers.length > 0 ? <p>{t('concerns.list.covers', { districts: data.covers.map((d) => d.name).join(', ') })}</p> : null}
          <section aria-labelledby="queue-heading" className="mt-6">
            <h2 id="queue-heading">{t('concerns.list.queueHeading')}</h2>
            {queue.length === 0 ? (
              <EmptyState title={t('concerns.list.queueEmpty')}>
                <p>{t('concerns.list.queueEmptyText')}</p>
              </EmptyState>
            ) : (
              <DataTable<SparringRequest>
                caption={t('concerns.list.queueCaption')}
                rows={queue}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'waited', header: t('concerns.list.col.waited'), numeric: true, render: (r) => days(r.waitingDays) },
                  { key: 'about', header: t('concerns.list.col.about'), rowHeader: true, render: (r) => about(r) },
                  { key: 'level', header: t('concerns.list.col.level'), render: (r) => <LevelBadge level={r.level} /> },
                  { key: 'unit', header: t('concerns.list.col.unit'), render: (r) => r.unit.name },
                  { key: 'question', header: t('concerns.list.col.question'), render: (r) => r.question },
                  { key: 'requester', header: t('concerns.list.col.requester'), render: (r) => r.requester.name },
                  { key: 'open', header: t('concerns.list.col.open'), render: (r) => openLink(r, t('concerns.list.open')) },
                ]}
              />
            )}
          </section>
          <section aria-labelledby="taken-heading" className="mt-7">
            <h2 id="taken-heading">{t('concerns.list.takenHeading')}</h2>
            {taken.length === 0 ? (
              <p>{t('concerns.list.takenEmpty')}</p>
            ) : (
              <DataTable<SparringRequest>
                caption={t('concerns.list.takenCaption')}
                rows={taken}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'about', header: t('concerns.list.col.about'), rowHeader: true, render: (r) => about(r) },
                  { key: 'status', header: t('concerns.list.col.status'), render: (r) => <SparringStatusBadge status={r.status} /> },
                  { key: 'level', header: t('concerns.list.col.level'), render: (r) => <LevelBadge level={r.level} /> },
                  { key: 'unit', header: t('concerns.list.col.unit'), render: (r) => r.unit.name },
                  { key: 'sessions', header: t('concerns.list.col.sessions'), numeric: true, render: (r) => r.sessions },
                  { key: 'open', header: t('concerns.list.col.open'), render: (r) => openLink(r, t('concerns.list.open')) },
                ]}
              />
            )}
          </section>
        </>
      ) : null}
      {data && (!socialWorker || mine.length > 0) ? (
        <section aria-labelledby="mine-heading" className="mt-7">
          <h2 id="mine-heading">{t('concerns.list.mineHeading')}</h2>
          {mine.length === 0 ? (
            <EmptyState title={t('concerns.list.mineEmpty')}>
              <p>{t('concerns.list.mineEmptyText')}</p>
            </EmptyState>
          ) : (
            <DataTable<SparringRequest>
              caption={t('concerns.list.mineCaption')}
              rows={mine}
              rowKey={(r) => r.id}
              columns={[
                { key: 'about', header: t('concerns.list.col.about'), rowHeader: true, render: (r) => about(r) },
                {
                  key: 'status',
                  header: t('concerns.list.col.status'),
                  render: (r) => (
                    <>
                      <SparringStatusBadge status={r.status} /> {r.newAdvice ? <Badge variant="success">{t('concerns.list.newAdvice')}</Badge> : null}
                    </>
                  ),
                },
                { key: 'requested', header: t('concerns.list.col.requested'), render: (r) => formatDate(r.requestedOn) },
                { key: 'takenBy', header: t('concerns.list.col.takenBy'), render: (r) => r.takenBy?.name ?? t('common.none') },
                { key: 'sessions', header: t('concerns.list.col.sessions'), numeric: true, render: (r) => r.sessions },
                { key: 'open', header: t('concerns.list.col.open'), render: (r) => openLink(r, t('concerns.list.open')) },
              ]}
            />
          )}
        </section>
      ) : null}
      {socialWorker ? (
        <section aria-labelledby="conversations-list-heading" className="mt-7">
          <h2 id="conversations-list-heading">{t('concerns.conversations.heading')}</h2>
          {conversations.isPending ? <Spinner /> : null}
          {conversations.isError ? <ErrorState error={conversations.error} onRetry={() => void conversations.refetch()} headingLevel={3} /> : null}
          {conversations.data && conversations.data.items.length === 0 ? (
            <EmptyState title={t('concerns.conversations.empty')}>
              <p>{t('concerns.conversations.emptyText')}</p>
            </EmptyState>
          ) : null}
          {conversations.data && conversations.data.items.length > 0 ? <ConversationTable items={conversations.data.items} withChild /> : null}
        </section>
      ) : null}
    </>
  );
}
