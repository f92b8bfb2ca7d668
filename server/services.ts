import type { Config } from './config';
import type { Database } from './db/client';
import { loadFieldCrypto } from './lib/crypto';
import { AccountsRepository } from './modules/accounts/accounts.repository';
import { AccountsService } from './modules/accounts/accounts.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthRepository } from './modules/auth/auth.repository';
import { AuthService } from './modules/auth/auth.service';
import { RegionsRepository } from './modules/regions/regions.repository';
import { RegionsService } from './modules/regions/regions.service';

/** Every feature's service, wired once. A feature calls another feature through these, never its repository. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  /** Personal-data encryption; the key file is created on first start. */
  const crypto = loadFieldCrypto(config);
  const audit = new AuditService(db, config.audit.retentionDays);
  const authRepo = new AuthRepository(db);
  const auth = new AuthService(authRepo, audit, config);
  const regions = new RegionsService(new RegionsRepository(db), audit);
  const accounts = new AccountsService(db, new AccountsRepository(db), authRepo, auth, audit);
  return { crypto, audit, auth, regions, accounts };
}

export type Services = ReturnType<typeof createServices>;
