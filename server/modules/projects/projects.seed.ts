/**
 * The demo city's construction projects, as the speech tells them: the 3 pilot communities and 桥西 have
 * built their activity premises (finished projects, each with a funding gap left — "已达到建设标准的四个社区
 * 都存在较大的资金缺口"); the other 5, below 300 m², are building ("其它社区的活动用房也正在加紧建设当中") and
 * must solve their premises by the end of the year. The money is on the four-haves funding ledger, linked to
 * the project, from several sources ("市财政补一点，街道贴一点，进驻单位配套一点，社区居委会自筹一点").
 */
import type { Database } from '../../db/client';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { insertFundingEntries } from '../fourhaves/fourhaves.seed';
import { ProjectsRepository } from './projects.repository';
import type { projects } from './projects.table';

type Source = 'city' | 'street' | 'resident_units' | 'self_raised';
interface Plan {
  community: string;
  name: string;
  kind: 'new_build' | 'renovation' | 'expansion';
  /** The premises row of the four-haves seed it builds (by name). */
  premises?: string;
  areaM2: number;
  budgetYuan: number;
  start: string;
  end: string;
  state: 'planned' | 'under_way' | 'finished';
  progress: number;
  milestones: [string, string, string | null][];
  /** Allocations received: source, yuan, day. */
  money: [Source, number, string][];
  /** Spending: yuan, day. */
  spent: [number, string][];
}

const BUILT = (community: string, short: string, premises: string, areaM2: number, budgetYuan: number, money: [Source, number, string][]): Plan => ({
  community,
  name: `${short}社区活动用房建设`,
  kind: 'new_build',
  premises,
  areaM2,
  budgetYuan,
  start: '2025-03-01',
  end: '2025-09-30',
  state: 'finished',
  progress: 100,
  milestones: [
    ['立项批复', '2025-02-15', '2025-02-10'],
    ['开工', '2025-03-01', '2025-03-05'],
    ['主体完工', '2025-07-15', '2025-07-20'],
    ['竣工验收', '2025-09-20', '2025-09-18'],
    ['交付使用', '2025-10-01', '2025-10-01'],
  ],
  money,
  spent: [
    [Math.round(budgetYuan * 0.35), '2025-05-20'],
    [Math.round(budgetYuan * 0.3), '2025-09-25'],
  ],
});

/** One project per community (the speech's facts); dates around the demo's year (2026). */
export const PLANS: Plan[] = [
  BUILT('城东社区', '城东', '城东社区服务中心活动室', 520, 1_200_000, [
    ['city', 500_000, '2025-03-10'],
    ['street', 200_000, '2025-04-15'],
    ['resident_units', 150_000, '2025-06-01'],
    ['self_raised', 50_000, '2025-08-01'],
  ]),
  BUILT('城中社区', '城中', '城中社区文体活动中心', 480, 1_100_000, [
    ['city', 450_000, '2025-03-10'],
    ['street', 180_000, '2025-04-15'],
    ['resident_units', 120_000, '2025-06-01'],
    ['self_raised', 40_000, '2025-08-01'],
  ]),
  BUILT('世纪社区', '世纪', '世纪广场社区活动中心', 500, 1_150_000, [
    ['city', 480_000, '2025-03-10'],
    ['street', 160_000, '2025-04-15'],
    ['resident_units', 200_000, '2025-06-01'],
    ['self_raised', 30_000, '2025-08-01'],
  ]),
  {
    ...BUILT('桥西社区', '桥西', '桥西社区活动用房', 460, 900_000, [
      ['city', 300_000, '2025-03-10'],
      ['street', 150_000, '2025-04-15'],
      ['resident_units', 200_000, '2025-06-01'],
    ]),
    name: '桥西社区活动用房配建及装修',
    kind: 'renovation',
  },
  {
    community: '城西社区',
    name: '城西新区配建社区用房',
    kind: 'new_build',
    premises: '城西新区配建社区用房',
    areaM2: 560,
    budgetYuan: 800_000,
    start: '2026-03-01',
    end: '2026-12-31',
    state: 'under_way',
    progress: 60,
    milestones: [
      ['规划审批', '2026-02-20', '2026-02-18'],
      ['开工', '2026-03-01', '2026-03-10'],
      ['主体完工', '2026-09-30', '2026-10-08'],
      ['竣工验收', '2026-12-15', null],
      ['移交使用', '2026-12-31', null],
    ],
    money: [
      ['city', 250_000, '2026-03-15'],
      ['street', 100_000, '2026-05-10'],
    ],
    spent: [[180_000, '2026-06-30']],
  },
  {
    community: '桥东社区',
    name: '桥东社区活动用房建设',
    kind: 'new_build',
    premises: '桥东社区活动用房（在建）',
    areaM2: 300,
    budgetYuan: 600_000,
    start: '2026-04-01',
    end: '2026-12-20',
    state: 'under_way',
    progress: 50,
    milestones: [
      ['立项批复', '2026-03-10', '2026-03-12'],
      ['开工', '2026-04-01', '2026-04-20'],
      // Late: the frame is not up yet (the 工作台 shows it).
      ['主体完工', '2026-09-30', null],
      ['竣工验收', '2026-12-10', null],
    ],
    money: [
      ['city', 200_000, '2026-04-10'],
      ['street', 60_000, '2026-06-01'],
      ['self_raised', 20_000, '2026-07-01'],
    ],
    spent: [[150_000, '2026-08-15']],
  },
  {
    community: '城北社区',
    name: '城北社区综合服务用房建设',
    kind: 'new_build',
    premises: '城北社区综合服务用房（规划）',
    areaM2: 400,
    budgetYuan: 950_000,
    start: '2027-03-01',
    end: '2027-12-31',
    state: 'planned',
    progress: 0,
    milestones: [
      ['规划审批', '2026-12-20', null],
      ['招标', '2027-02-15', null],
      ['开工', '2027-03-01', null],
    ],
    money: [['city', 150_000, '2026-10-20']],
    spent: [],
  },
  {
    community: '城南社区',
    name: '城南社区购置办公用房及改造',
    kind: 'renovation',
    areaM2: 320,
    budgetYuan: 700_000,
    start: '2026-10-01',
    end: '2026-12-31',
    state: 'under_way',
    progress: 67,
    milestones: [
      ['购房合同签订', '2026-09-30', '2026-09-28'],
      ['改造开工', '2026-10-15', '2026-10-20'],
      ['改造完工', '2026-12-20', null],
    ],
    money: [
      ['city', 300_000, '2026-09-25'],
      ['street', 80_000, '2026-10-10'],
    ],
    spent: [[300_000, '2026-09-30']],
  },
  {
    community: '河滨社区',
    name: '河滨社区活动室扩建',
    kind: 'expansion',
    premises: '河滨社区活动室',
    areaM2: 260,
    budgetYuan: 450_000,
    start: '2026-11-01',
    end: '2027-05-31',
    state: 'planned',
    progress: 0,
    milestones: [
      ['方案设计', '2026-12-15', null],
      ['开工', '2027-01-10', null],
    ],
    money: [['street', 50_000, '2026-11-05']],
    spent: [],
  },
];

/** Seeds the projects, their milestones and their ledger entries (budget, allocations, spending). */
export async function seedProjects(database: Database) {
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
  if (n > 0) return;
  const communities = await database.query<{ id: string; name: string }>(`SELECT id, name FROM regions WHERE level = 'community'`);
  const idOf = new Map(communities.map((c) => [c.name, c.id]));
  const premises = await database.query<{ id: string; name: string }>(`SELECT id, name FROM premises`);
  const premisesOf = new Map(premises.map((p) => [p.name, p.id]));
  const plans = PLANS.filter((p) => idOf.has(p.community) && COMMUNITIES.some((c) => c.name === p.community));
  if (plans.length === 0) return;
  const rows: (typeof projects.$inferInsert)[] = plans.map((p) => ({
    communityId: idOf.get(p.community)!,
    name: p.name,
    kind: p.kind,
    premisesId: p.premises ? (premisesOf.get(p.premises) ?? null) : null,
    areaM2: p.areaM2,
    budgetFen: p.budgetYuan * 100,
    plannedStart: p.start,
    plannedEnd: p.end,
    state: p.state,
    progressPercent: p.progress,
  }));
  const ids = await new ProjectsRepository(database.db).seed(rows, (_id, i) =>
    plans[i].milestones.map(([name, plannedOn, doneOn]) => ({ communityId: rows[i].communityId, name, plannedOn, doneOn })),
  );
  let voucher = 0;
  await insertFundingEntries(
    database,
    plans.flatMap((p, i) => {
      const communityId = rows[i].communityId;
      const projectId = ids[i];
      const year = Number(p.start.slice(0, 4));
      return [
        { communityId, projectId, year, kind: 'budget', source: null, amountFen: p.budgetYuan * 100, entryDate: p.start, description: `${p.name}预算` },
        ...p.money.map(([source, yuan, day]) => ({
          communityId,
          projectId,
          year: Number(day.slice(0, 4)),
          kind: 'allocation',
          source,
          amountFen: yuan * 100,
          entryDate: day,
          description: `${p.name}资金`,
        })),
        ...p.spent.map(([yuan, day]) => ({
          communityId,
          projectId,
          year: Number(day.slice(0, 4)),
          kind: 'spending',
          source: null,
          amountFen: yuan * 100,
          entryDate: day,
          description: `${p.name}工程款`,
          voucher: `${day.slice(0, 4)}-JS-${String(++voucher).padStart(3, '0')}`,
        })),
      ];
    }),
  );
}
