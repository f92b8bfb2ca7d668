import { z } from 'zod';
import { Version } from './common';

export const RegionLevel = z.enum(['city', 'street', 'community', 'grid']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** What names a region: its place in the tree, its division code and its names. */
const RegionFields = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: RegionLevel,
  /** Statistical division code. */
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
});

/** A node of the region tree. */
export const RegionNode: z.ZodType<RegionNodeT> = z.lazy(() => RegionFields.extend({ children: z.array(RegionNode) }));
export interface RegionNodeT {
  id: string;
  parentId: string | null;
  level: RegionLevel;
  code: string;
  name: string;
  nameEn: string | null;
  children: RegionNodeT[];
}

/** The caller's part of the tree: one root per granted subtree. */
export const RegionTreeResponse = z.object({ roots: z.array(RegionNode) });

/** One region with its boundary. */
export const RegionDetail = RegionFields.extend({
  /** GeoJSON geometry (Polygon/MultiPolygon, lon/lat), or null. */
  boundary: z.unknown().nullable(),
  /** For optimistic concurrency: send it back on PATCH. */
  version: z.number().int(),
});

/** A GeoJSON position: [longitude, latitude]. */
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A closed ring of at least four positions. */
const Ring = z.array(Position).min(4).max(10_000);
const Polygon = z.array(Ring).min(1).max(100);
/** A GeoJSON Polygon or MultiPolygon with numeric lon/lat positions. */
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: Polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(Polygon).min(1).max(100) }),
]);

/** Create a child region. */
export const CreateRegionRequest = z.object({
  /** The parent region; a street needs a city, a community a street, a grid a community. */
  parentId: z.uuid(),
  /** Statistical code, digits (grids may add letters). */
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{2,20}$/, '编码只能包含数字和字母 | code must be 2–20 digits or letters'),
  name: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().max(100).optional(),
  boundary: Geometry.optional(),
});

/** Edit a region's name or boundary. */
export const UpdateRegionRequest = z.object({
  version: Version,
  name: z.string().trim().min(1).max(50).optional(),
  nameEn: z.string().trim().max(100).nullable().optional(),
  boundary: Geometry.nullable().optional(),
});

/** GeoJSON FeatureCollection of the boundaries at one level within scope. */
export const BoundariesQuery = z.object({ level: z.enum(['street', 'community', 'grid']).default('community') });
export const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
      geometry: z.unknown(),
    }),
  ),
});
