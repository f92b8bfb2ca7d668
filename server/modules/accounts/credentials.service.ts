import { transaction, type Db } from '../../db/client';
import type { AccountsRepository, Attempt } from './accounts.repository';

/**
 * The sign-in state of an account — failed attempts and lock, password and its history, second factor,
 * display preference — written for the auth module. `users` belongs to the accounts module (an account is
 * created, named, disabled and granted here); sign-in only changes some of its columns, so it asks this
 * service rather than writing the table itself (one owner per table, docs/architecture.md). It depends on
 * nothing but the repository, so AuthService can use it while AccountsService uses AuthService.
 * Each method runs in `tx` when given (the caller's transaction), else on its own.
 */
export class CredentialsService {
  constructor(
    private readonly db: Db,
    private readonly repo: AccountsRepository,
  ) {}

  /** Counts a failed sign-in (or re-authentication), locking the account at `threshold` for `lockMinutes`. */
  recordFailure(userId: string, threshold: number, lockMinutes: number, tx?: Db): Promise<Attempt> {
    return this.repo.recordFailure(userId, threshold, lockMinutes, tx);
  }

  /** Forgets the failed attempts, which ends a lock. */
  clearFailures(userId: string, tx?: Db): Promise<void> {
    return this.repo.clearFailures(userId, tx);
  }

  /**
   * Replaces the password (already hashed) in one transaction: the old hash goes to the history, which keeps
   * the `keep` newest (PASSWORD_HISTORY); failed attempts and the lock are cleared.
   */
  setPassword(userId: string, passwordHash: string, mustChange: boolean, keep: number, tx?: Db): Promise<void> {
    const run = async (t: Db) => {
      const old = await this.repo.lockPasswordHash(t, userId);
      if (old === undefined) return;
      await this.repo.setPasswordHash(t, userId, passwordHash, mustChange);
      if (keep > 0) await this.repo.addPasswordHistory(t, userId, old);
      await this.repo.trimPasswordHistory(t, userId, keep);
    };
    return tx ? run(tx) : transaction(this.db, run);
  }

  /** Stores a new secret to enrol (encrypted); the factor in force (if any) stays until it is enabled. */
  setPendingTotp(userId: string, cipher: Buffer, tx?: Db): Promise<void> {
    return this.repo.setPendingTotp(userId, cipher, tx);
  }

  /** Puts the enrolled secret in force if it is still `cipher`; false when another setup replaced it. */
  enableTotp(userId: string, step: number, cipher: Buffer, tx?: Db): Promise<boolean> {
    return this.repo.enableTotp(userId, step, cipher, tx);
  }

  /** Records a code's time step as used (one conditional UPDATE); false when it or a later one was used. */
  claimTotpStep(userId: string, step: number, tx?: Db): Promise<boolean> {
    return this.repo.claimTotpStep(userId, step, tx);
  }

  /** Removes the second factor. */
  clearTotp(userId: string, tx?: Db): Promise<void> {
    return this.repo.clearTotp(userId, tx);
  }

  /** Keeps the account's text size (shared/domain/text-size.ts). */
  setTextSize(userId: string, textSize: string, tx?: Db): Promise<void> {
    return this.repo.setTextSize(userId, textSize, tx);
  }
}
