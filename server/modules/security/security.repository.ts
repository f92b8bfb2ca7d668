import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { securitySettings } from './security.table';

export type SecuritySettingsRow = typeof securitySettings.$inferSelect;

/** The stored security settings (one row). */
export class SecurityRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<SecuritySettingsRow | undefined> {
    const rows = await this.db.select().from(securitySettings).where(eq(securitySettings.id, 1)).limit(1);
    return rows[0];
  }

  /** Writes the settings when `version` is the stored one (0: none stored yet); false on a stale version. */
  async save(version: number, settings: object, by: { userId: string; username: string }): Promise<SecuritySettingsRow | undefined> {
    if (version === 0) {
      const rows = await this.db
        .insert(securitySettings)
        .values({ id: 1, settings, version: 1, updatedBy: by.userId, updatedByName: by.username })
        .onConflictDoNothing()
        .returning();
      return rows[0];
    }
    const rows = await this.db
      .update(securitySettings)
      .set({ settings, version: sql`${securitySettings.version} + 1`, updatedAt: sql`now()`, updatedBy: by.userId, updatedByName: by.username })
      .where(sql`${securitySettings.id} = 1 AND ${securitySettings.version} = ${version}`)
      .returning();
    return rows[0];
  }
}
