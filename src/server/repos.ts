/**
 * The actor-scoped repositories a request gets. Routes reach the database only
 * through these; each repository checks policy and writes audit entries into
 * the request's unit of work.
 */
import type { SystemActor } from './access/actor';
import { runWork, type Work } from './access/work';
import type { AppConfig } from './config';
import type { Database } from './db/connect';
import { AuditRepo } from './modules/audit/repo';
import { AuthRepo } from './modules/auth/repo';
import { ChildrenRepo } from './modules/children/repo';
import { MyDayRepo } from './modules/my-day/repo';
import { OrganisationRepo } from './modules/organisation/repo';
import { ProgrammeRepo } from './modules/programme/repo';
import { StaffRepo } from './modules/staff/repo';
import { VisitsRepo } from './modules/visits/repo';
import { ScreeningRepo } from './modules/screening/repo';
import { WellbeingRepo } from './modules/wellbeing/repo';
import { ConsentRepo } from './modules/consent/repo';
import { HandoverRepo } from './modules/handover/repo';
import { ConcernsRepo } from './modules/concerns/repo';
import { SocialWorkerDistrictsRepo } from './modules/concerns/districts-repo';
import { MeetingsRepo } from './modules/meetings/repo';
import { NotificationsRepo } from './modules/notifications/repo';
import { CounsellingRepo } from './modules/counselling/repo';
import { WorkshopsRepo } from './modules/workshops/repo';
import { OffersRepo } from './modules/offers/repo';

/**
 * Builds the repositories for one unit of work.
 * @example const repos = makeRepos(work, config); await repos.staff.get(id);
 */
export function makeRepos(work: Work, config: AppConfig) {
  return {
    auth: new AuthRepo(work, config),
    organisation: new OrganisationRepo(work),
    staff: new StaffRepo(work),
    audit: new AuditRepo(work),
    myDay: new MyDayRepo(work),
    programme: new ProgrammeRepo(work),
    visits: new VisitsRepo(work),
    children: new ChildrenRepo(work),
    screening: new ScreeningRepo(work),
    wellbeing: new WellbeingRepo(work),
    consent: new ConsentRepo(work),
    handover: new HandoverRepo(work),
    concerns: new ConcernsRepo(work),
    socialWorkerDistricts: new SocialWorkerDistrictsRepo(work),
    meetings: new MeetingsRepo(work),
    notifications: new NotificationsRepo(work),
    counselling: new CounsellingRepo(work),
    workshops: new WorkshopsRepo(work),
    offers: new OffersRepo(work),
  };
}

/** The repositories of one request. */
export type Repos = ReturnType<typeof makeRepos>;

/**
 * Runs a job as the system. The reason is written to the audit log, both as
 * its own row and as the purpose of every row the job writes.
 * @example await systemRepo(database, config, { reason: 'nightly retention' }, (repos) => …);
 */
export function systemRepo<T>(
  database: Database,
  config: AppConfig,
  options: { reason: string },
  fn: (repos: Repos, work: Work) => Promise<T>,
): Promise<T> {
  const actor: SystemActor = { kind: 'system', reason: options.reason };
  return runWork(database.db, { actor, requestId: `system:${crypto.randomUUID()}`, ip: null }, (work) => {
    work.audit({ action: 'system_job', category: 'system', outcome: 'allowed' });
    return fn(makeRepos(work, config), work);
  });
}
