import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { concernKeys, listSparring } from '../../api/concerns';
import { useAbout } from './Sparring';

/**
 * Min dag: for social workers the number of waiting requests in their districts and the longest
 * wait, and their ongoing sparring cases; for requesters their requests with new advice.
 * Renders nothing for people it does not concern, or on an error.
 */
export function MyDaySparring() {
  const { t } = useTranslation();
  const about = useAbout();
  const query = useQuery({ queryKey: concernKeys.sparring, queryFn: listSparring, retry: false });
  const data = query.data;
  if (!data) return null;
  const queue = data.items.filter((r) => r.relation === 'queue');
  const taken = data.items.filter((r) => r.relation === 'taken' && r.status === 'taken');
  const advice = data.items.filter((r) => r.relation === 'requested' && r.newAdvice);
  const covers = data.covers.length > 0;
  if (!covers && advice.length === 0) return null;
  const oldest = queue.reduce((max, r) => Math.max(max, r.waitingDays), 0);
  return (
    <section className="mt-7" aria-labelledby="myday-sparring">
      <h2 id="myday-sparring" className="mt-0">
        {t('concerns.myDay.heading')}
      </h2>
      {covers ? (
        <ul className="spire-stats nobullet-list no-max-width">
          <li className={`spire-stat${queue.length > 0 ? ' spire-stat-warning' : ''}`}>
            <span className="spire-stat-number">{queue.length}</span>
            <Link to="/sparring">{t('concerns.myDay.waiting')}</Link>
          </li>
          <li className={`spire-stat${oldest >= 7 ? ' spire-stat-attention' : ''}`}>
            <span className="spire-stat-number">{oldest}</span>
            <Link to="/sparring">{t('concerns.myDay.oldest')}</Link>
          </li>
          <li className="spire-stat">
            <span className="spire-stat-number">{taken.length}</span>
            <Link to="/sparring">{t('concerns.myDay.taken')}</Link>
          </li>
        </ul>
      ) : null}
      {advice.length > 0 ? (
        <>
          <h3 className="h5">{t('concerns.myDay.newAdvice')}</h3>
          <ul>
            {advice.map((r) => (
              <li key={r.id}>
                <Link to={`/sparring/${encodeURIComponent(r.id)}`}>
                  {t('concerns.myDay.adviceItem', { about: about(r), name: r.takenBy?.name ?? '' })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
