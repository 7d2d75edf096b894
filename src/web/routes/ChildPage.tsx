import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { childKeys, getChild } from '../api/children';
import { ApiError } from '../api/client';
import type { ChildDetail } from '../api/types';
import { ageText, childName } from '../childText';
import { BackLink } from '../components/BackLink';
import { Badge } from '../components/Badge';
import { CprReveal } from '../components/CprReveal';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { Flash } from '../components/Flash';
import { Icon } from '../components/Icon';
import { PageTitle } from '../components/PageTitle';
import { PageSummaryProvider, useSummaryHost } from '../components/PageSummary';
import { Spinner } from '../components/Spinner';
import { ExtendedTrackBadge } from '../components/StatusBadges';
import { TabNav } from '../components/TabNav';
import { formatDate } from '../format';
import { BasicTab } from './child/BasicTab';
import { EnrolmentsTab } from './child/EnrolmentsTab';
import { FamilyTab } from './child/FamilyTab';
import { HealthTab } from './child/HealthTab';
import { JournalTab } from './child/JournalTab';
import { ScreeningTab } from './child/ScreeningTab';
import { ChildWellbeingTab, useSeesWellbeing } from './wellbeing/ChildWellbeingTab';
import { ChildMeetingsTab, useSeesMeetings } from './meetings/ChildMeetingsTab';
import { ConsentTab, useSeesConsent } from './consent/ConsentTab';
import { ChildConcernsTab, useSeesConcerns } from './concerns/ChildConcernsTab';
import { NotifyButton } from './notifications/NotifyButton';
import { ChildOffersTab } from './offers/ChildOffersTab';

/** The tabs of a child's page, by their (Danish) address `?fane=…`. */
const HEALTH_TABS = ['sundhedspleje', 'journal', 'screening'] as const;
const BASIC_TABS = ['stamdata', 'familie', 'dagtilbud'] as const;
type TabKey = (typeof HEALTH_TABS)[number] | (typeof BASIC_TABS)[number] | 'trivsel' | 'bekymringer' | 'moeder' | 'tilbud' | 'samtykke';
/** Labels of the tabs that other areas add (their texts live in the area's own i18n file). */
const AREA_TAB_LABELS: Partial<Record<TabKey, string>> = {
  trivsel: 'wellbeing.childTab.tab',
  bekymringer: 'concerns.tab',
  moeder: 'meetings.childTab.tab',
  samtykke: 'consent.tab',
  tilbud: 'offers.child.heading',
};

/**
 * `/boern/:id`: the child's page. The header (name, masked CPR with "Vis CPR-nummer", age,
 * status) and tabs: for the child's health-visiting unit "Sundhedspleje" (programme, visits,
 * extended track), "Journal og målinger" and "Screening" (ADBB, m-ADBB, EPDS, follow-up); for everyone who may see the child "Stamdata",
 * "Forældre og husstand" and "Dagtilbud og skole". A pedagogue never gets the health tabs. Areas add
 * their own tabs where the API lets the actor in: "Trivsel", "Bekymringer", "Møder", "Samtykke og deling", "Tilbud".
 */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const summary = useSummaryHost();
  const child = useQuery({ queryKey: childKeys.detail(id), queryFn: () => getChild(id), staleTime: 0 });
  const seesWellbeing = useSeesWellbeing(); // daycare staff only: the API refuses health visitors
  const seesMeetingsTab = useSeesMeetings();
  const seesConsentTab = useSeesConsent(id); // hides itself when the API says 403/404
  const seesConcernsTab = useSeesConcerns(id); // hides itself when the API says 403/404

  if (child.isPending) {
    return (
      <>
        <BackLink to="/boern">{t('child.backToChildren')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (child.isError) {
    const notFound = child.error instanceof ApiError && (child.error.status === 404 || child.error.status === 403);
    return (
      <>
        <PageTitle title={notFound ? t('child.notFoundTitle') : t('errors.loadHeading')} />
        <BackLink to="/boern">{t('child.backToChildren')}</BackLink>
        {notFound ? (
          <>
            <h1>{t('child.notFoundTitle')}</h1>
            <p className="font-lead">{t('child.notFoundText')}</p>
          </>
        ) : (
          <>
            <h1>{t('errors.loadHeading')}</h1>
            <ErrorState error={child.error} onRetry={() => void child.refetch()} />
          </>
        )}
      </>
    );
  }

  const c = child.data;
  const tabs: TabKey[] = c.access.health ? [...HEALTH_TABS, ...BASIC_TABS] : [...BASIC_TABS];
  if (seesWellbeing) tabs.push('trivsel');
  if (seesConcernsTab) tabs.push('bekymringer');
  if (seesMeetingsTab) tabs.push('moeder');
  if (seesConsentTab) tabs.push('samtykke');
  tabs.push('tilbud');
  const asked = params.get('fane') as TabKey | null;
  const current: TabKey = asked && tabs.includes(asked) ? asked : tabs[0];
  const name = childName(c, t);

  return (
    <PageSummaryProvider value={summary.publish}>
      <PageTitle title={name} />
      <BackLink to="/boern">{t('child.backToChildren')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <ChildHeader child={c} name={name} />
      <NotifyButton childId={c.id} />
      <Flash />
      <TabNav
        label={t('child.tabsLabel')}
        current={current}
        items={tabs.map((key) => ({ key, label: t(AREA_TAB_LABELS[key] ?? `child.tab.${key}`), to: `?fane=${key}` }))}
      />
      <div className="spire-tab-body">
        {current === 'sundhedspleje' ? <HealthTab child={c} /> : null}
        {current === 'journal' ? <JournalTab child={c} /> : null}
        {current === 'screening' ? <ScreeningTab child={c} /> : null}
        {current === 'stamdata' ? <BasicTab child={c} onReload={() => void child.refetch()} /> : null}
        {current === 'familie' ? <FamilyTab child={c} onReload={() => void child.refetch()} /> : null}
        {current === 'dagtilbud' ? <EnrolmentsTab child={c} onReload={() => void child.refetch()} /> : null}
        {current === 'trivsel' ? <ChildWellbeingTab childId={c.id} /> : null}
        {current === 'bekymringer' ? <ChildConcernsTab childId={c.id} /> : null}
        {current === 'moeder' ? <ChildMeetingsTab childId={c.id} /> : null}
        {current === 'samtykke' ? <ConsentTab childId={c.id} /> : null}
        {current === 'tilbud' ? <ChildOffersTab childId={c.id} /> : null}
      </div>
    </PageSummaryProvider>
  );
}

function ChildHeader({ child: c, name }: { child: ChildDetail; name: string }) {
  const { t } = useTranslation();
  const idPart = encodeURIComponent(c.id);
  const expected = c.status === 'expected';
  const interpreter = c.relations.some((r) => r.interpreterNeeded);
  return (
    <div className="spire-child-header">
      <div className="spire-section-head">
        <h1 className="mb-0">{name}</h1>
        {c.access.edit ? (
          <div className="spire-actions">
            {expected ? (
              <Link to={`/boern/${idPart}/foedsel`} className="button button-primary">
                <Icon name="person-add" />
                {t('child.registerBirth')}
              </Link>
            ) : null}
            {c.access.health ? (
              <Link to={`/boern/${idPart}/besoeg/nyt`} className={`button ${expected ? 'button-secondary' : 'button-primary'}`}>
                <Icon name="plus" />
                {t('child.recordVisit')}
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <p className="spire-badges mt-3">
        {expected ? <Badge variant="info">{t('child.statusExpected')}</Badge> : null}
        {c.access.health && c.extendedTrack ? <ExtendedTrackBadge /> : null}
        {interpreter ? <Badge variant="warning">{t('child.interpreterBadge')}</Badge> : null}
      </p>
      <dl className="spire-facts spire-child-facts">
        <div>
          <dt>{t('child.cpr')}</dt>
          <dd>
            <CprReveal personId={c.id} masked={c.cprMasked} canReveal={c.access.edit} />
          </dd>
        </div>
        {expected ? (
          <div>
            <dt>{t('child.expectedDate')}</dt>
            <dd>{formatDate(c.expectedDate) || t('common.none')}</dd>
          </div>
        ) : (
          <>
            <div>
              <dt>{t('child.birthDate')}</dt>
              <dd>{formatDate(c.birthDate) || t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('child.age')}</dt>
              <dd>{c.ageMonths === null ? t('common.none') : ageText(c.ageMonths, t)}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('child.healthVisitor')}</dt>
          <dd>
            {c.caseload.current
              ? (c.caseload.current.staffName ?? t('child.noHealthVisitor'))
              : t('common.none')}
            {c.caseload.current ? <span className="spire-muted spire-fact-sub">{c.caseload.current.unitName}</span> : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}
