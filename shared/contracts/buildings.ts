import { z } from 'zod';
import { Version } from './common';

/** Filters of the building list. */
export const BuildingsQuery = z.object({
  /** Name or address fragment. */
  q: z.string().trim().max(100).optional(),
  /** Any region (street, community, grid): limits to its subtree. */
  regionId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type BuildingsQuery = z.infer<typeof BuildingsQuery>;

/** The export takes the list's filters (no paging): at most BUILDINGS_EXPORT_CAP rows. */
export const BuildingsExportQuery = BuildingsQuery.omit({ page: true, pageSize: true });
export type BuildingsExportQuery = z.infer<typeof BuildingsExportQuery>;
export const BUILDINGS_EXPORT_CAP = 20_000;

/** One building as lists show it. */
export const BuildingListItem = z.object({
  id: z.uuid(),
  /** e.g. 幸福小区3栋 */
  name: z.string(),
  /** Street address, e.g. 人民路18号 */
  address: z.string(),
  floors: z.number().int(),
  units: z.number().int(),
  builtYear: z.number().int().nullable(),
  communityId: z.uuid(),
  communityName: z.string(),
  gridId: z.uuid(),
  gridName: z.string(),
  /** Active households in the building. */
  households: z.number().int(),
  /** Send it back with PATCH. */
  version: z.number().int(),
});
export type BuildingListItem = z.infer<typeof BuildingListItem>;

export const BuildingsPage = z.object({ items: z.array(BuildingListItem), total: z.number().int() });

/** A household in a building, as the building page lists it. */
export const BuildingHousehold = z.object({
  id: z.uuid(),
  /** e.g. 2单元301室 */
  room: z.string().nullable(),
  householdNumber: z.string().nullable(),
  address: z.string(),
  /** family | collective */
  householdType: z.string(),
  /** active | merged | dissolved */
  status: z.string(),
  headResidentId: z.uuid().nullable(),
  headName: z.string().nullable(),
  /** Active members. */
  memberCount: z.number().int(),
});

/** The building page: the building and the households in it. */
export const BuildingDetail = BuildingListItem.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  householdList: z.array(BuildingHousehold),
});
export type BuildingDetail = z.infer<typeof BuildingDetail>;

const year = z.number().int().min(1800).max(2100);

/** Register a building in a grid (the grid decides the community; it must be inside the caller's scope). */
export const CreateBuildingRequest = z.object({
  gridId: z.uuid(),
  name: z.string().trim().min(1, '请填写楼栋名称 | name is required').max(100),
  address: z.string().trim().min(1, '请填写地址 | address is required').max(200),
  floors: z.number().int().min(1).max(200).default(1),
  units: z.number().int().min(1).max(100).default(1),
  builtYear: year.nullable().optional(),
});
export type CreateBuildingRequest = z.infer<typeof CreateBuildingRequest>;

/** Edit a building: the fields that change plus the version read (stale → 409). Moving it to another grid is a re-division. */
export const UpdateBuildingRequest = z.object({
  version: Version,
  name: z.string().trim().min(1).max(100).optional(),
  address: z.string().trim().min(1).max(200).optional(),
  floors: z.number().int().min(1).max(200).optional(),
  units: z.number().int().min(1).max(100).optional(),
  builtYear: year.nullable().optional(),
});
export type UpdateBuildingRequest = z.infer<typeof UpdateBuildingRequest>;
