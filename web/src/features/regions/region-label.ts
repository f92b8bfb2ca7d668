import type { RegionNodeT } from '@shared/contracts/regions';
import type { Lang } from '../../lib/i18n';

/** A region's name in the UI language (English falls back to the Chinese name). */
export const regionLabel = (region: Pick<RegionNodeT, 'name' | 'nameEn'>, lang: Lang) => (lang === 'en' && region.nameEn ? region.nameEn : region.name);

/** Tree data for antd Tree/TreeSelect. */
export interface RegionTreeData {
  value: string;
  key: string;
  title: string;
  children: RegionTreeData[];
}

/** Converts the region tree for antd, down to a level (grids included by default). */
export function toTreeData(nodes: RegionNodeT[], lang: Lang, maxLevel: RegionNodeT['level'] = 'grid'): RegionTreeData[] {
  const order = ['city', 'street', 'community', 'grid'];
  const limit = order.indexOf(maxLevel);
  return nodes
    .filter((n) => order.indexOf(n.level) <= limit)
    .map((n) => ({ value: n.id, key: n.id, title: regionLabel(n, lang), children: toTreeData(n.children, lang, maxLevel) }));
}
