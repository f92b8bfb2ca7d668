import type { Config } from './config';
import type { Database } from './db/client';
import { setTimeZone } from './lib/clock';
import { singleProcess, type ProcessGroup } from './lib/process-group';
import { loadFieldCrypto } from './lib/crypto';
import { AccountsRepository } from './modules/accounts/accounts.repository';
import { AccountsService } from './modules/accounts/accounts.service';
import { CredentialsService } from './modules/accounts/credentials.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthRepository } from './modules/auth/auth.repository';
import { AuthService } from './modules/auth/auth.service';
import { ImportsRepository } from './modules/imports/imports.repository';
import { ImportsService } from './modules/imports/imports.service';
import { CareRepository } from './modules/care/care.repository';
import { CareService } from './modules/care/care.service';
import { RegionsRepository } from './modules/regions/regions.repository';
import { RegionsService } from './modules/regions/regions.service';
import { ResidentsRepository } from './modules/residents/residents.repository';
import { ResidentsService } from './modules/residents/residents.service';
import { BuildingsRepository } from './modules/buildings/buildings.repository';
import { BuildingsService } from './modules/buildings/buildings.service';
import { HouseholdsRepository } from './modules/households/households.repository';
import { HouseholdsService } from './modules/households/households.service';
import { StatisticsRepository } from './modules/statistics/statistics.repository';
import { StatisticsService } from './modules/statistics/statistics.service';
import { RedivisionRepository } from './modules/redivision/redivision.repository';
import { RedivisionService } from './modules/redivision/redivision.service';
import { AwardsRepository } from './modules/awards/awards.repository';
import { AwardsService } from './modules/awards/awards.service';
import { FourHavesRepository } from './modules/fourhaves/fourhaves.repository';
import { FourHavesService } from './modules/fourhaves/fourhaves.service';
import { FirstRecorded, RecordedStaffing } from './modules/fourhaves/fourhaves.staffing';
import { ElectionsRepository } from './modules/elections/elections.repository';
import { ElectionsService } from './modules/elections/elections.service';
import { JobRunner } from './modules/jobs/jobs.runner';
import { SecuritySettingsService } from './modules/security/security-settings.service';
import { OrganisationsRepository } from './modules/organisations/organisations.repository';
import { OrganisationsService } from './modules/organisations/organisations.service';
import { CadresRepository } from './modules/cadres/cadres.repository';
import { CadresService } from './modules/cadres/cadres.service';
import { RecruitmentRepository } from './modules/cadres/recruitment.repository';
import { RecruitmentService } from './modules/cadres/recruitment.service';
import { ProjectsRepository } from './modules/projects/projects.repository';
import { ProjectsService } from './modules/projects/projects.service';
import { NoticesRepository } from './modules/notices/notices.repository';
import { NoticesService } from './modules/notices/notices.service';

/** Every feature's service, wired once. A feature calls another feature through these, never its repository. */
export function createServices(database: Database, config: Config, group: ProcessGroup = singleProcess()) {
  const { db } = database;
  // "Today" is the city's in every service (and, through the session, in SQL).
  setTimeZone(config.timeZone);
  /** Personal-data encryption; the key file is created on first start. */
  const crypto = loadFieldCrypto(config);
  const audit = new AuditService(db, config.audit.retentionDays, config.audit.anchorFile);
  const authRepo = new AuthRepository(db);
  /** The security settings (stored; the environment's values as defaults), read by sign-in and sessions. */
  const securitySettings = new SecuritySettingsService(db, audit, config, undefined, group);
  const accountsRepo = new AccountsRepository(db);
  // Sign-in changes an account's sign-in state through the accounts module, which owns `users`.
  const auth = new AuthService(authRepo, new CredentialsService(db, accountsRepo), audit, crypto, config, securitySettings, group);
  const regions = new RegionsService(new RegionsRepository(db), audit, group);
  const accounts = new AccountsService(db, accountsRepo, auth, audit);
  const care = new CareService(db, new CareRepository(db), regions, audit);
  const residents = new ResidentsService(db, new ResidentsRepository(db), crypto, regions, audit, care, config.lookup, group);
  /** Durable background work and schedules; started by main.ts (and by the test app). */
  const jobs = new JobRunner(db, { timeZone: config.timeZone });
  const buildings = new BuildingsService(db, new BuildingsRepository(db), regions, audit);
  const households = new HouseholdsService(db, new HouseholdsRepository(db), regions, buildings, audit, residents);
  // Imports run as jobs of the runner, acting for the account that uploaded them (its grants as of the run).
  const imports = new ImportsService(
    db,
    new ImportsRepository(db),
    regions,
    audit,
    crypto,
    { maxRows: config.upload.maxRows },
    care,
    jobs,
    residents,
    households,
    (userId) => auth.actorForJob(userId),
  );
  const statistics = new StatisticsService(new StatisticsRepository(db), regions, care);
  const redivision = new RedivisionService(db, new RedivisionRepository(db), regions, audit);
  const elections = new ElectionsService(db, new ElectionsRepository(db), regions, audit);
  const organisations = new OrganisationsService(db, new OrganisationsRepository(db), regions, residents, audit);
  const cadres = new CadresService(db, new CadresRepository(db), regions, residents, audit);
  const cadreRecruitment = new RecruitmentService(db, new RecruitmentRepository(db), regions, residents, cadres, audit, crypto);
  const fourHavesRepo = new FourHavesRepository(db);
  // 有人: the cadres in post; the hand-entered head-counts only for a community with nobody in post yet.
  const fourHaves = new FourHavesService(db, fourHavesRepo, regions, audit, new FirstRecorded([cadres, new RecordedStaffing(fourHavesRepo)]));
  const projects = new ProjectsService(db, new ProjectsRepository(db), regions, fourHaves, audit);
  // 以奖代补: its payments enter the funding ledger through the four-haves service.
  const awards = new AwardsService(db, new AwardsRepository(db), regions, audit, fourHaves);
  const notices = new NoticesService(db, new NoticesRepository(db), audit);
  return {
    crypto,
    audit,
    securitySettings,
    auth,
    regions,
    accounts,
    care,
    residents,
    imports,
    buildings,
    households,
    statistics,
    redivision,
    jobs,
    organisations,
    cadres,
    cadreRecruitment,
    fourHaves,
    projects,
    elections,
    awards,
    notices,
  };
}

export type Services = ReturnType<typeof createServices>;
