import type { RegionNodeT } from '@shared/contracts/regions';

/** The communities in a region tree (organisations and cadres belong to a community). */
export function communitiesOf(roots: RegionNodeT[]): RegionNodeT[] {
  const out: RegionNodeT[] = [];
  const walk = (n: RegionNodeT) => {
    if (n.level === 'community') out.push(n);
    else if (n.level !== 'grid') n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** A code's label in the UI language. */
export const bi = (l: { zh: string; en: string }, lang: string) => (lang === 'en' ? l.en : l.zh);
