// Registers the demo city's seed steps: each module's `seed` (its manifest), in the order their `after`
// lists ask for. Imported by main.ts and the scripts that seed, so that the region-and-accounts core stays
// usable alone in tests.
import type { ModuleManifest } from '../../modules/module';
import { MODULES } from '../../modules';
import { registerSeedStep, type SeedStep } from './index';

/**
 * The modules' seed steps in an order where every module's `after` ran before it; otherwise the modules'
 * order. Fails on an `after` naming a module without a seed, and on a cycle.
 */
export function seedOrder(modules: readonly ModuleManifest[]): { name: string; run: SeedStep }[] {
  const seeding = modules.filter((m) => m.seed);
  const names = new Set(seeding.map((m) => m.name));
  for (const m of seeding) for (const a of m.seed!.after ?? []) if (!names.has(a)) throw new Error(`seed of ${m.name}: after '${a}', which has no seed`);
  const done = new Set<string>();
  const ordered: { name: string; run: SeedStep }[] = [];
  while (ordered.length < seeding.length) {
    const next = seeding.find((m) => !done.has(m.name) && (m.seed!.after ?? []).every((a) => done.has(a)));
    if (!next) throw new Error(`seed steps wait on each other: ${seeding.filter((m) => !done.has(m.name)).map((m) => m.name)}`);
    done.add(next.name);
    ordered.push({ name: next.name, run: next.seed!.run });
  }
  return ordered;
}

for (const step of seedOrder(MODULES)) registerSeedStep(step.run);
