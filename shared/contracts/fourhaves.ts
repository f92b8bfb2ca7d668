import { z } from 'zod';
import { FUNDING_KINDS, FUNDING_SOURCES, PREMISES_OWNERSHIPS, PREMISES_STATES, PREMISES_USES, RULE_KINDS } from '../domain/four-haves';
import { Version } from './common';

// ------------------------------------------------------------------ 以奖代补 preview

/** A hypothetical or real distribution to check by hand. Ranges are checked by shared/domain/award.ts, naming the field. */
export const AwardPreviewRequest = z.object({
  /** The pot in yuan (≥ 0, at most two decimals). */
  pot: z.number(),
  /** Communities scoring below it get 0 (0–100). */
  floorScore: z.number(),
  /** The largest share of the pot for one community, in (0, 1]. */
  maxShare: z.number().optional(),
  communities: z
    .array(
      z.object({
        /** Any string, unique in the request. */
        id: z.string().max(200),
        /** 0–100. */
        score: z.number(),
      }),
    )
    .max(10_000),
});
export type AwardPreviewRequest = z.infer<typeof AwardPreviewRequest>;

export const AwardPreviewResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      /** Yuan with two decimals. */
      amount: z.number(),
      /** Why this amount, in the request's language. */
      reason: z.string(),
    }),
  ),
  /** Always equal to the pot. */
  total: z.number(),
});
export type AwardPreviewResponse = z.infer<typeof AwardPreviewResponse>;

// ------------------------------------------------------------------ 四有 status

const Have = z.object({ status: z.enum(['green', 'amber', 'red']), reason: z.string() });

/** One community's four haves. */
export const FourHavesItem = z.object({
  communityId: z.uuid(),
  name: z.string(),
  people: Have,
  money: Have,
  premises: Have.extend({ areaM2: z.number(), requiredM2: z.number() }),
  rules: Have,
});
export type FourHavesItem = z.infer<typeof FourHavesItem>;

export const FourHavesResponse = z.object({ items: z.array(FourHavesItem) });
export type FourHavesResponse = z.infer<typeof FourHavesResponse>;

export const FourHavesQuery = z.object({
  /** The funding year (default: this year). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const Reasons = z.array(z.string());
export const PremisesView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  name: z.string(),
  use: z.enum(PREMISES_USES),
  areaM2: z.number(),
  ownership: z.enum(PREMISES_OWNERSHIPS),
  /** Yearly rent in yuan. */
  rentYuan: z.number().nullable(),
  leaseEnd: z.string().nullable(),
  counterpart: z.string().nullable(),
  state: z.enum(PREMISES_STATES),
  inUseSince: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type PremisesView = z.infer<typeof PremisesView>;

export const RuleView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  kind: z.enum(RULE_KINDS),
  title: z.string(),
  adoptedOn: z.string(),
  current: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type RuleView = z.infer<typeof RuleView>;

export const StaffingView = z.object({ fullTime: z.number().int(), partTime: z.number().int(), police: z.number().int(), version: z.number().int() });

export const FundingSummary = z.object({
  year: z.number().int(),
  /** Yuan. */
  need: z.number().nullable(),
  received: z.number(),
  spent: z.number(),
  balance: z.number(),
  gap: z.number(),
  bySource: z.array(z.object({ source: z.string(), amount: z.number() })),
});
export type FundingSummary = z.infer<typeof FundingSummary>;

/** The drill-down: every reason behind each colour and the records behind them. */
export const FourHavesDetail = z.object({
  communityId: z.uuid(),
  name: z.string(),
  households: z.number().int(),
  people: Have.extend({ reasons: Reasons }),
  money: Have.extend({ reasons: Reasons }),
  premises: Have.extend({ reasons: Reasons, areaM2: z.number(), requiredM2: z.number(), activityM2: z.number(), pipelineM2: z.number() }),
  rules: Have.extend({ reasons: Reasons }),
  premisesList: z.array(PremisesView),
  rulesList: z.array(RuleView),
  staffing: StaffingView.nullable(),
  funding: FundingSummary,
});
export type FourHavesDetail = z.infer<typeof FourHavesDetail>;

// ------------------------------------------------------------------ premises

const dateStr = z.iso.date();
const area = z.number().positive('面积须大于 0 | area must be positive').max(1_000_000);

export const PremisesQuery = z.object({ communityId: z.uuid().optional() });
export const PremisesList = z.object({ items: z.array(PremisesView) });

const premisesFields = {
  name: z.string().trim().min(1, '请填写名称 | name is required').max(100),
  use: z.enum(PREMISES_USES),
  areaM2: area,
  ownership: z.enum(PREMISES_OWNERSHIPS),
  rentYuan: z.number().min(0).max(100_000_000).nullable().optional(),
  leaseEnd: dateStr.nullable().optional(),
  counterpart: z.string().trim().max(100).nullable().optional(),
  state: z.enum(PREMISES_STATES),
  inUseSince: dateStr.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
};

/** Record premises of a community. A rented one needs its lease end. */
export const CreatePremisesRequest = z.object({ communityId: z.uuid(), ...premisesFields });
export type CreatePremisesRequest = z.infer<typeof CreatePremisesRequest>;

/** Edit premises (e.g. hand-over: state → in_use with inUseSince). */
export const UpdatePremisesRequest = z.object({
  version: Version,
  name: premisesFields.name.optional(),
  use: premisesFields.use.optional(),
  areaM2: area.optional(),
  ownership: premisesFields.ownership.optional(),
  rentYuan: premisesFields.rentYuan,
  leaseEnd: premisesFields.leaseEnd,
  counterpart: premisesFields.counterpart,
  state: premisesFields.state.optional(),
  inUseSince: premisesFields.inUseSince,
  address: premisesFields.address,
  notes: premisesFields.notes,
});
export type UpdatePremisesRequest = z.infer<typeof UpdatePremisesRequest>;

// ------------------------------------------------------------------ rules and staffing

export const RulesQuery = z.object({ communityId: z.uuid().optional() });
export const RulesList = z.object({ items: z.array(RuleView) });
export const CreateRuleRequest = z.object({
  communityId: z.uuid(),
  kind: z.enum(RULE_KINDS),
  title: z.string().trim().min(1, '请填写标题 | title is required').max(200),
  adoptedOn: dateStr,
  notes: z.string().trim().max(1000).nullable().optional(),
});
export type CreateRuleRequest = z.infer<typeof CreateRuleRequest>;

const headcount = z.number().int().min(0).max(1000);
/** Set a community's head-count (until the cadres module counts posts). `version` absent = first record. */
export const SetStaffingRequest = z.object({ fullTime: headcount, partTime: headcount, police: headcount, version: Version.optional() });
export type SetStaffingRequest = z.infer<typeof SetStaffingRequest>;

// ------------------------------------------------------------------ funding

export { FUNDING_KINDS, FUNDING_SOURCES };

export const FundingQuery = z.object({
  communityId: z.uuid().optional(),
  /** Only the entries of one construction project. */
  projectId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const FundingEntryView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  year: z.number().int(),
  kind: z.enum(FUNDING_KINDS),
  source: z.enum(FUNDING_SOURCES).nullable(),
  /** Yuan. */
  amount: z.number(),
  entryDate: z.string(),
  description: z.string(),
  voucher: z.string().nullable(),
  /** The construction project the entry belongs to (projects module), if any. */
  projectId: z.uuid().nullable(),
});
export type FundingEntryView = z.infer<typeof FundingEntryView>;

export const FundingLedger = z.object({
  items: z.array(FundingEntryView),
  /** Per community and year in the filter. */
  summaries: z.array(FundingSummary.extend({ communityId: z.uuid(), communityName: z.string() })),
});
export type FundingLedger = z.infer<typeof FundingLedger>;

export const CreateFundingEntryRequest = z
  .object({
    communityId: z.uuid(),
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(FUNDING_KINDS),
    source: z.enum(FUNDING_SOURCES).nullable().optional(),
    /** Yuan, > 0, at most two decimals. */
    amount: z
      .number()
      .positive('金额须大于 0 | amount must be positive')
      .max(10_000_000_000)
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数 | amount has at most two decimals'),
    entryDate: dateStr,
    description: z.string().trim().min(1, '请填写摘要 | description is required').max(200),
    voucher: z.string().trim().max(100).nullable().optional(),
    /** A construction project of the same community the money is for. */
    projectId: z.uuid().nullable().optional(),
  })
  .refine((e) => e.kind !== 'allocation' || !!e.source, { path: ['source'], message: '到位资金须注明来源 | an allocation needs its source' })
  .refine((e) => e.kind !== 'spending' || !!e.voucher, { path: ['voucher'], message: '支出须填写凭证号 | a spending needs its voucher' });
export type CreateFundingEntryRequest = z.infer<typeof CreateFundingEntryRequest>;

// ------------------------------------------------------------------ standards (settings)

/** The standards of the four haves; each a setting with the default of DOMAIN.md §4. */
export const FourHavesStandardsSchema = z.object({
  premisesMinM2: z.number().min(0).max(100_000),
  premisesPerHundredHouseholdsM2: z.number().min(0).max(10_000),
  premisesActivityShare: z.number().min(0).max(1),
  leaseWarningDays: z.number().int().min(0).max(3650),
  staffFullTime: z.number().int().min(0).max(1000),
  staffPartTime: z.number().int().min(0).max(1000),
  staffPolice: z.number().int().min(0).max(1000),
  fundingGapAmberShare: z.number().min(0).max(1),
  rulesMaxAgeYears: z.number().int().min(1).max(100),
  requiredRuleKinds: z.array(z.enum(RULE_KINDS)).max(3),
  /**
   * The developer-premises tier table (开发商配建): a project whose floor area is below `maxFloorAreaM2`
   * (the first such tier; null = the open-ended last tier) must provide `premisesM2`. Bounds ascending.
   */
  premisesTiers: z
    .array(
      z.object({
        /** Upper bound of the floor area (m², exclusive); null on the last tier. */
        maxFloorAreaM2: z.number().max(100_000_000).nullable(),
        /** Premises the project must provide (m²). */
        premisesM2: z.number().max(1_000_000),
      }),
    )
    .max(20),
});
/** A change of some standards; the others keep their values. */
export const UpdateStandardsRequest = FourHavesStandardsSchema.partial();

// ------------------------------------------------------------------ developer-provided premises (配建)

const stageDate = dateStr.nullable().optional();
const housingFields = {
  name: z.string().trim().min(1, '请填写项目名称 | name is required').max(100),
  developer: z.string().trim().min(1, '请填写开发企业 | developer is required').max(100),
  floorAreaM2: z.number().positive().max(100_000_000),
  plannedHouseholds: z.number().int().min(0).max(1_000_000).nullable().optional(),
  plannedPremisesM2: z.number().min(0).max(1_000_000).optional(),
  handedOverM2: z.number().min(0).max(1_000_000).optional(),
  approvalOn: stageDate,
  planningOn: stageDate,
  permitOn: stageDate,
  completionOn: stageDate,
  handoverOn: stageDate,
};
/** Register a housing project of a community. */
export const CreateHousingProjectRequest = z.object({ communityId: z.uuid(), ...housingFields });
export type CreateHousingProjectRequest = z.infer<typeof CreateHousingProjectRequest>;
/** Edit a project (a stage date, the premises in the plan or handed over). */
export const UpdateHousingProjectRequest = z.object({
  version: Version,
  name: housingFields.name.optional(),
  developer: housingFields.developer.optional(),
  floorAreaM2: housingFields.floorAreaM2.optional(),
  plannedHouseholds: housingFields.plannedHouseholds,
  plannedPremisesM2: housingFields.plannedPremisesM2,
  handedOverM2: housingFields.handedOverM2,
  approvalOn: stageDate,
  planningOn: stageDate,
  permitOn: stageDate,
  completionOn: stageDate,
  handoverOn: stageDate,
});
export type UpdateHousingProjectRequest = z.infer<typeof UpdateHousingProjectRequest>;

export const HousingProjectView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  name: z.string(),
  developer: z.string(),
  floorAreaM2: z.number(),
  plannedHouseholds: z.number().int().nullable(),
  plannedPremisesM2: z.number(),
  handedOverM2: z.number(),
  approvalOn: z.string().nullable(),
  planningOn: z.string().nullable(),
  permitOn: z.string().nullable(),
  completionOn: z.string().nullable(),
  handoverOn: z.string().nullable(),
  /** From the tier table. */
  requiredM2: z.number(),
  /** The last stage passed: approval | planning | permit | completion | handover. */
  stage: z.string().nullable(),
  /** 同步规划、建设、验收、投入使用: red is the alert. */
  status: z.enum(['green', 'amber', 'red']),
  reason: z.string(),
  version: z.number().int(),
});
export type HousingProjectView = z.infer<typeof HousingProjectView>;
export const HousingProjectsList = z.object({ items: z.array(HousingProjectView) });

// ------------------------------------------------------------------ photos and documents of premises

/** A photo or document attached to premises (the bytes come from GET /api/premises-files/:id). */
export const PremisesFileView = z.object({
  id: z.uuid(),
  premisesId: z.uuid(),
  communityId: z.uuid(),
  /** photo (JPEG, PNG: shown as a thumbnail) | document (PDF, DOCX, XLSX). */
  kind: z.enum(['photo', 'document']),
  /** The type found from the content. */
  contentType: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type PremisesFileView = z.infer<typeof PremisesFileView>;

export const PremisesFilesList = z.object({
  items: z.array(PremisesFileView),
  /** The upload limit in bytes (PREMISES_FILE_MAX_BYTES). */
  maxBytes: z.number().int(),
});
export type PremisesFilesList = z.infer<typeof PremisesFilesList>;
