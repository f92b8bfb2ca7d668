/**
 * Construction and renovation projects of community premises (建设项目): kinds, states, the funding view
 * (budget, allocations by source, spending, balance, gap) and the overdue rule. Pure functions, amounts in fen.
 */

export const PROJECT_KINDS = ['new_build', 'renovation', 'expansion'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_STATES = ['planned', 'under_way', 'finished', 'cancelled'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_KIND_LABELS: Record<ProjectKind, { zh: string; en: string }> = {
  new_build: { zh: '新建', en: 'New build' },
  renovation: { zh: '改造', en: 'Renovation' },
  expansion: { zh: '扩建', en: 'Expansion' },
};
export const PROJECT_STATE_LABELS: Record<ProjectState, { zh: string; en: string }> = {
  planned: { zh: '计划中', en: 'Planned' },
  under_way: { zh: '在建', en: 'Under way' },
  finished: { zh: '已完工', en: 'Finished' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Sums of the funding entries linked to a project (fen). */
export interface ProjectFundingFacts {
  budgetFen: number;
  /** Allocations received, per source (city, street, resident_units, self_raised, reward). */
  allocations: { source: string; fen: number }[];
  spentFen: number;
}

export interface ProjectFunding {
  budgetFen: number;
  allocatedFen: number;
  spentFen: number;
  /** Allocated − spent: what is left to spend (negative when more was spent than received). */
  balanceFen: number;
  /** Budget − allocations, never below 0: the money still to be found. */
  gapFen: number;
  /** Allocations beyond the budget (0 when within it). */
  surplusFen: number;
  bySource: { source: string; fen: number }[];
}

/** The project's money: allocations by source (merged, largest first), balance and gap. */
export function projectFunding(f: ProjectFundingFacts): ProjectFunding {
  const merged = new Map<string, number>();
  for (const a of f.allocations) merged.set(a.source, (merged.get(a.source) ?? 0) + a.fen);
  const bySource = [...merged]
    .map(([source, fen]) => ({ source, fen }))
    .filter((s) => s.fen !== 0)
    .sort((a, b) => b.fen - a.fen || a.source.localeCompare(b.source));
  const allocatedFen = bySource.reduce((s, a) => s + a.fen, 0);
  const diff = f.budgetFen - allocatedFen;
  return {
    budgetFen: f.budgetFen,
    allocatedFen,
    spentFen: f.spentFen,
    balanceFen: allocatedFen - f.spentFen,
    gapFen: Math.max(0, diff),
    surplusFen: Math.max(0, -diff),
    bySource,
  };
}

export interface MilestoneFact {
  plannedOn: string;
  doneOn: string | null;
}

/** A milestone not done whose planned day has passed (YYYY-MM-DD compare; the due day itself is not late). */
export const milestoneOverdue = (m: MilestoneFact, today: string) => m.doneOn === null && m.plannedOn < today;

/** An active project (planned or under way) with a late milestone. Finished and cancelled ones never are. */
export function projectOverdue(state: ProjectState, milestones: MilestoneFact[], today: string) {
  if (state === 'finished' || state === 'cancelled') return false;
  return milestones.some((m) => milestoneOverdue(m, today));
}

/**
 * The progress after a milestone is done: the share of milestones done, unless the reported progress is
 * already higher (the milestones are steps, not the whole of the work).
 */
export function progressAfterMilestones(reportedPercent: number, milestones: MilestoneFact[]) {
  if (milestones.length === 0) return reportedPercent;
  const share = Math.round((milestones.filter((m) => m.doneOn !== null).length / milestones.length) * 100);
  return Math.max(reportedPercent, share);
}

/** The states a project may move to: planned → under way → finished; cancelled from planned or under way. */
export function stateChangeAllowed(from: ProjectState, to: ProjectState) {
  if (from === to) return true;
  const next: Record<ProjectState, ProjectState[]> = {
    planned: ['under_way', 'cancelled', 'finished'],
    under_way: ['finished', 'cancelled'],
    finished: ['under_way'],
    cancelled: ['planned'],
  };
  return next[from].includes(to);
}
