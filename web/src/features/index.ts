import type { Feature } from '../lib/feature';
import { dashboardFeature } from './dashboard/routes';
import { residentsFeature } from './residents/routes';
import { householdsFeature } from './households/routes';
import { buildingsFeature } from './buildings/routes';
import { statisticsFeature } from './statistics/routes';
import { importsFeature } from './imports/routes';
import { regionsFeature } from './regions/routes';
import { accountsFeature } from './accounts/routes';
import { auditFeature } from './audit/routes';
import { securityFeature } from './security/routes';
import { organisationsFeature } from './organisations/routes';
import { cadresFeature } from './cadres/routes';
import { fourHavesFeature } from './fourhaves/routes';
import { projectsFeature } from './projects/routes';
import { awardsFeature } from './awards/routes';
import { electionsFeature } from './elections/routes';
import { noticesFeature } from './notices/routes';

/** Every feature of the web app, once: the router and the side menu are derived from this list. */
export const FEATURES: Feature[] = [
  dashboardFeature,
  noticesFeature,
  residentsFeature,
  householdsFeature,
  buildingsFeature,
  organisationsFeature,
  cadresFeature,
  statisticsFeature,
  electionsFeature,
  importsFeature,
  regionsFeature,
  accountsFeature,
  auditFeature,
  securityFeature,
  fourHavesFeature,
  projectsFeature,
  awardsFeature,
];
