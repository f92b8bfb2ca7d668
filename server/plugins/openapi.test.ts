import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { operationIdFor } from './openapi';

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown>; tags?: string[] };
type Document = { paths: Record<string, Record<string, Operation>>; servers?: unknown[]; info: { license?: unknown } };

const root = path.resolve(import.meta.dirname, '../..');
let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await createTestApp({ seed: 'none' });
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([url, methods]) => Object.entries(methods).map(([method, op]) => ({ url, method: method.toUpperCase(), op })));

describe('the served OpenAPI document', () => {
  it("has no error and no warning under Redocly's recommended rules (redocly.yaml)", async () => {
    const config = await loadConfig({ configPath: path.join(root, 'redocly.yaml') });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: path.join(root, 'openapi.json'), config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  it('gives every operation a unique verb-noun operationId, a tag and at least one 4xx answer', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.filter((id) => typeof id !== 'string' || !/^[a-z]+[A-Z][A-Za-z]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { url, method, op } of operations()) {
      expect(op.tags?.length, `${method} ${url}`).toBe(1);
      expect(
        Object.keys(op.responses).some((code) => code.startsWith('4')),
        `${method} ${url}`,
      ).toBe(true);
    }
  });

  it('marks sign-in and health public, asks a session of the rest and the CSRF header of every write', () => {
    for (const { url, method, op } of operations()) {
      if (['/api/auth/login', '/api/health'].includes(url)) expect(op.security, url).toEqual([]);
      else if (method === 'GET') expect(op.security, `${method} ${url}`).toEqual([{ session: [] }]);
      else expect(op.security, `${method} ${url}`).toEqual([{ session: [], csrf: [] }]);
    }
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license).toBeTruthy();
  });

  it('generates a TypeScript client (openapi-typescript) that types real calls and rejects wrong ones', async () => {
    const source = astToString(await openapiTS(JSON.parse(JSON.stringify(doc))));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-openapi-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.ts'), source);
      fs.writeFileSync(
        path.join(dir, 'calls.ts'),
        [
          "import type { paths, components, operations } from './api';",
          "type List = paths['/api/residents']['get'];",
          "export const query: NonNullable<List['parameters']['query']> = { q: '王', pageSize: 20 };",
          "type Row = List['responses'][200]['content']['application/json']['items'][number];",
          'export const name = (row: Row): string => row.name;',
          "type Tree = paths['/api/regions/tree']['get']['responses'][200]['content']['application/json'];",
          'export const childName = (tree: Tree): string | undefined => tree.roots[0]?.children[0]?.children[0]?.name;',
          "export const code = (e: components['schemas']['ErrorResponse']): string => e.error.code;",
          "export type SignIn = operations['signIn']['requestBody'];",
          '// @ts-expect-error a resident row has no such field',
          'export const wrong = (row: Row) => row.noSuchField;',
        ].join('\n'),
      );
      const program = ts.createProgram([path.join(dir, 'calls.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        skipLibCheck: true,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('operationIdFor', () => {
  it('names REST-shaped routes verb-noun, sub-collections after their owner, and actions by their verb', () => {
    expect(operationIdFor('GET', '/api/residents')).toBe('listResidents');
    expect(operationIdFor('POST', '/api/residents')).toBe('createResident');
    expect(operationIdFor('GET', '/api/residents/:id')).toBe('getResident');
    expect(operationIdFor('PATCH', '/api/residents/{id}')).toBe('updateResident');
    expect(operationIdFor('DELETE', '/api/elections/:id')).toBe('deleteElection');
    expect(operationIdFor('GET', '/api/residents/:id/care-records')).toBe('listResidentCareRecords');
    expect(operationIdFor('POST', '/api/residents/:id/care-records')).toBe('createResidentCareRecord');
    expect(operationIdFor('POST', '/api/households/:id/move-member')).toBe('moveHouseholdMember');
    expect(operationIdFor('POST', '/api/redivision/move-grid')).toBe('moveGrid');
    expect(operationIdFor('POST', '/api/auth/login')).toBe('signIn');
  });
});
