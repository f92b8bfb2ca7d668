/**
 * The four haves (四有: 有人 people, 有钱 money, 有房 premises, 有章 rules) as pure rules: each community's
 * status per "have" (green / amber / red) with the reason, from its records and the standards (settings
 * with the defaults of DOMAIN.md §4). No database, no HTTP.
 */

export type HaveStatus = 'green' | 'amber' | 'red';

/** A text in both languages (zh-CN first). */
export interface Text2 {
  zh: string;
  en: string;
}

export interface HaveVerdict {
  status: HaveStatus;
  /** Every reason, most serious first; the first one is the headline. */
  reasons: Text2[];
}

// ------------------------------------------------------------------ standards (settings)

/** One tier: housing floor area up to `maxFloorAreaM2` (exclusive; null = no limit) asks `premisesM2`. */
export interface PremisesTier {
  maxFloorAreaM2: number | null;
  premisesM2: number;
}

/** One city's tiers (DOMAIN.md §4): a setting. */
export const DEFAULT_PREMISES_TIERS: PremisesTier[] = [
  { maxFloorAreaM2: 30_000, premisesM2: 300 },
  { maxFloorAreaM2: 100_000, premisesM2: 800 },
  { maxFloorAreaM2: 180_000, premisesM2: 1_700 },
  { maxFloorAreaM2: 280_000, premisesM2: 2_500 },
  { maxFloorAreaM2: null, premisesM2: 4_800 },
];

/**
 * Problems with a tier table, each naming its field (`premisesTiers.<i>.<field>`): at least one tier, the
 * bounds ascending, only the last open-ended (null), every area positive.
 */
export function checkPremisesTiers(tiers: PremisesTier[]): { path: string; code: string; message: string; messageEn: string }[] {
  const issues: { path: string; code: string; message: string; messageEn: string }[] = [];
  if (tiers.length === 0)
    return [{ path: 'premisesTiers', code: 'too_small', message: '配建标准至少需要一档', messageEn: 'the tier table needs at least one tier' }];
  tiers.forEach((t, i) => {
    const at = `premisesTiers.${i}`;
    const last = i === tiers.length - 1;
    if (!(t.premisesM2 > 0))
      issues.push({
        path: `${at}.premisesM2`,
        code: 'too_small',
        message: `第 ${i + 1} 档配建面积须大于 0`,
        messageEn: `tier ${i + 1}: the premises area must be positive`,
      });
    if (last && t.maxFloorAreaM2 !== null)
      issues.push({
        path: `${at}.maxFloorAreaM2`,
        code: 'open_ended',
        message: '最后一档不设上限（留空）',
        messageEn: 'the last tier must be open-ended (no upper bound)',
      });
    if (!last && t.maxFloorAreaM2 === null)
      issues.push({
        path: `${at}.maxFloorAreaM2`,
        code: 'required',
        message: `第 ${i + 1} 档须填写面积上限`,
        messageEn: `tier ${i + 1} needs its upper bound`,
      });
    if (t.maxFloorAreaM2 !== null && !(t.maxFloorAreaM2 > 0))
      issues.push({
        path: `${at}.maxFloorAreaM2`,
        code: 'too_small',
        message: `第 ${i + 1} 档面积上限须大于 0`,
        messageEn: `tier ${i + 1}: the bound must be positive`,
      });
    const prev = i > 0 ? tiers[i - 1].maxFloorAreaM2 : null;
    if (prev !== null && t.maxFloorAreaM2 !== null && t.maxFloorAreaM2 <= prev)
      issues.push({
        path: `${at}.maxFloorAreaM2`,
        code: 'not_ascending',
        message: `第 ${i + 1} 档面积上限须大于上一档（${prev} m²）`,
        messageEn: `tier ${i + 1}: the bound must be above the previous one (${prev} m²)`,
      });
  });
  return issues;
}

/** The standards the verdicts are measured against; each a setting with a default. */
export interface FourHavesStandards {
  /** Minimum total premises (the speech's provincial standard): 300 m². */
  premisesMinM2: number;
  /** Premises per 100 households: 30 m². */
  premisesPerHundredHouseholdsM2: number;
  /** Share of the premises for residents' activities: 60%. */
  premisesActivityShare: number;
  /** A lease ending within this many days is flagged. */
  leaseWarningDays: number;
  /** The speech's per-community staffing: 5 full-time, 1 part-time cadres, 3 police. */
  staffFullTime: number;
  staffPartTime: number;
  staffPolice: number;
  /** A funding gap up to this share of the need is amber; above it red. */
  fundingGapAmberShare: number;
  /** Rules adopted or reviewed longer ago than this many years are out of date (a committee's term). */
  rulesMaxAgeYears: number;
  /** The rule kinds every community must have registered. */
  requiredRuleKinds: RuleKind[];
  /** The premises a new housing project must provide, by its floor area (开发商配建 tiers). */
  premisesTiers: PremisesTier[];
}

export const DEFAULT_STANDARDS: FourHavesStandards = {
  premisesMinM2: 300,
  premisesPerHundredHouseholdsM2: 30,
  premisesActivityShare: 0.6,
  leaseWarningDays: 90,
  staffFullTime: 5,
  staffPartTime: 1,
  staffPolice: 3,
  fundingGapAmberShare: 0.2,
  rulesMaxAgeYears: 5,
  requiredRuleKinds: ['residents_convention', 'work_rules'],
  premisesTiers: DEFAULT_PREMISES_TIERS,
};

// ------------------------------------------------------------------ 有房 premises

export const PREMISES_USES = ['office', 'service_hall', 'activity', 'police_office', 'other'] as const;
export type PremisesUse = (typeof PREMISES_USES)[number];
export const PREMISES_OWNERSHIPS = ['owned', 'rented', 'developer', 'shared'] as const;
export type PremisesOwnership = (typeof PREMISES_OWNERSHIPS)[number];
export const PREMISES_STATES = ['in_use', 'under_construction', 'planned'] as const;
export type PremisesState = (typeof PREMISES_STATES)[number];

export const PREMISES_USE_LABELS: Record<PremisesUse, Text2> = {
  office: { zh: '办公用房', en: 'Office' },
  service_hall: { zh: '服务大厅', en: 'Service hall' },
  activity: { zh: '居民活动用房', en: "Residents' activity rooms" },
  police_office: { zh: '警务室', en: 'Police office' },
  other: { zh: '其他', en: 'Other' },
};
export const PREMISES_OWNERSHIP_LABELS: Record<PremisesOwnership, Text2> = {
  owned: { zh: '自有', en: 'Owned' },
  rented: { zh: '租用', en: 'Rented' },
  developer: { zh: '开发商配建', en: 'Developer-provided' },
  shared: { zh: '与驻区单位共用', en: 'Shared with a resident unit' },
};
export const PREMISES_STATE_LABELS: Record<PremisesState, Text2> = {
  in_use: { zh: '已投入使用', en: 'In use' },
  under_construction: { zh: '在建', en: 'Under construction' },
  planned: { zh: '规划中', en: 'Planned' },
};

/** Kinds of a funding-ledger entry: what was planned, what arrived, what was spent. */
export const FUNDING_KINDS = ['budget', 'allocation', 'spending'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];
/** Where the money of an entry comes from. */
export const FUNDING_SOURCES = ['city', 'street', 'resident_units', 'self_raised', 'reward'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_KIND_LABELS: Record<FundingKind, Text2> = {
  budget: { zh: '预算', en: 'Budget' },
  allocation: { zh: '到位', en: 'Received' },
  spending: { zh: '支出', en: 'Spent' },
};

export const FUNDING_SOURCE_LABELS: Record<FundingSource, Text2> = {
  city: { zh: '市财政', en: 'City finance' },
  street: { zh: '街道', en: 'Street' },
  resident_units: { zh: '驻区单位', en: 'Resident units' },
  self_raised: { zh: '社区自筹', en: 'Self-raised' },
  reward: { zh: '以奖代补', en: 'Reward (以奖代补)' },
};

/** One room or building a community uses, as the rule needs it. */
export interface PremisesFact {
  use: PremisesUse;
  areaM2: number;
  ownership: PremisesOwnership;
  state: PremisesState;
  /** YYYY-MM-DD, rented premises. */
  leaseEnd?: string | null;
}

export interface PremisesVerdict extends HaveVerdict {
  /** Area in use (m²), expired leases left out. */
  areaM2: number;
  /** What the standard asks of this community (m²). */
  requiredM2: number;
  activityM2: number;
  /** Area under construction or planned. */
  pipelineM2: number;
}

const m2 = (x: number) => Math.round(x * 100) / 100;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The area the standard asks of a community: the minimum, or more for many households. */
export function requiredPremisesM2(households: number, s: FourHavesStandards = DEFAULT_STANDARDS): number {
  return m2(Math.max(s.premisesMinM2, Math.ceil(households / 100) * s.premisesPerHundredHouseholdsM2));
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * 有房: red when the area in use is below what the standard asks (the minimum, or per 100 households);
 * amber when it is enough but less than the activity share is for residents, or it depends on rented
 * rooms (a lease ending soon or already ended counts); green otherwise.
 */
export function premisesCompliance(premises: PremisesFact[], households: number, today: string, s: FourHavesStandards = DEFAULT_STANDARDS): PremisesVerdict {
  const requiredM2 = requiredPremisesM2(households, s);
  const expired = premises.filter((p) => p.state === 'in_use' && p.ownership === 'rented' && p.leaseEnd && p.leaseEnd < today);
  const inUse = premises.filter((p) => p.state === 'in_use' && !expired.includes(p));
  const areaM2 = m2(inUse.reduce((a, p) => a + p.areaM2, 0));
  const activityM2 = m2(inUse.filter((p) => p.use === 'activity').reduce((a, p) => a + p.areaM2, 0));
  const pipelineM2 = m2(premises.filter((p) => p.state !== 'in_use').reduce((a, p) => a + p.areaM2, 0));
  const rented = inUse.filter((p) => p.ownership === 'rented');
  const rentedM2 = m2(rented.reduce((a, p) => a + p.areaM2, 0));
  const ending = rented.filter((p) => p.leaseEnd && daysBetween(today, p.leaseEnd) <= s.leaseWarningDays);

  const red: Text2[] = [];
  const amber: Text2[] = [];
  if (areaM2 < requiredM2) {
    const basis =
      requiredM2 > s.premisesMinM2
        ? {
            zh: `按 ${households} 户每百户 ${s.premisesPerHundredHouseholdsM2} m²`,
            en: `${s.premisesPerHundredHouseholdsM2} m² per 100 of ${households} households`,
          }
        : { zh: `最低标准`, en: 'the minimum' };
    red.push({
      zh: `在用面积 ${areaM2} m²，低于标准 ${requiredM2} m²（${basis.zh}），缺 ${m2(requiredM2 - areaM2)} m²`,
      en: `${areaM2} m² in use, below the standard of ${requiredM2} m² (${basis.en}): ${m2(requiredM2 - areaM2)} m² short`,
    });
    if (pipelineM2 > 0) red.push({ zh: `在建或规划中 ${pipelineM2} m²，尚未投入使用`, en: `${pipelineM2} m² under construction or planned, not yet in use` });
  }
  for (const p of expired)
    red.push({
      zh: `租用用房 ${p.areaM2} m² 租期已于 ${p.leaseEnd} 到期，不计入面积`,
      en: `rented ${p.areaM2} m² whose lease ended on ${p.leaseEnd}: not counted`,
    });
  if (areaM2 > 0 && activityM2 < areaM2 * s.premisesActivityShare)
    amber.push({
      zh: `居民活动用房 ${activityM2} m²，占 ${pct(activityM2 / areaM2)}，低于 ${pct(s.premisesActivityShare)}`,
      en: `residents' activity rooms ${activityM2} m², ${pct(activityM2 / areaM2)} of the area, below ${pct(s.premisesActivityShare)}`,
    });
  if (rentedM2 > 0) amber.push({ zh: `仍租用办公用房 ${rentedM2} m²`, en: `still renting ${rentedM2} m²` });
  for (const p of ending)
    amber.push({
      zh: `租期 ${p.leaseEnd} 到期（${daysBetween(today, p.leaseEnd!)} 天内）`,
      en: `lease ends on ${p.leaseEnd} (in ${daysBetween(today, p.leaseEnd!)} days)`,
    });
  const status: HaveStatus = red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : 'green';
  const reasons =
    status === 'green'
      ? [
          {
            zh: `在用面积 ${areaM2} m²，达到标准 ${requiredM2} m²，居民活动用房占 ${pct(activityM2 / areaM2)}`,
            en: `${areaM2} m² in use meets the standard of ${requiredM2} m², ${pct(activityM2 / areaM2)} for residents' activities`,
          },
        ]
      : [...red, ...amber];
  return { status, reasons, areaM2, requiredM2, activityM2, pipelineM2 };
}

// ------------------------------------------------------------------ 有人 people

/** A community's cadres and police as counted now (see the staffing source on the server). */
export interface StaffingFact {
  fullTime: number;
  partTime: number;
  police: number;
}

/**
 * 有人: green when full-time, part-time and police each meet the standard; amber when only one post is
 * missing in all; red when more are missing, or nothing is recorded.
 */
export function peopleCompliance(staff: StaffingFact | null, s: FourHavesStandards = DEFAULT_STANDARDS): HaveVerdict {
  if (!staff) return { status: 'red', reasons: [{ zh: '未登记社区干部和警务人员', en: 'no cadres or police recorded' }] };
  const gaps: Text2[] = [];
  let missing = 0;
  const check = (have: number, want: number, zh: string, en: string) => {
    if (have < want) {
      missing += want - have;
      gaps.push({ zh: `${zh} ${have} 人，标准 ${want} 人`, en: `${en}: ${have} of ${want}` });
    }
  };
  check(staff.fullTime, s.staffFullTime, '专职干部', 'full-time cadres');
  check(staff.partTime, s.staffPartTime, '兼职干部', 'part-time cadres');
  check(staff.police, s.staffPolice, '社区警务人员', 'community police');
  if (missing === 0)
    return {
      status: 'green',
      reasons: [
        {
          zh: `专职 ${staff.fullTime}、兼职 ${staff.partTime}、警务 ${staff.police} 人，达到 ${s.staffFullTime}+${s.staffPartTime}+${s.staffPolice} 标准`,
          en: `${staff.fullTime} full-time, ${staff.partTime} part-time, ${staff.police} police meet the ${s.staffFullTime}+${s.staffPartTime}+${s.staffPolice} standard`,
        },
      ],
    };
  return { status: missing === 1 ? 'amber' : 'red', reasons: gaps };
}

// ------------------------------------------------------------------ 有钱 money

/** A community's money for one year, in fen. */
export interface FundingFact {
  year: number;
  /** The budgeted need; null when no budget is recorded for the year. */
  needFen: number | null;
  /** Allocations received from every source. */
  receivedFen: number;
  spentFen: number;
}

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** The gap (need − received, never below 0) in fen. */
export const fundingGapFen = (f: FundingFact) => Math.max(0, (f.needFen ?? 0) - f.receivedFen);

/**
 * 有钱: green when the year's need is covered; amber when no budget is recorded or the gap is within the
 * amber share of the need; red when the gap is larger.
 */
export function moneyCompliance(f: FundingFact, s: FourHavesStandards = DEFAULT_STANDARDS): HaveVerdict {
  if (f.needFen === null || f.needFen === 0)
    return {
      status: 'amber',
      reasons: [
        {
          zh: `未编制 ${f.year} 年经费预算（已到位 ${yuan(f.receivedFen)} 元）`,
          en: `no budget recorded for ${f.year} (${yuan(f.receivedFen)} yuan received)`,
        },
      ],
    };
  const gap = fundingGapFen(f);
  const balance = f.receivedFen - f.spentFen;
  if (gap === 0)
    return {
      status: 'green',
      reasons: [
        {
          zh: `${f.year} 年需求 ${yuan(f.needFen)} 元已全部到位，结余 ${yuan(balance)} 元`,
          en: `the ${f.year} need of ${yuan(f.needFen)} yuan is covered; balance ${yuan(balance)} yuan`,
        },
      ],
    };
  const share = gap / f.needFen;
  return {
    status: share <= s.fundingGapAmberShare ? 'amber' : 'red',
    reasons: [
      {
        zh: `${f.year} 年资金缺口 ${yuan(gap)} 元（需求 ${yuan(f.needFen)} 元，到位 ${yuan(f.receivedFen)} 元，缺 ${pct(share)}）`,
        en: `${f.year} funding gap of ${yuan(gap)} yuan (need ${yuan(f.needFen)}, received ${yuan(f.receivedFen)}, ${pct(share)} short)`,
      },
    ],
  };
}

// ------------------------------------------------------------------ 有章 rules

export const RULE_KINDS = ['residents_convention', 'work_rules', 'other'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Record<RuleKind, Text2> = {
  residents_convention: { zh: '居民公约', en: "Residents' convention" },
  work_rules: { zh: '工作制度', en: 'Work rules' },
  other: { zh: '其他制度', en: 'Other rules' },
};

/** One registered rule document. */
export interface RuleFact {
  kind: RuleKind;
  /** YYYY-MM-DD it was adopted or last reviewed. */
  adoptedOn: string;
}

/** Whether a rule adopted on `adoptedOn` is still current on `today`. */
export function ruleIsCurrent(adoptedOn: string, today: string, s: FourHavesStandards = DEFAULT_STANDARDS): boolean {
  const [y, m, d] = adoptedOn.split('-').map(Number);
  const due = `${String(y + s.rulesMaxAgeYears).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return today < due;
}

/** 有章: red when a required kind is missing; amber when one is registered but out of date; green otherwise. */
export function rulesCompliance(rules: RuleFact[], today: string, s: FourHavesStandards = DEFAULT_STANDARDS): HaveVerdict {
  const missing: Text2[] = [];
  const stale: Text2[] = [];
  for (const kind of s.requiredRuleKinds) {
    const label = RULE_KIND_LABELS[kind];
    const ofKind = rules.filter((r) => r.kind === kind);
    if (ofKind.length === 0) {
      missing.push({ zh: `未登记${label.zh}`, en: `no ${label.en.toLowerCase()} registered` });
      continue;
    }
    const latest = ofKind
      .map((r) => r.adoptedOn)
      .sort()
      .at(-1)!;
    if (!ruleIsCurrent(latest, today, s))
      stale.push({
        zh: `${label.zh}于 ${latest} 通过，超过 ${s.rulesMaxAgeYears} 年未修订`,
        en: `${label.en.toLowerCase()} adopted on ${latest}, not reviewed for over ${s.rulesMaxAgeYears} years`,
      });
  }
  if (missing.length > 0) return { status: 'red', reasons: [...missing, ...stale] };
  if (stale.length > 0) return { status: 'amber', reasons: stale };
  return {
    status: 'green',
    reasons: [
      {
        zh: `${s.requiredRuleKinds.map((k) => RULE_KIND_LABELS[k].zh).join('、')}均已登记且在有效期内`,
        en: `${s.requiredRuleKinds.map((k) => RULE_KIND_LABELS[k].en.toLowerCase()).join(' and ')} registered and current`,
      },
    ],
  };
}

// ------------------------------------------------------------------ developer-provided premises (配建)

/** The premises a housing project must provide for its above-ground residential floor area. */
export function requiredDeveloperPremisesM2(floorAreaM2: number, tiers: PremisesTier[] = DEFAULT_PREMISES_TIERS): number {
  for (const t of tiers) if (t.maxFloorAreaM2 === null || floorAreaM2 < t.maxFloorAreaM2) return t.premisesM2;
  return tiers.at(-1)?.premisesM2 ?? 0;
}

/** The stages of a housing project, in order (立项, 规划审批, 施工许可, 竣工验收, 移交). */
export const PROJECT_STAGES = ['approval', 'planning', 'permit', 'completion', 'handover'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, Text2> = {
  approval: { zh: '立项', en: 'Project approval' },
  planning: { zh: '规划审批', en: 'Planning approval' },
  permit: { zh: '施工许可', en: 'Construction permit' },
  completion: { zh: '竣工验收', en: 'Completion acceptance' },
  handover: { zh: '移交', en: 'Handover' },
};

/** A housing project as the alert needs it: stage dates (passed when ≤ today) and the premises in its plan. */
export interface HousingProjectFact {
  floorAreaM2: number;
  /** Premises in the approved plan (m²); 0 when none. */
  plannedPremisesM2: number;
  /** Premises handed over to the community (m²). */
  handedOverM2: number;
  stages: Partial<Record<ProjectStage, string | null>>;
}

export interface HousingProjectVerdict extends HaveVerdict {
  requiredM2: number;
  /** The last stage passed, if any. */
  stage: ProjectStage | null;
}

/**
 * "同步规划、建设、验收、投入使用": red once the planning approval (or any later stage) has passed without
 * the required premises in the plan, or the handover has passed without them handed over; amber while
 * the project is approved but not yet planned with them; green otherwise.
 */
export function housingProjectCompliance(p: HousingProjectFact, today: string, tiers: PremisesTier[] = DEFAULT_PREMISES_TIERS): HousingProjectVerdict {
  const requiredM2 = requiredDeveloperPremisesM2(p.floorAreaM2, tiers);
  const passed = PROJECT_STAGES.filter((s) => p.stages[s] && p.stages[s]! <= today);
  const stage = passed.at(-1) ?? null;
  const red: Text2[] = [];
  const planned = p.plannedPremisesM2 >= requiredM2;
  const after = (s: ProjectStage) => passed.includes(s);
  if (!planned && (after('planning') || after('permit') || after('completion') || after('handover'))) {
    const s = PROJECT_STAGE_LABELS[stage!];
    red.push({
      zh: `已过${s.zh}阶段，规划配建社区用房 ${p.plannedPremisesM2} m²，不足应配建的 ${requiredM2} m²`,
      en: `past ${s.en.toLowerCase()} with ${p.plannedPremisesM2} m² of community premises in the plan, less than the required ${requiredM2} m²`,
    });
  }
  if (after('handover') && p.handedOverM2 < requiredM2)
    red.push({
      zh: `已移交，但交付社区用房 ${p.handedOverM2} m²，不足 ${requiredM2} m²`,
      en: `handed over with ${p.handedOverM2} m² of premises, less than ${requiredM2} m²`,
    });
  if (red.length > 0) return { status: 'red', reasons: red, requiredM2, stage };
  if (!planned)
    return {
      status: 'amber',
      reasons: [{ zh: `应配建社区用房 ${requiredM2} m²，尚未纳入规划`, en: `${requiredM2} m² of premises required, not yet in the plan` }],
      requiredM2,
      stage,
    };
  return {
    status: 'green',
    reasons: [{ zh: `规划配建社区用房 ${p.plannedPremisesM2} m²，满足 ${requiredM2} m²`, en: `${p.plannedPremisesM2} m² planned, meeting ${requiredM2} m²` }],
    requiredM2,
    stage,
  };
}
