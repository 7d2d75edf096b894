import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getMyCourses, offerKeys } from '../../api/offers';
import { ErrorState } from '../../components/ErrorState';
import { formatDate, formatTime } from '../../format';

/** Min dag, "Mine forløb": the courses you facilitate, with today's sessions and "Registrér fremmøde"; nothing for others. */
export function MyCoursesSection() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: offerKeys.mine, queryFn: getMyCourses });
  if (query.isPending) return null;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} heading={t('offers.myDay.heading')} />;
  if (query.data.items.length === 0) return null;
  return (
    <section className="mt-7" aria-labelledby="myday-courses">
      <h2 id="myday-courses" className="mt-0">
        {t('offers.myDay.heading')}
      </h2>
      <ul className="nobullet-list">
        {query.data.items.map((c) => (
          <li key={c.id} className="mb-5">
            <Link to={`/forloeb/${encodeURIComponent(c.id)}`} className="weight-semibold">
              {c.name}
            </Link>
            <div className="spire-muted">
              {t('offers.myDay.placesLine', { place: c.place, enrolled: c.counts.enrolled, capacity: c.capacity, waiting: c.counts.waiting })}
            </div>
            {c.todaySessions.length > 0 ? (
              c.todaySessions.map((s) => (
                <p key={s.id} className="mt-2 mb-0">
                  {t('offers.myDay.today', { number: s.number, total: c.sessionCount, time: formatTime(s.startTime) })}{' '}
                  <Link to={`/forloeb/${encodeURIComponent(c.id)}/moeder/${encodeURIComponent(s.id)}`}>{t('offers.myDay.takeAttendance')}</Link>
                </p>
              ))
            ) : c.nextSession ? (
              <p className="mt-2 mb-0">{t('offers.myDay.next', { number: c.nextSession.number, date: formatDate(c.nextSession.date), time: formatTime(c.nextSession.startTime) })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
