import { z } from 'zod';

/** A calendar date, YYYY-MM-DD (today or earlier: scheduled changes are not supported yet). */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');

/** Move a grid (with its buildings, households and residents) to another community. */
export const MoveGridRequest = z.object({
  gridId: z.uuid(),
  toCommunityId: z.uuid(),
  effectiveDate: day,
  reason: z.string().trim().min(1, '请填写调整原因 | reason is required').max(500),
});
export type MoveGridRequest = z.infer<typeof MoveGridRequest>;

/** Move a building (with its households and residents) to another grid, possibly in another community. */
export const MoveBuildingRequest = z.object({
  buildingId: z.uuid(),
  toGridId: z.uuid(),
  effectiveDate: day,
  reason: z.string().trim().min(1, '请填写调整原因 | reason is required').max(500),
});
export type MoveBuildingRequest = z.infer<typeof MoveBuildingRequest>;

/** One re-division as recorded in region_changes. */
export const RegionChange = z.object({
  id: z.uuid(),
  /** grid | building */
  objectType: z.string(),
  objectId: z.uuid(),
  objectName: z.string().nullable(),
  /** The community (grid moves) or grid (building moves) it left. */
  fromRegionId: z.uuid(),
  fromRegionName: z.string().nullable(),
  toRegionId: z.uuid(),
  toRegionName: z.string().nullable(),
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  changedBy: z.uuid().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});

/** What a move changed. */
export const RedivisionResult = z.object({
  change: RegionChange,
  /** Rows whose community (and grid) were updated. */
  moved: z.object({ buildings: z.number().int(), households: z.number().int(), residents: z.number().int(), careRecords: z.number().int() }),
});

export const RedivisionHistoryQuery = z.object({
  /** Changes touching this region's subtree (from, to or the object itself). */
  regionId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const RedivisionHistory = z.object({ items: z.array(RegionChange), total: z.number().int() });
