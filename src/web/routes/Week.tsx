import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getMyWeek, myDayKeys } from '../api/myDay';
import type { CalendarVisit } from '../api/types';
import { BackLink } from '../components/BackLink';
import { ErrorState } from '../components/ErrorState';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { VisitStatusBadge } from '../components/StatusBadges';
import { useTemplateLabels } from '../useTemplateLabels';
import { addDaysIso, formatDate, formatTime, formatWeekday, mondayOf, todayIso } from '../format';

/** ISO 8601 week number of a date. */
export function isoWeek(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/**
 * `/uge?fra=YYYY-MM-DD`: the user's visits Monday to Sunday, one heading per day with its visits
 * as a list (readable with a screen reader's heading navigation); today is marked; one click from a
 * visit to the child.
 */
export function Week() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const today = todayIso();
  const asked = params.get('fra');
  const start = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? mondayOf(asked) : mondayOf(today);
  const week = useQuery({
    queryKey: myDayKeys.week(start),
    queryFn: () => getMyWeek(start),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const end = addDaysIso(start, 6);
  const title = t('week.title');
  const isThisWeek = start === mondayOf(today);
  const labels = useTemplateLabels();

  return (
    <>
      <PageTitle title={`${title} – ${t('week.weekNumber', { week: isoWeek(start) })}`} />
      <BackLink to="/">{t('week.back')}</BackLink>
      <h1 className="mb-3">{title}</h1>
      <p className="font-lead">
        {t('week.weekNumber', { week: isoWeek(start) })} · {formatDate(start)}–{formatDate(end)}
      </p>
      <nav className="spire-week-nav" aria-label={t('week.navLabel')}>
        <Link to={`/uge?fra=${addDaysIso(start, -7)}`} className="button button-secondary">
          <Icon name="chevron-left" />
          {t('week.previous')}
        </Link>
        {isThisWeek ? null : (
          <Link to="/uge" className="button button-tertiary">
            {t('week.thisWeek')}
          </Link>
        )}
        <Link to={`/uge?fra=${addDaysIso(start, 7)}`} className="button button-secondary">
          {t('week.next')}
          <Icon name="chevron-right" className="spire-icon-after" />
        </Link>
      </nav>
      {week.isPending ? <Spinner /> : null}
      {week.isError ? <ErrorState error={week.error} onRetry={() => void week.refetch()} /> : null}
      {week.data ? (
        <>
          <p className="sr-only" aria-live="polite">
            {t('week.count', { count: week.data.days.reduce((n, d) => n + d.visits.length, 0) })}
          </p>
          <ol className="spire-week nobullet-list no-max-width">
            {week.data.days.map((day) => (
              <li key={day.date} className={`spire-day${day.date === today ? ' spire-day-today' : ''}`}>
                <section aria-labelledby={`day-${day.date}`}>
                  <h2 id={`day-${day.date}`} className="spire-day-heading">
                    <span className="spire-capitalize">{formatWeekday(day.date)}</span>
                    {day.date === today ? <span className="spire-today-marker">{t('week.today')}</span> : null}
                  </h2>
                  {day.visits.length === 0 ? (
                    <p className="spire-muted spire-day-empty">{t('week.noVisits')}</p>
                  ) : (
                    <ul className="spire-day-visits nobullet-list no-max-width">
                      {day.visits.map((v) => (
                        <DayVisit key={v.id} visit={v} labels={labels} />
                      ))}
                    </ul>
                  )}
                </section>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function DayVisit({ visit: v, labels }: { visit: CalendarVisit; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const contact = v.templateKey ? labels.get(v.templateKey) : undefined;
  return (
    <li className={`spire-day-visit spire-visit-${v.status}`}>
      <span className="spire-day-time">{formatTime(v.time)}</span>
      <Link to={`/boern/${encodeURIComponent(v.childId)}?fane=sundhedspleje`} className="spire-day-child">
        {v.childName}
      </Link>
      <span className="spire-day-kind">
        {t(`visitKind.${v.kind}`)}
        {contact ? ` · ${contact}` : ''}
        {v.role === 'participant' ? ` · ${t('myDay.participant', { name: v.staffName ?? '' })}` : ''}
      </span>
      <VisitStatusBadge status={v.status} />
    </li>
  );
}
