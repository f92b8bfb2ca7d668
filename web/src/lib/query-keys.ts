/** The first element of every query key: one per feature (or per kind of data a feature keeps apart). */
export type QueryRoot =
  | 'accounts'
  | 'audit'
  | 'auth'
  | 'award-rounds'
  | 'buildings'
  | 'cadres'
  | 'elections'
  | 'four-haves'
  | 'households'
  | 'imports'
  | 'me'
  | 'notices'
  | 'organisations'
  | 'projects'
  | 'regions'
  | 'residents'
  | 'security'
  | 'statistics'
  | 'workbench';

/**
 * The query keys of one root, all built the same way, so that a prefix reaches everything under it:
 * invalidating `all` refreshes the root's lists, details and the rest; `list()` every list, whatever the
 * parameters; `detail(id)` one record and what hangs under it (`detail(id, 'voters', params)`).
 * `of(...parts)` is any other query of the root (`of('settings')`, `of('files', premisesId)`).
 * A feature defines its keys once (`export const residentKeys = queryKeys('residents')`); another feature
 * that invalidates them builds the same keys with `queryKeys('residents').all`.
 */
export function queryKeys<const R extends QueryRoot>(root: R) {
  return {
    all: [root] as const,
    list: <const P extends [] | [params: unknown]>(...params: P) => [root, 'list', ...params] as const,
    detail: <const P extends unknown[]>(id: string, ...parts: P) => [root, 'detail', id, ...parts] as const,
    of: <const P extends unknown[]>(...parts: P) => [root, ...parts] as const,
  };
}
