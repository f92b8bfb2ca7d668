import { accountsModule } from './accounts/accounts.module';
import { auditModule } from './audit/audit.module';
import { authModule } from './auth/auth.module';
import { buildingsModule } from './buildings/buildings.module';
import { careModule } from './care/care.module';
import { electionsModule } from './elections/elections.module';
import { healthModule } from './health/health.module';
import { householdsModule } from './households/households.module';
import { importsModule } from './imports/imports.module';
import { jobsModule } from './jobs/jobs.module';
import type { ModuleManifest } from './module';
import { redivisionModule } from './redivision/redivision.module';
import { regionsModule } from './regions/regions.module';
import { residentsModule } from './residents/residents.module';
import { statisticsModule } from './statistics/statistics.module';

/** Every module of the server, once, in the order their routes are registered. */
export const MODULES: ModuleManifest[] = [
  healthModule,
  authModule,
  regionsModule,
  accountsModule,
  auditModule,
  importsModule,
  residentsModule,
  careModule,
  buildingsModule,
  householdsModule,
  statisticsModule,
  redivisionModule,
  electionsModule,
  jobsModule,
];
