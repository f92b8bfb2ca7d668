import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for this source as if it were the file at `file` (relative to the root). */
async function ruleIds(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId);
}

describe('one owner per table (npm run lint)', () => {
  it('refuses a module importing another module’s repository', async () => {
    const code = `import { OrganisationsRepository } from '../organisations/organisations.repository';\nexport const r = OrganisationsRepository;\n`;
    expect(await ruleIds('server/modules/cadres/cadres.extra.ts', code)).toContain('no-restricted-imports');
  });

  it('lets a module import its own repository, the scope toolkit and another module’s service', async () => {
    const code = [
      `import { CadresRepository } from './cadres.repository';`,
      `import { scopeSql } from '../../lib/scope';`,
      `import type { OrganisationsService } from '../organisations/organisations.service';`,
      `export const r: [unknown, unknown, OrganisationsService | null] = [CadresRepository, scopeSql, null];`,
      '',
    ].join('\n');
    expect(await ruleIds('server/modules/cadres/cadres.extra.ts', code)).toEqual([]);
  });

  it('leaves tests free to wire repositories themselves', async () => {
    const code = `import { OrganisationsRepository } from '../organisations/organisations.repository';\nexport const r = OrganisationsRepository;\n`;
    expect(await ruleIds('server/modules/cadres/cadres.extra.test.ts', code)).not.toContain('no-restricted-imports');
  });
});
