import { transaction, type Db } from '../../db/client';
import type { AccountsRepository, Attempt } from './accounts.repository';

/**
 * The sign-in state of an account — failed attempts and lock, password and its history, second factor,
 * display preference — written for the auth module. `users` belongs to the accounts module (an account is
 * created, named, disabled and granted here); sign-in only changes some of its columns, so it asks this
 * service rather than writing the table itself (one owner per table, docs/architecture.md). It depends on
 * nothing but the repository, so AuthService can use it while AccountsService uses AuthService.
 * Each method runs in the caller's transaction when one is running, else on its own.
 */
export class CredentialsService {
  constructor(
    private readonly db: Db,
    private readonly repo: AccountsRepository,
  ) {}

  /** Counts a failed sign-in (or re-authentication), locking the account at `threshold` for `lockMinutes`. */
  recordFailure(userId: string, threshold: number, lockMinutes: number): Promise<Attempt> {
    return this.repo.recordFailure(userId, threshold, lockMinutes);
  }

  /** Forgets the failed attempts, which ends a lock. */
  clearFailures(userId: string): Promise<void> {
    return this.repo.clearFailures(userId);
  }

  /**
   * Replaces the password (already hashed) in one transaction: the old hash goes to the history, which keeps
   * the `keep` newest (PASSWORD_HISTORY); failed attempts and the lock are cleared.
   */
  setPassword(userId: string, passwordHash: string, mustChange: boolean, keep: number): Promise<void> {
    const run = async () => {
      const old = await this.repo.lockPasswordHash(userId);
      if (old === undefined) return;
      await this.repo.setPasswordHash(userId, passwordHash, mustChange);
      if (keep > 0) await this.repo.addPasswordHistory(userId, old);
      await this.repo.trimPasswordHistory(userId, keep);
    };
    return transaction(this.db, run);
  }

  /** Stores a new secret to enrol (encrypted); the factor in force (if any) stays until it is enabled. */
  setPendingTotp(userId: string, cipher: Buffer): Promise<void> {
    return this.repo.setPendingTotp(userId, cipher);
  }

  /** Puts the enrolled secret in force if it is still `cipher`; false when another setup replaced it. */
  enableTotp(userId: string, step: number, cipher: Buffer): Promise<boolean> {
    return this.repo.enableTotp(userId, step, cipher);
  }

  /** Records a code's time step as used (one conditional UPDATE); false when it or a later one was used. */
  claimTotpStep(userId: string, step: number): Promise<boolean> {
    return this.repo.claimTotpStep(userId, step);
  }

  /** Removes the second factor. */
  clearTotp(userId: string): Promise<void> {
    return this.repo.clearTotp(userId);
  }

  /** Keeps the account's text size (shared/domain/text-size.ts). */
  setTextSize(userId: string, textSize: string): Promise<void> {
    return this.repo.setTextSize(userId, textSize);
  }
}
