import { createHash } from 'node:crypto';

/** The fields of an audit entry that the hash covers. */
export interface AuditFields {
  seq: number;
  at: string;
  userId: string | null;
  username: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  communityId: string | null;
  outcome: string;
  details: unknown;
}

/** The chain's anchor: the previous hash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash = SHA-256(prevHash ‖ canonical entry). */
export function hashEntry(prevHash: string, entry: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** Result of walking a chain. */
export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/**
 * Walks entries in order and reports the first broken link. `anchor` is the prevHash the first
 * entry must carry (GENESIS_HASH unless older entries were purged by retention).
 */
export function verifyChain(entries: Iterable<AuditFields & { prevHash: string; hash: string }>, anchor?: string): ChainVerdict {
  let expectedPrev = anchor;
  let checked = 0;
  for (const e of entries) {
    if (expectedPrev !== undefined && e.prevHash !== expectedPrev) return { ok: false, checked, brokenAt: e.seq, reason: 'link_mismatch' };
    const { prevHash, hash, ...fields } = e;
    if (hashEntry(prevHash, fields) !== hash) return { ok: false, checked, brokenAt: e.seq, reason: 'hash_mismatch' };
    expectedPrev = hash;
    checked++;
  }
  return { ok: true, checked };
}
