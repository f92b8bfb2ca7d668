import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../../modules/module';
import { MODULES } from '../../modules';
import { seedOrder } from './steps';

const noop = async () => undefined;
const mod = (name: string, after?: string[]): ModuleManifest => ({ name, tables: [], seed: { run: noop, after } });

describe('the demo seed order', () => {
  it('runs a module after the modules it names, and otherwise in the modules’ order', () => {
    const order = seedOrder([mod('awards', ['fourhaves']), mod('residents'), mod('fourhaves', ['residents']), { name: 'health', tables: [] }]);
    expect(order.map((s) => s.name)).toEqual(['residents', 'fourhaves', 'awards']);
  });

  it('refuses an after naming a module without a seed, and a cycle', () => {
    expect(() => seedOrder([mod('awards', ['nowhere'])])).toThrow(/nowhere/);
    expect(() => seedOrder([mod('a', ['b']), mod('b', ['a'])])).toThrow(/wait on each other/);
  });

  it('seeds the demo city’s people first and the four haves before the projects and awards that use them', () => {
    const names = seedOrder(MODULES).map((s) => s.name);
    expect(names[0]).toBe('residents');
    expect(names.indexOf('fourhaves')).toBeLessThan(names.indexOf('projects'));
    expect(names.indexOf('projects')).toBeLessThan(names.indexOf('awards'));
  });
});
