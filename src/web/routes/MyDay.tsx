import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getMyDay, myDayKeys } from '../api/myDay';
import type { CalendarVisit, CaseloadContact, ContactStatus, FollowUpFlag, FollowUpTask, MyDay as MyDayData } from '../api/types';
import { useMe } from '../auth';
import { contactLabel, isHealthStaff } from '../childText';
import { useTemplateLabels } from '../useTemplateLabels';
import { MyActionsSection } from './meetings/MyActionsSection';
import { MyCoursesSection } from './offers/MyCoursesSection';
import { MyDayNotifications } from './notifications/MyDayNotifications';
import { MyDayHandovers } from './handover/MyDayHandovers';
import { MyDaySparring } from './concerns/MyDaySparring';
import { MyDayCounselling } from './counselling/MyDaySlots';
import { Alert } from '../components/Alert';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { ContactStatusBadge, VisitStatusBadge } from '../components/StatusBadges';
import { danishHour, formatDate, formatDateTimeShort, formatLongDate, formatTime, todayIso } from '../format';

type Cert = MyDayData['certifications'][number];

function greetingKey(hour: number) {
  if (hour >= 5 && hour < 10) return 'myDay.greetingMorning';
  if (hour >= 18 || hour < 5) return 'myDay.greetingEvening';
  return 'myDay.greetingDay';
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
      {query.data ? <MyDayContent data={query.data} health={isHealthStaff(me)} manager={me.profession === 'manager'} /> : null}
    </>
  );
}

function MyDayContent({ data, health, manager }: { data: MyDayData; health: boolean; manager: boolean }) {
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

      <UrgentFollowUp tasks={data.tasks} flags={data.flags ?? []} />
      <MyActionsSection />
      <MyCoursesSection />
      <MyDayNotifications />
      <MyDayHandovers />
      <MyDaySparring />
      <MyDayCounselling />

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

      {health ? (
        <HealthDay data={data} manager={manager} />
      ) : (
        <div className="row">
          <section className="col-12 col-lg-6 mt-7" aria-labelledby="myday-visits">
            <h2 id="myday-visits" className="mt-0">{t('myDay.visits')}</h2>
            {data.visits.length === 0 ? (
              <EmptyState title={t('myDay.noVisits')}>{t('myDay.noVisitsText')}</EmptyState>
            ) : (
              <TodayVisits visits={data.visits} />
            )}
          </section>
          <section className="col-12 col-lg-6 mt-7" aria-labelledby="myday-tasks">
            <h2 id="myday-tasks" className="mt-0">{t('myDay.tasks')}</h2>
            {data.tasks.length === 0 && (data.flags ?? []).length === 0 ? (
              <EmptyState title={t('myDay.noTasks')}>{t('myDay.noTasksText')}</EmptyState>
            ) : (
              <TaskList tasks={data.tasks} flags={data.flags ?? []} />
            )}
          </section>
        </div>
      )}

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

/** The health visitor's day: counts, today's visits, and the caseload's contacts that need attention. */
function HealthDay({ data, manager }: { data: MyDayData; manager: boolean }) {
  const { t } = useTranslation();
  const groups: { status: ContactStatus; rows: CaseloadContact[] }[] = (['overdue', 'due', 'upcoming'] as const).map(
    (status) => ({ status, rows: data.contacts.filter((c) => c.status === status) }),
  );
  return (
    <>
      <section className="mt-7" aria-labelledby="myday-counts">
        <h2 id="myday-counts" className="sr-only">
          {t('myDay.countsHeading')}
        </h2>
        <ul className="spire-stats nobullet-list no-max-width">
          <li className="spire-stat">
            <span className="spire-stat-number">{data.counts.visitsToday}</span>
            <a href="#myday-visits">{t('myDay.countVisits', { count: data.counts.visitsToday })}</a>
          </li>
          <li className={`spire-stat${data.counts.overdue > 0 ? ' spire-stat-attention' : ''}`}>
            <span className="spire-stat-number">{data.counts.overdue}</span>
            <a href="#myday-overdue">{t('myDay.countOverdue', { count: data.counts.overdue })}</a>
          </li>
          <li className={`spire-stat${data.counts.dueNow > 0 ? ' spire-stat-warning' : ''}`}>
            <span className="spire-stat-number">{data.counts.dueNow}</span>
            <a href="#myday-due">{t('myDay.countDue', { count: data.counts.dueNow })}</a>
          </li>
          <li className="spire-stat">
            <span className="spire-stat-number">{data.counts.upcoming14Days}</span>
            <a href="#myday-upcoming">{t('myDay.countUpcoming', { count: data.counts.upcoming14Days })}</a>
          </li>
          <li className="spire-stat">
            <span className="spire-stat-number">{data.counts.caseload}</span>
            <Link to="/boern">{manager ? t('myDay.countCaseloadUnit', { count: data.counts.caseload }) : t('myDay.countCaseload', { count: data.counts.caseload })}</Link>
          </li>
        </ul>
      </section>

      {data.tasks.length > 0 || (data.flags ?? []).length > 0 ? (
        <section className="mt-7" aria-labelledby="myday-tasks">
          <h2 id="myday-tasks" className="mt-0">{t('myDay.tasks')}</h2>
          <TaskList tasks={data.tasks} flags={data.flags ?? []} />
        </section>
      ) : null}

      <section className="mt-7" aria-labelledby="myday-visits">
        <div className="spire-section-head">
          <h2 id="myday-visits" className="mt-0">{t('myDay.visits')}</h2>
          <Link to="/uge" className="button button-secondary">
            <Icon name="calendar-month" />
            {t('myDay.weekLink')}
          </Link>
        </div>
        {data.visits.length === 0 ? (
          <EmptyState title={t('myDay.noVisits')}>{t('myDay.noVisitsText')}</EmptyState>
        ) : (
          <TodayVisits visits={data.visits} />
        )}
      </section>


      <section className="mt-7" aria-labelledby="myday-contacts">
        <h2 id="myday-contacts" className="mt-0">{manager ? t('myDay.contactsHeadingUnit') : t('myDay.contactsHeading')}</h2>
        <p className="spire-muted">{t('myDay.contactsIntro')}</p>
        {data.contacts.length === 0 ? (
          <EmptyState title={t('myDay.noContacts')}>{t('myDay.noContactsText')}</EmptyState>
        ) : (
          groups.map((g) => (
            <section key={g.status} className={`mt-6 spire-contact-group spire-contact-${g.status}`} aria-labelledby={`myday-${g.status}`}>
              <h3 id={`myday-${g.status}`} className="h4">
                {t(`myDay.group.${g.status}`, { count: g.rows.length })}
              </h3>
              {g.rows.length === 0 ? (
                <p className="spire-muted">{t(`myDay.groupEmpty.${g.status}`)}</p>
              ) : (
                <ContactGroup rows={g.rows} caption={t(`myDay.group.${g.status}`, { count: g.rows.length })} />
              )}
            </section>
          ))
        )}
      </section>
    </>
  );
}

/** The child's Screening tab, where tasks are completed and flags resolved. */
const screeningTab = (childId: string) => `/boern/${encodeURIComponent(childId)}?fane=screening`;

/**
 * Urgent follow-up at the top of Min dag: open EPDS item-10 flags (and other urgent flags) and
 * urgent tasks, each leading to the child's Screening tab. Nothing is shown when there is none.
 */
function UrgentFollowUp({ tasks, flags }: { tasks: FollowUpTask[]; flags: FollowUpFlag[] }) {
  const { t } = useTranslation();
  const urgentFlags = flags.filter((f) => f.severity === 'urgent');
  const urgentTasks = tasks.filter((x) => x.urgent);
  if (urgentFlags.length === 0 && urgentTasks.length === 0) return null;
  const selfHarm = urgentFlags.some((f) => f.kind === 'epds_self_harm');
  return (
    <Alert
      variant="error"
      heading={selfHarm ? t('myDay.selfHarmHeading') : t('myDay.urgentHeading')}
      announce={false}
      className="mt-6 spire-urgent-followup"
      id="myday-urgent"
    >
      {selfHarm ? <p className="alert-text">{t('myDay.selfHarmText')}</p> : null}
      <ul className="alert-text">
        {urgentFlags.map((f) => (
          <li key={f.id}>
            <span className="weight-semibold">{t(`flagKind.${f.kind}`, { defaultValue: f.kind })}</span>
            {' · '}
            <Link to={screeningTab(f.childId)}>
              {f.childName}
              {f.personName ? ` (${f.personName})` : ''}
            </Link>
            <span className="spire-muted"> · {t('myDay.flagRaised', { date: formatDateTimeShort(f.raisedAt) })}</span>
          </li>
        ))}
        {urgentTasks.map((task) => (
          <li key={task.id}>
            <span className="weight-semibold">{t(`taskKind.${task.kind}`, { defaultValue: task.kind })}</span>
            {' · '}
            <Link to={screeningTab(task.childId)}>
              {task.childName}
              {task.personName ? ` (${task.personName})` : ''}
            </Link>
            <span className="spire-muted"> · {t('myDay.taskDue', { date: formatDate(task.dueOn) })}</span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** Follow-up tasks after screenings and open flags, urgent first, each leading to the child's Screening tab. */
function TaskList({ tasks, flags }: { tasks: FollowUpTask[]; flags: FollowUpFlag[] }) {
  const { t } = useTranslation();
  type Row = { id: string; what: string; childId: string; childName: string; personName: string | null; due: string; badges: ReactNode; order: number };
  const rows: Row[] = [
    ...flags.map((f) => ({
      id: f.id,
      what: t(`flagKind.${f.kind}`, { defaultValue: f.kind }),
      childId: f.childId,
      childName: f.childName,
      personName: f.personName,
      due: t('myDay.flagRaised', { date: formatDateTimeShort(f.raisedAt) }),
      badges: <Badge variant={f.severity === 'moderate' ? 'warning' : 'error'}>{t(`flagSeverity.${f.severity}`)}</Badge>,
      order: f.severity === 'urgent' ? 0 : 2,
    })),
    ...tasks.map((task) => ({
      id: task.id,
      what: t(`taskKind.${task.kind}`, { defaultValue: task.kind }),
      childId: task.childId,
      childName: task.childName,
      personName: task.personName,
      due: formatDate(task.dueOn),
      badges: (
        <>
          {task.urgent ? <Badge variant="error">{t('myDay.urgent')}</Badge> : null}
          {task.urgent && task.overdue ? ' ' : null}
          {task.overdue ? <Badge variant="warning">{t('myDay.taskOverdue')}</Badge> : null}
          {!task.urgent && !task.overdue ? <Badge variant="info">{t('myDay.taskOpen')}</Badge> : null}
        </>
      ),
      order: task.urgent ? 1 : task.overdue ? 3 : 4,
    })),
  ];
  // Stable: the server's order (urgent first, then by due date) within each group.
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.order - b.r.order || a.i - b.i).map((x) => x.r);
  return (
    <DataTable<Row>
      caption={t('myDay.tasks')}
      captionHidden
      rows={sorted}
      rowKey={(r) => r.id}
      columns={[
        { key: 'what', header: t('myDay.colTask'), rowHeader: true, render: (r) => r.what },
        {
          key: 'child',
          header: t('myDay.colChild'),
          render: (r) => (
            <>
              <Link to={screeningTab(r.childId)}>
                {r.childName}
                <span className="sr-only"> {t('myDay.openScreening')}</span>
              </Link>
              {r.personName ? <span className="spire-fact-sub spire-muted">{r.personName}</span> : null}
            </>
          ),
        },
        { key: 'due', header: t('myDay.colDue'), className: 'spire-nowrap', render: (r) => r.due },
        { key: 'status', header: t('myDay.colStatus'), render: (r) => r.badges },
      ]}
    />
  );
}

function TodayVisits({ visits }: { visits: CalendarVisit[] }) {
  const { t } = useTranslation();
  const labels = useTemplateLabels();
  return (
    <DataTable<CalendarVisit>
      caption={t('myDay.visits')}
      captionHidden
      rows={visits}
      rowKey={(v) => v.id}
      columns={[
        { key: 'time', header: t('myDay.colTime'), className: 'spire-nowrap', render: (v) => formatTime(v.time) },
        {
          key: 'child',
          header: t('myDay.colChild'),
          rowHeader: true,
          render: (v) => <Link to={`/boern/${encodeURIComponent(v.childId)}?fane=sundhedspleje`}>{v.childName}</Link>,
        },
        {
          key: 'kind',
          header: t('myDay.colKind'),
          render: (v) => (
            <>
              {t(`visitKind.${v.kind}`)}
              {v.templateKey && labels.get(v.templateKey) ? <span className="spire-fact-sub spire-muted">{labels.get(v.templateKey)}</span> : null}
              {v.role === 'participant' ? <span className="spire-fact-sub spire-muted">{t('myDay.participant', { name: v.staffName ?? '' })}</span> : null}
            </>
          ),
        },
        { key: 'status', header: t('myDay.colStatus'), render: (v) => <VisitStatusBadge status={v.status} /> },
      ]}
    />
  );
}

/** The first rows of a long group, with a button to show the rest (a caseload can have many). */
const GROUP_PREVIEW = 10;

function ContactGroup({ rows, caption }: { rows: CaseloadContact[]; caption: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, GROUP_PREVIEW);
  return (
    <>
      <ContactTable rows={shown} caption={caption} />
      {rows.length > GROUP_PREVIEW ? (
        <button type="button" className="button button-tertiary mt-4" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? t('myDay.showFewer') : t('myDay.showAll', { count: rows.length })}
        </button>
      ) : null}
    </>
  );
}

function ContactTable({ rows, caption }: { rows: CaseloadContact[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <DataTable<CaseloadContact>
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(c) => `${c.childId}-${c.key}`}
      columns={[
        {
          key: 'child',
          header: t('myDay.colChild'),
          rowHeader: true,
          render: (c) => <Link to={`/boern/${encodeURIComponent(c.childId)}?fane=sundhedspleje`}>{c.childName}</Link>,
        },
        { key: 'contact', header: t('myDay.colContact'), render: (c) => contactLabel(c) },
        {
          key: 'window',
          header: t('myDay.colWindow'),
          className: 'spire-nowrap',
          render: (c) => t('health.window', { from: formatDate(c.earliest), to: formatDate(c.latest) }),
        },
        { key: 'status', header: t('myDay.colStatus'), render: (c) => <ContactStatusBadge status={c.status} /> },
        {
          key: 'action',
          header: t('myDay.colAction'),
          render: (c) =>
            c.visitId ? (
              <span className="spire-muted">{t('myDay.visitPlanned')}</span>
            ) : (
              <Link to={`/boern/${encodeURIComponent(c.childId)}/besoeg/planlaeg?kontakt=${encodeURIComponent(c.key)}`}>
                {t('health.planVisit')}
                <span className="sr-only"> {t('myDay.planFor', { name: c.childName, contact: contactLabel(c) })}</span>
              </Link>
            ),
        },
      ]}
    />
  );
}
