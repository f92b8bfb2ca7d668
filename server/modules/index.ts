import { accountsModule } from './accounts/accounts.module';
import { auditModule } from './audit/audit.module';
import { awardsModule } from './awards/awards.module';
import { authModule } from './auth/auth.module';
import { buildingsModule } from './buildings/buildings.module';
import { careModule } from './care/care.module';
import { fourHavesModule } from './fourhaves/fourhaves.module';
import { electionsModule } from './elections/elections.module';
import { healthModule } from './health/health.module';
import { householdsModule } from './households/households.module';
import { importsModule } from './imports/imports.module';
import { jobsModule } from './jobs/jobs.module';
import { organisationsModule } from './organisations/organisations.module';
import { cadresModule } from './cadres/cadres.module';
import { projectsModule } from './projects/projects.module';
import { noticesModule } from './notices/notices.module';
import type { ModuleManifest } from './module';
import { redivisionModule } from './redivision/redivision.module';
import { regionsModule } from './regions/regions.module';
import { residentsModule } from './residents/residents.module';
import { securityModule } from './security/security.module';
import { selfModule } from './self/self.module';
import { statisticsModule } from './statistics/statistics.module';
import { workbenchModule } from './workbench/workbench.module';

/** Every module of the server, once, in the order their routes are registered. */
export const MODULES: ModuleManifest[] = [
  healthModule,
  authModule,
  regionsModule,
  accountsModule,
  auditModule,
  securityModule,
  importsModule,
  residentsModule,
  careModule,
  buildingsModule,
  householdsModule,
  statisticsModule,
  redivisionModule,
  electionsModule,
  jobsModule,
  selfModule,
  workbenchModule,
  organisationsModule,
  cadresModule,
  fourHavesModule,
  projectsModule,
  awardsModule,
  noticesModule,
];
