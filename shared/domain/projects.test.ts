import { describe, expect, it } from 'vitest';
import { milestoneOverdue, progressAfterMilestones, projectFunding, projectOverdue, stateChangeAllowed } from './projects';

describe('projectFunding', () => {
  it('sums allocations by source, largest first, and gives the balance and the gap to the budget', () => {
    const f = projectFunding({
      budgetFen: 100_000_00,
      allocations: [
        { source: 'city', fen: 40_000_00 },
        { source: 'street', fen: 10_000_00 },
        { source: 'city', fen: 5_000_00 },
      ],
      spentFen: 30_000_00,
    });
    expect(f.bySource).toEqual([
      { source: 'city', fen: 45_000_00 },
      { source: 'street', fen: 10_000_00 },
    ]);
    expect(f.allocatedFen).toBe(55_000_00);
    expect(f.balanceFen).toBe(25_000_00);
    expect(f.gapFen).toBe(45_000_00);
    expect(f.surplusFen).toBe(0);
  });

  it('has no gap but a surplus when the allocations exceed the budget', () => {
    const f = projectFunding({ budgetFen: 100, allocations: [{ source: 'reward', fen: 150 }], spentFen: 0 });
    expect(f.gapFen).toBe(0);
    expect(f.surplusFen).toBe(50);
  });

  it('shows the whole budget as the gap of a project nobody has funded yet', () => {
    expect(projectFunding({ budgetFen: 80_000, allocations: [], spentFen: 0 })).toMatchObject({ allocatedFen: 0, gapFen: 80_000, balanceFen: 0, bySource: [] });
  });

  it('gives a negative balance when more was spent than received', () => {
    expect(projectFunding({ budgetFen: 0, allocations: [{ source: 'city', fen: 10 }], spentFen: 25 }).balanceFen).toBe(-15);
  });
});

describe('overdue milestones and projects', () => {
  it('calls a milestone late the day after its planned date, not on it', () => {
    expect(milestoneOverdue({ plannedOn: '2026-05-01', doneOn: null }, '2026-05-01')).toBe(false);
    expect(milestoneOverdue({ plannedOn: '2026-05-01', doneOn: null }, '2026-05-02')).toBe(true);
    expect(milestoneOverdue({ plannedOn: '2026-05-01', doneOn: '2026-05-03' }, '2026-06-01')).toBe(false);
  });

  it('calls a project overdue only while it is active', () => {
    const late = [{ plannedOn: '2026-01-01', doneOn: null }];
    expect(projectOverdue('under_way', late, '2026-02-01')).toBe(true);
    expect(projectOverdue('planned', late, '2026-02-01')).toBe(true);
    expect(projectOverdue('finished', late, '2026-02-01')).toBe(false);
    expect(projectOverdue('cancelled', late, '2026-02-01')).toBe(false);
    expect(projectOverdue('under_way', [], '2026-02-01')).toBe(false);
  });
});

describe('progressAfterMilestones', () => {
  it('follows the share of milestones done, unless the reported progress is higher', () => {
    const ms = [
      { plannedOn: '2026-01-01', doneOn: '2026-01-02' },
      { plannedOn: '2026-02-01', doneOn: null },
      { plannedOn: '2026-03-01', doneOn: null },
    ];
    expect(progressAfterMilestones(0, ms)).toBe(33);
    expect(progressAfterMilestones(60, ms)).toBe(60);
    expect(progressAfterMilestones(10, [])).toBe(10);
  });
});

describe('stateChangeAllowed', () => {
  it('lets a project start, finish or be cancelled, but not jump from cancelled to finished', () => {
    expect(stateChangeAllowed('planned', 'under_way')).toBe(true);
    expect(stateChangeAllowed('under_way', 'finished')).toBe(true);
    expect(stateChangeAllowed('under_way', 'planned')).toBe(false);
    expect(stateChangeAllowed('cancelled', 'finished')).toBe(false);
  });
});
