/**
 * The region the user is looking at, chosen in the header's picker and read by feature pages with
 * useRegion(). Limited to the user's own tree (GET /api/regions/tree); empty for users without regions.read,
 * whose pages then rely on the server's default scope.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { RegionNodeT } from '@shared/contracts/regions';
import { useRegionTree } from '../features/regions/api/get-region-tree';

export interface RegionState {
  /** The roots of the user's tree (one per grant). */
  roots: RegionNodeT[];
  /** The chosen region's id; defaults to the first root. Null without regions.read or before the tree loads. */
  regionId: string | null;
  /** The chosen region. */
  region: RegionNodeT | null;
  /** Chooses another region of the tree. */
  setRegionId: (id: string | null) => void;
  /** Looks a region up by id in the tree. */
  findRegion: (id: string) => RegionNodeT | null;
  isLoading: boolean;
}

const RegionContext = createContext<RegionState | null>(null);

function indexTree(roots: RegionNodeT[]): Map<string, RegionNodeT> {
  const map = new Map<string, RegionNodeT>();
  const walk = (n: RegionNodeT) => {
    map.set(n.id, n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return map;
}

const NO_ROOTS: RegionNodeT[] = [];

export function RegionProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const tree = useRegionTree(enabled);
  const roots = tree.data?.roots ?? NO_ROOTS;
  const index = useMemo(() => indexTree(roots), [roots]);
  const [chosen, setChosen] = useState<string | null>(null);
  // A choice outside the current tree (e.g. another user's) falls back to the first root.
  const regionId = chosen && index.has(chosen) ? chosen : (roots[0]?.id ?? null);
  const findRegion = useCallback((id: string) => index.get(id) ?? null, [index]);
  const value = useMemo<RegionState>(
    () => ({
      roots,
      regionId,
      region: regionId ? (index.get(regionId) ?? null) : null,
      setRegionId: setChosen,
      findRegion,
      isLoading: enabled && tree.isLoading,
    }),
    [roots, regionId, index, findRegion, enabled, tree.isLoading],
  );
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

/** The region chosen in the header (and the user's tree). */
export function useRegion(): RegionState {
  const ctx = useContext(RegionContext);
  if (!ctx) throw new Error('useRegion outside RegionProvider');
  return ctx;
}
