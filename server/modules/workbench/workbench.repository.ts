import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/sql';

/** The kinds of record the 工作台 lists as recent (audit object types). */
export const RECENT_TYPES = ['resident', 'household'] as const;
export type RecentType = (typeof RECENT_TYPES)[number];

/** Reads (never writes) the audit log for the records a user touched lately. */
export class WorkbenchRepository {
  constructor(private readonly db: Db) {}

  /**
   * The user's last successful action on each resident or household in the last 90 days, newest first:
   * one row per record.
   */
  recentObjects(userId: string, limit: number) {
    return rowsOf<{ type: RecentType; id: string; action: string; at: string }>(
      this.db,
      sql`SELECT type, id, action, at FROM (
            SELECT DISTINCT ON (object_type, object_id) object_type AS type, object_id AS id, action, to_json(at)#>>'{}' AS at, seq
            FROM audit_log
            WHERE user_id = ${userId}::uuid AND outcome = 'success' AND object_type IN ('resident', 'household')
              AND object_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              AND at > now() - interval '90 days'
            ORDER BY object_type, object_id, seq DESC
          ) last ORDER BY seq DESC LIMIT ${limit}`,
    );
  }
}
