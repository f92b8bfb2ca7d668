import { describe, expect, it } from 'vitest';
import {
  checkPremisesTiers,
  DEFAULT_PREMISES_TIERS,
  DEFAULT_STANDARDS,
  housingProjectCompliance,
  requiredDeveloperPremisesM2,
  moneyCompliance,
  peopleCompliance,
  premisesCompliance,
  requiredPremisesM2,
  ruleIsCurrent,
  rulesCompliance,
  type PremisesFact,
  type PremisesTier,
} from './four-haves';

const TODAY = '2026-06-01';
const room = (areaM2: number, over: Partial<PremisesFact> = {}): PremisesFact => ({ use: 'activity', areaM2, ownership: 'owned', state: 'in_use', ...over });

describe('requiredPremisesM2', () => {
  it('asks the 300 m² minimum of a small community', () => expect(requiredPremisesM2(500)).toBe(300));
  it('asks 30 m² per started 100 households of a large one', () => {
    expect(requiredPremisesM2(2349)).toBe(720);
    expect(requiredPremisesM2(2300)).toBe(690);
  });
  it('follows the settings', () => expect(requiredPremisesM2(2000, { ...DEFAULT_STANDARDS, premisesPerHundredHouseholdsM2: 20 })).toBe(400));
});

describe('premisesCompliance (有房)', () => {
  it('is green with enough area in use, 60% for activities, nothing rented', () => {
    const v = premisesCompliance([room(200), room(120, { use: 'office' })], 800, TODAY);
    expect(v).toMatchObject({ status: 'green', areaM2: 320, requiredM2: 300, activityM2: 200 });
    expect(v.reasons[0].zh).toContain('达到标准 300 m²');
  });
  it('is red below 300 m², naming the shortfall', () => {
    const v = premisesCompliance([room(180), room(60, { use: 'office' })], 800, TODAY);
    expect(v.status).toBe('red');
    expect(v.reasons[0].zh).toBe('在用面积 240 m²，低于标准 300 m²（最低标准），缺 60 m²');
  });
  it('is red below the per-household standard even above 300 m², naming the households', () => {
    const v = premisesCompliance([room(400)], 2349, TODAY);
    expect(v.status).toBe('red');
    expect(v.reasons[0].en).toContain('30 m² per 100 of 2349 households');
  });
  it('does not count premises under construction or planned, but names them', () => {
    const v = premisesCompliance([room(150), room(400, { state: 'under_construction' }), room(100, { state: 'planned' })], 800, TODAY);
    expect(v).toMatchObject({ status: 'red', areaM2: 150, pipelineM2: 500 });
    expect(v.reasons[1].zh).toBe('在建或规划中 500 m²，尚未投入使用');
  });
  it('turns green once the premises under construction are handed over (in use)', () => {
    const before = [room(150), room(200, { state: 'under_construction' })];
    expect(premisesCompliance(before, 800, TODAY).status).toBe('red');
    expect(premisesCompliance([before[0], { ...before[1], state: 'in_use' }], 800, TODAY).status).toBe('green');
  });
  it('is amber when the activity share is under 60%', () => {
    const v = premisesCompliance([room(150), room(200, { use: 'office' })], 800, TODAY);
    expect(v.status).toBe('amber');
    expect(v.reasons[0].zh).toContain('占 42.9%，低于 60%');
  });
  it('is amber when it still rents, and names a lease that ends within 90 days', () => {
    const v = premisesCompliance([room(250), room(100, { ownership: 'rented', leaseEnd: '2026-07-15', use: 'office' })], 800, TODAY);
    expect(v.status).toBe('amber');
    expect(v.reasons.map((r) => r.zh)).toEqual(['仍租用办公用房 100 m²', '租期 2026-07-15 到期（44 天内）']);
  });
  it('leaves rooms whose lease has ended out of the area (red)', () => {
    const v = premisesCompliance([room(250), room(100, { ownership: 'rented', leaseEnd: '2026-05-31' })], 800, TODAY);
    expect(v).toMatchObject({ status: 'red', areaM2: 250 });
    expect(v.reasons.some((r) => r.zh.includes('租期已于 2026-05-31 到期'))).toBe(true);
  });
  it('counts developer-provided and shared rooms like owned ones', () => {
    expect(premisesCompliance([room(200, { ownership: 'developer' }), room(100, { ownership: 'shared' })], 0, TODAY).status).toBe('green');
  });
  it('is red with no premises at all', () => expect(premisesCompliance([], 0, TODAY)).toMatchObject({ status: 'red', areaM2: 0, requiredM2: 300 }));
});

describe('peopleCompliance (有人)', () => {
  it('is green at 5 + 1 + 3', () => expect(peopleCompliance({ fullTime: 5, partTime: 1, police: 3 }).status).toBe('green'));
  it('is amber one post short', () => {
    const v = peopleCompliance({ fullTime: 5, partTime: 1, police: 2 });
    expect(v).toEqual({ status: 'amber', reasons: [{ zh: '社区警务人员 2 人，标准 3 人', en: 'community police: 2 of 3' }] });
  });
  it('is red more posts short, listing each', () => expect(peopleCompliance({ fullTime: 3, partTime: 0, police: 3 }).reasons).toHaveLength(2));
  it('is red when nothing is recorded', () => expect(peopleCompliance(null).status).toBe('red'));
});

describe('moneyCompliance (有钱)', () => {
  it('is green when the need is covered, with the balance', () => {
    const v = moneyCompliance({ year: 2026, needFen: 10_000_00, receivedFen: 12_000_00, spentFen: 9_000_00 });
    expect(v.status).toBe('green');
    expect(v.reasons[0].zh).toBe('2026 年需求 10,000 元已全部到位，结余 3,000 元');
  });
  it('is amber for a gap within 20% of the need', () =>
    expect(moneyCompliance({ year: 2026, needFen: 100_000_00, receivedFen: 80_000_00, spentFen: 0 }).status).toBe('amber'));
  it('is red for a larger gap, naming it', () => {
    const v = moneyCompliance({ year: 2026, needFen: 100_000_00, receivedFen: 50_000_00, spentFen: 0 });
    expect(v.status).toBe('red');
    expect(v.reasons[0].zh).toContain('资金缺口 50,000 元');
  });
  it('is amber without a budget', () =>
    expect(moneyCompliance({ year: 2026, needFen: null, receivedFen: 0, spentFen: 0 }).reasons[0].en).toContain('no budget'));
});

describe('rulesCompliance (有章)', () => {
  it('is green with a current 居民公约 and work rules', () =>
    expect(
      rulesCompliance(
        [
          { kind: 'residents_convention', adoptedOn: '2024-01-01' },
          { kind: 'work_rules', adoptedOn: '2025-03-01' },
        ],
        TODAY,
      ).status,
    ).toBe('green'));
  it('is red when one is missing', () => {
    const v = rulesCompliance([{ kind: 'work_rules', adoptedOn: '2025-03-01' }], TODAY);
    expect(v).toEqual({ status: 'red', reasons: [{ zh: '未登记居民公约', en: "no residents' convention registered" }] });
  });
  it('is amber when the latest of a kind is older than five years', () => {
    const v = rulesCompliance(
      [
        { kind: 'residents_convention', adoptedOn: '2019-01-01' },
        { kind: 'residents_convention', adoptedOn: '2021-05-31' },
        { kind: 'work_rules', adoptedOn: '2025-03-01' },
      ],
      TODAY,
    );
    expect(v.status).toBe('amber');
    expect(v.reasons[0].zh).toBe('居民公约于 2021-05-31 通过，超过 5 年未修订');
  });
  it('counts a rule current until the day its age reaches the limit', () => {
    expect(ruleIsCurrent('2021-06-02', TODAY)).toBe(true);
    expect(ruleIsCurrent('2021-06-01', TODAY)).toBe(false);
  });
});

describe('developer-provided premises (配建)', () => {
  it('reads the tier table: <30,000 → 300; 30,000–100,000 → 800; … ; more than 280,000 → 4,800', () => {
    expect([29_999, 30_000, 99_999, 100_000, 179_999, 180_000, 279_999, 280_000, 1_000_000].map((a) => requiredDeveloperPremisesM2(a))).toEqual([
      300, 800, 800, 1_700, 1_700, 2_500, 2_500, 4_800, 4_800,
    ]);
  });
  const project = (stages: Record<string, string>, plannedPremisesM2 = 0, handedOverM2 = 0) => ({
    floorAreaM2: 60_000,
    plannedPremisesM2,
    handedOverM2,
    stages,
  });
  it('is amber after 立项 while the premises are not yet planned', () =>
    expect(housingProjectCompliance(project({ approval: '2026-01-01' }), TODAY)).toMatchObject({ status: 'amber', requiredM2: 800, stage: 'approval' }));
  it('alerts (red) once 规划审批 has passed without the premises in the plan', () => {
    const v = housingProjectCompliance(project({ approval: '2026-01-01', planning: '2026-05-01' }, 500), TODAY);
    expect(v.status).toBe('red');
    expect(v.reasons[0].zh).toBe('已过规划审批阶段，规划配建社区用房 500 m²，不足应配建的 800 m²');
  });
  it('does not count a stage dated in the future as passed', () =>
    expect(housingProjectCompliance(project({ approval: '2026-01-01', planning: '2026-09-01' }), TODAY).status).toBe('amber'));
  it('is green with the premises planned, and red if the handover delivers less', () => {
    expect(housingProjectCompliance(project({ approval: '2026-01-01', planning: '2026-05-01' }, 800), TODAY).status).toBe('green');
    expect(housingProjectCompliance(project({ planning: '2025-01-01', handover: '2026-05-01' }, 800, 600), TODAY).reasons[0].en).toContain(
      'handed over with 600 m²',
    );
  });
});

describe('checkPremisesTiers', () => {
  it('accepts the default tier table', () => {
    expect(checkPremisesTiers(DEFAULT_PREMISES_TIERS)).toEqual([]);
  });
  it('names the tier whose bound does not ascend, is missing, or is set on the last tier', () => {
    const paths = (tiers: PremisesTier[]) => checkPremisesTiers(tiers).map((i) => `${i.path}:${i.code}`);
    expect(
      paths([
        { maxFloorAreaM2: 50_000, premisesM2: 300 },
        { maxFloorAreaM2: 40_000, premisesM2: 800 },
        { maxFloorAreaM2: null, premisesM2: 900 },
      ]),
    ).toEqual(['premisesTiers.1.maxFloorAreaM2:not_ascending']);
    expect(
      paths([
        { maxFloorAreaM2: null, premisesM2: 300 },
        { maxFloorAreaM2: 40_000, premisesM2: 0 },
      ]),
    ).toEqual(['premisesTiers.0.maxFloorAreaM2:required', 'premisesTiers.1.premisesM2:too_small', 'premisesTiers.1.maxFloorAreaM2:open_ended']);
    expect(paths([])).toEqual(['premisesTiers:too_small']);
  });
  it('gives a project the area of the first tier its floor area is below, under any valid table', () => {
    const tiers = [
      { maxFloorAreaM2: 10_000, premisesM2: 100 },
      { maxFloorAreaM2: null, premisesM2: 1_000 },
    ];
    expect(requiredDeveloperPremisesM2(9_999, tiers)).toBe(100);
    expect(requiredDeveloperPremisesM2(10_000, tiers)).toBe(1_000);
  });
});
