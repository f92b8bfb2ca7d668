// Registers the seed steps of features that add demo data (population, organisations …). Imported by
// main.ts and scripts/seed.ts so that the region-and-accounts core stays usable alone in tests.
import { seedCadres, seedRecruitment } from '../../modules/cadres/cadres.seed';
import { seedOrganisations } from '../../modules/organisations/organisations.seed';
import { registerSeedStep } from './index';
import { seedFourHaves } from '../../modules/fourhaves/fourhaves.seed';
import { seedProjects } from '../../modules/projects/projects.seed';
import { seedAwards } from '../../modules/awards/awards.seed';
import { seedPopulation } from './population';
import { seedElections } from '../../modules/elections/elections.seed';
import { seedNotices } from '../../modules/notices/notices.seed';

registerSeedStep(async (database, options) => {
  await seedPopulation(database, options);
});
// After the population: members and elected cadres are residents of their community.
registerSeedStep(async (database, options) => {
  await seedOrganisations(database, options.seed);
  await seedCadres(database, options.seed);
  await seedRecruitment(database, options.seed, options.crypto);
});

// The four haves (四有): premises, rules, head-counts and the funding ledger of the speech's city.
registerSeedStep(async (database) => {
  await seedFourHaves(database);
  // After the premises: construction projects link to them, and their money goes on the same ledger.
  await seedProjects(database);
});
// After the four haves: last year's award payments name the reward entries of its funding ledger.
registerSeedStep(async (database) => {
  await seedAwards(database);
});

// After the population: elections draw their rolls and candidates from the registry.
registerSeedStep(async (database, options) => {
  await seedElections(database, options.seed);
});

// 通知公告: the city's, a street's and the communities' notices (only the region tree is needed).
registerSeedStep(async (database) => {
  await seedNotices(database);
});
