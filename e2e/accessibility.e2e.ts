import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, url, type Session } from './helpers';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline script tag.
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2 A/AA rules on the page as it stands; the serious and critical findings. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`)
          .join(' | ')}`,
    );
}

describe('readable and operable for everyone (axe-core, WCAG 2 A/AA)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  const PAGES: [string, string][] = [
    ['/', '工作台'],
    ['/residents', '居民信息'],
    ['/households', '家庭户'],
    ['/statistics', '统计报表'],
    ['/imports', '数据导入'],
  ];

  it('finds no serious or critical violation on a community worker’s main pages', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    const found: Record<string, string[]> = {};
    for (const [path, heading] of PAGES) {
      await page.goto(url(path));
      await shows(page.getByRole('heading', { level: 1 }).first());
      // Let lists and charts settle before looking.
      await page.waitForLoadState('networkidle');
      // A table still loading is drawn half transparent: look once nothing spins.
      await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
      const v = await seriousViolations(page);
      if (v.length) found[`${path} ${heading}`] = v;
    }
    expect(found).toEqual({});
    await context.close();
  });
});
