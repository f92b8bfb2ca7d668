import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../index';
import { actionsMatching, auditCatalogue } from './audit.labels';

const SERVER = path.resolve(__dirname, '../..');

/** Every non-test TypeScript file under server/. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' || e.name === 'test' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The action codes the code base writes: every quoted `a.b` code after `action:` (a literal, either side
 * of a conditional, or a union type of actions), and the template `residents.${action}` expanded by the
 * literal union its parameter is typed with.
 */
function writtenActions(): { code: string; file: string }[] {
  const out: { code: string; file: string }[] = [];
  for (const file of sources(SERVER)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction\??:\s*([^,\n;{}()]+)/g)) {
      const expr = m[1];
      for (const lit of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) out.push({ code: lit[1], file });
      const template = expr.match(/`([a-z_]+)\.\$\{(\w+)\}`/);
      if (template) {
        // The parameter's literal type, e.g. `action: 'create' | 'update'` in the same file.
        const union = text.match(new RegExp(`\\b${template[2]}:\\s*((?:'[a-z_]+'\\s*\\|?\\s*)+)`));
        expect(union, `${file}: the template ${template[0]} needs a literal union type for ${template[2]}`).toBeTruthy();
        for (const lit of union![1].matchAll(/'([a-z_]+)'/g)) out.push({ code: `${template[1]}.${lit[1]}`, file });
      }
    }
  }
  return out;
}

describe('the audit labels', () => {
  const catalogue = auditCatalogue(MODULES);

  it('have a Chinese and an English label for every action the code base writes', () => {
    const written = writtenActions();
    // The scan finds the known writers (sign-in, reveal, imports, the policy plugin's refusals).
    expect(written.map((w) => w.code)).toEqual(expect.arrayContaining(['auth.login', 'residents.reveal', 'residents.import', 'security.denied', 'care.end']));
    const missing = written.filter((w) => !catalogue.actions[w.code]).map((w) => `${w.code} (${path.relative(SERVER, w.file)})`);
    expect(missing).toEqual([]);
  });

  it('label no action that nothing writes', () => {
    const written = new Set(writtenActions().map((w) => w.code));
    expect(Object.keys(catalogue.actions).filter((code) => !written.has(code))).toEqual([]);
  });

  it('have a label for every object type the code base names', () => {
    const types = new Set<string>();
    for (const file of sources(SERVER)) for (const m of fs.readFileSync(file, 'utf8').matchAll(/objectType:\s*'([a-z_]+)'/g)) types.add(m[1]);
    expect(types.size).toBeGreaterThan(5);
    expect([...types].filter((t) => !catalogue.objects[t])).toEqual([]);
  });

  it('are written in both languages, Chinese with Chinese characters', () => {
    for (const [code, l] of Object.entries(catalogue.actions)) {
      expect(l.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(l.en, code).toMatch(/^[A-Z]/);
    }
  });

  it('find the reveal actions by the Chinese word 查看, and by code or English words', () => {
    expect(actionsMatching(catalogue.actions, '查看')).toContain('residents.reveal');
    expect(actionsMatching(catalogue.actions, '登录')).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
    expect(actionsMatching(catalogue.actions, 'sign in')).toContain('auth.login');
    expect(actionsMatching(catalogue.actions, 'residents.rev')).toEqual(['residents.reveal']);
  });

  it('refuse an action declared by two modules', () => {
    const a = { name: 'a', auditActions: { 'x.y': { zh: '甲', en: 'A' } } };
    expect(() => auditCatalogue([a, { ...a, name: 'b' }])).toThrow(/declared by a and b/);
  });
});
