import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types';

/**
 * A person in the registry. The ID number is stored encrypted (`id_cipher`), with a keyed hash for exact
 * look-up (`id_hash`), the reversed last six characters for suffix search (`id_tail_rev`), and the masked
 * form for display. Pinyin is computed on write and indexed, never per row at query time.
 */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** NULL while the resident waits on the community's to-do list for a grid (an import could not place the row). */
    gridId: uuid('grid_id'),
    householdId: uuid('household_id'),
    name: text('name').notNull(),
    /** Full pinyin without tones or spaces: wangxiaoming */
    namePinyin: text('name_pinyin').notNull(),
    /** Pinyin initials: wxm */
    nameInitials: text('name_initials').notNull(),
    idCipher: bytea('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    /** First 6 and last 4 characters, the rest starred. */
    idMasked: text('id_masked').notNull(),
    /** Last six characters reversed, so that a suffix search is an indexed prefix search. */
    idTailRev: text('id_tail_rev').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['M', 'F'] }).notNull(),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    phone: text('phone'),
    education: text('education'),
    politicalStatus: text('political_status'),
    maritalStatus: text('marital_status'),
    employmentStatus: text('employment_status'),
    residenceType: text('residence_type').notNull().default('registered_resident'),
    relationToHead: text('relation_to_head'),
    /** active (在册) | moved_out (迁出) | deceased (死亡) — never hard-deleted. */
    status: text('status').notNull().default('active'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('residents_id_hash_key').on(t.idHash),
    index('residents_initials_idx').using('btree', sql`${t.nameInitials} text_pattern_ops`),
    index('residents_tail_idx').using('btree', sql`${t.idTailRev} text_pattern_ops`),
    // text_pattern_ops: phone search is a prefix search (LIKE '138%').
    index('residents_phone_idx').using('btree', sql`${t.phone} text_pattern_ops`),
    index('residents_household_idx').on(t.householdId),
    index('residents_grid_idx').on(t.gridId),
    // Sex and status ride along so that a community's capped count with those filters (women of a
    // community, women aged 80+) is an index-only scan: 5.5 → 2.3 ms at 100k (docs/performance.md).
    index('residents_community_birth_idx').on(t.communityId, t.birthDate, t.sex, t.status),
    // Keyset pagination of the list in each sort order (pinyin is ASCII: byte order is the right order);
    // in the C collation the pinyin index also serves prefix searches (LIKE 'wang%').
    index('residents_pinyin_order_idx').using('btree', sql`${t.namePinyin} COLLATE "C"`, t.id),
    index('residents_birth_order_idx').on(t.birthDate, t.id),
    index('residents_created_order_idx').on(t.createdAt, t.id),
  ],
);

/** History of moves between households and communities (迁入、迁出、户内调整、分户、并户). */
export const residentMoves = pgTable(
  'resident_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id').notNull(),
    /** The community the move lands in (scope key). */
    communityId: uuid('community_id').notNull(),
    moveType: text('move_type').notNull(),
    fromHouseholdId: uuid('from_household_id'),
    toHouseholdId: uuid('to_household_id'),
    fromCommunityId: uuid('from_community_id'),
    toCommunityId: uuid('to_community_id'),
    effectiveDate: date('effective_date').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resident_moves_resident_idx').on(t.residentId, t.effectiveDate),
    // The household page lists moves into and out of a household.
    index('resident_moves_from_household_idx').on(t.fromHouseholdId),
    index('resident_moves_to_household_idx').on(t.toHouseholdId),
  ],
);

/**
 * The search keys of names, kept by triggers on residents (migration 0007): each distinct character and
 * pair of adjacent characters of the name (王小明 → 王 小 明 王小 小明) and each prefix of two or more
 * letters of its pinyin initials (wxm → wx wxm). A search for 王 or wxm is one range of `(key, name_pinyin, resident_id)`,
 * already in the list's pinyin order, so the first page among a million residents reads twenty index
 * entries instead of sorting seventy thousand rows; the scope keys and status are in the index, so a
 * community worker's walk and the capped count need no table access. Longer fragments walk their first
 * pair and re-check the name.
 */
export const residentNameKeys = pgTable(
  'resident_name_keys',
  {
    key: text('key').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    residentId: uuid('resident_id').notNull(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id'),
    status: text('status').notNull(),
  },
  (t) => [
    index('resident_name_keys_walk_idx').using('btree', t.key, sql`${t.namePinyin} COLLATE "C"`, t.residentId, t.communityId, t.gridId, t.status),
    index('resident_name_keys_resident_idx').on(t.residentId),
  ],
);
