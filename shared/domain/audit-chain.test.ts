import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, verifyChain, type AuditFields } from './audit-chain';

function chain(n: number) {
  const out: (AuditFields & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f: AuditFields = {
      seq: i,
      at: `2026-11-26T00:00:0${i % 10}.000Z`,
      userId: null,
      username: 'u',
      ip: '127.0.0.1',
      action: 'x',
      objectType: null,
      objectId: String(i),
      communityId: null,
      outcome: 'success',
      details: { b: 1, a: [i] },
    };
    const hash = hashEntry(prev, f);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(5), GENESIS_HASH)).toEqual({ ok: true, checked: 5 });
  });

  it('finds an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2], username: 'mallory' };
    expect(verifyChain(c, GENESIS_HASH)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('finds a removed entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c, GENESIS_HASH)).toMatchObject({ ok: false, brokenAt: 3, reason: 'link_mismatch' });
  });

  it('hashes the same entry the same regardless of key order in details', () => {
    const f = chain(1)[0];
    const { prevHash, hash: _h, ...fields } = f;
    expect(hashEntry(prevHash, { ...fields, details: { a: [1], b: 1 } })).toBe(f.hash);
  });
});
