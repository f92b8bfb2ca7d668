import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

const residents = queryKeys('residents');

describe('queryKeys', () => {
  it('builds every key from the root', () => {
    expect(residents.all).toEqual(['residents']);
    expect(residents.list()).toEqual(['residents', 'list']);
    expect(residents.list({ page: 2 })).toEqual(['residents', 'list', { page: 2 }]);
    expect(residents.detail('r1')).toEqual(['residents', 'detail', 'r1']);
    expect(residents.detail('r1', 'voters', { page: 1 })).toEqual(['residents', 'detail', 'r1', 'voters', { page: 1 }]);
    expect(residents.of('files', 'p1')).toEqual(['residents', 'files', 'p1']);
  });

  it('the same root gives the same keys wherever it is built', () => {
    expect(queryKeys('residents').detail('r1')).toEqual(residents.detail('r1'));
  });

  it('invalidating a prefix reaches what is under it and nothing else', async () => {
    const qc = new QueryClient();
    const keys = [residents.list({ page: 1 }), residents.list({ page: 2 }), residents.detail('r1'), residents.detail('r1', 'moves'), residents.of('settings')];
    const other = queryKeys('households').detail('r1');
    for (const k of [...keys, other]) qc.setQueryData(k, 1);
    const stale = () =>
      qc
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.isInvalidated)
        .map((q) => q.queryKey);

    await qc.invalidateQueries({ queryKey: residents.list() });
    expect(stale()).toEqual([residents.list({ page: 1 }), residents.list({ page: 2 })]);

    await qc.invalidateQueries({ queryKey: residents.detail('r1') });
    expect(stale()).toHaveLength(4);

    await qc.invalidateQueries({ queryKey: residents.all });
    expect(stale()).toEqual(keys);
    expect(qc.getQueryState(other)?.isInvalidated).toBe(false);
  });
});
