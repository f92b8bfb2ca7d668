// Registers the seed steps of features that add demo data (population, organisations …). Imported by
// main.ts and scripts/seed.ts so that the region-and-accounts core stays usable alone in tests.
import { registerSeedStep } from './index';
import { seedFourHaves } from '../../modules/fourhaves/fourhaves.seed';
import { seedPopulation } from './population';

registerSeedStep(async (database, options) => {
  await seedPopulation(database, options);
});

// The four haves (四有): premises, rules, head-counts and the funding ledger of the speech's city.
registerSeedStep(async (database) => {
  await seedFourHaves(database);
});
