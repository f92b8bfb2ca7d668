import { z } from 'zod';

/** The statistics overview of a region (default: everything in the caller's scope). */
export const OverviewQuery = z.object({
  /** Any region the caller can see (city, street, community, grid). */
  regionId: z.uuid().optional(),
});

/** Residents by status (在册 / 迁出 / 死亡). */
export const ResidentCounts = z.object({
  active: z.number().int(),
  movedOut: z.number().int(),
  deceased: z.number().int(),
  total: z.number().int(),
});

/** One band of the population pyramid: active residents aged `from`–`to` (to = null: and older). */
export const PyramidBand = z.object({
  /** e.g. "0-4", "95-99", "100+" */
  band: z.string(),
  from: z.number().int(),
  to: z.number().int().nullable(),
  male: z.number().int(),
  female: z.number().int(),
});

/** Members of a care group now (current records of active residents). Only groups the caller may see are listed. */
export const CareGroupCount = z.object({
  /** One of CARE_GROUPS. */
  group: z.string(),
  count: z.number().int(),
});

/** Active residents per residence type (RESIDENCE_TYPES). */
export const ResidenceTypeCount = z.object({ type: z.string(), count: z.number().int() });

/** One community's line of the overview. */
export const CommunityRow = z.object({
  communityId: z.uuid(),
  name: z.string(),
  grids: z.number().int(),
  buildings: z.number().int(),
  /** Active households. */
  households: z.number().int(),
  /** Active residents. */
  residents: z.number().int(),
  /** Active residents living in a household ÷ active households (0 without households), 2 decimals. */
  averageHouseholdSize: z.number(),
});

export const OverviewResponse = z.object({
  /** The region asked for, or null for the whole scope. */
  region: z.object({ id: z.uuid(), name: z.string(), level: z.string() }).nullable(),
  totals: z.object({
    communities: z.number().int(),
    grids: z.number().int(),
    buildings: z.number().int(),
    /** Active households. */
    households: z.number().int(),
    residents: ResidentCounts,
    averageHouseholdSize: z.number(),
  }),
  byCommunity: z.array(CommunityRow),
  careGroups: z.array(CareGroupCount),
  /** 21 bands (0-4 … 95-99, 100+), youngest first; sums to totals.residents.active. */
  pyramid: z.array(PyramidBand),
  residenceTypes: z.array(ResidenceTypeCount),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

/** One grid of a community page. */
export const GridRow = z.object({
  gridId: z.uuid(),
  name: z.string(),
  buildings: z.number().int(),
  households: z.number().int(),
  residents: z.number().int(),
});

/** The community page's numbers (limited to the caller's grids for a grid worker). */
export const CommunityStatsResponse = z.object({
  community: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  buildings: z.number().int(),
  households: z.number().int(),
  residents: ResidentCounts,
  averageHouseholdSize: z.number(),
  grids: z.array(GridRow),
  careGroups: z.array(CareGroupCount),
  /** Same bands as the overview's pyramid. */
  ageBands: z.array(PyramidBand),
  residenceTypes: z.array(ResidenceTypeCount),
});
export type CommunityStatsResponse = z.infer<typeof CommunityStatsResponse>;
