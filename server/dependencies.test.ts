import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

describe('the Node.js versions the project claims', () => {
  it('are accepted by every installed package: none asks for a newer Node.js than package.json promises', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const refusing = Object.entries(lock.packages)
      .filter(([where, p]) => where !== '' && !Array.isArray(p.engines) && p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([where, p]) => `${where}@${p.version} needs node ${(p.engines as { node: string }).node}`);
    expect(oldest).toBe('20.19.0');
    expect(refusing).toEqual([]);
  });

  it('include the version running these tests', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});
