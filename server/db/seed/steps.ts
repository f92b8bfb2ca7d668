// Registers the seed steps of features that add demo data (population, organisations …). Imported by
// main.ts and scripts/seed.ts so that the region-and-accounts core stays usable alone in tests.
import { registerSeedStep } from './index';
import { seedPopulation } from './population';
import { seedElections } from '../../modules/elections/elections.seed';

registerSeedStep(async (database, options) => {
  await seedPopulation(database, options);
});

// After the population: elections draw their rolls and candidates from the registry.
registerSeedStep(async (database, options) => {
  await seedElections(database, options.seed);
});
