// Registers the seed steps of features that add demo data (population, organisations …). Imported by
// main.ts and scripts/seed.ts so that the region-and-accounts core stays usable alone in tests.
import { registerSeedStep } from './index';
import { seedPopulation } from './population';

registerSeedStep(async (database, options) => {
  await seedPopulation(database, options);
});
