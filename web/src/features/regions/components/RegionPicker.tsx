import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useRegion } from '../../../app/region-context';
import { useI18n } from '../../../lib/i18n';
import { toTreeData } from '../region-label';

/** The header's region picker: the user's own tree only; the choice feeds useRegion(). `compact` on phones. */
export function RegionPicker({ compact = false }: { compact?: boolean }) {
  const { t, lang } = useI18n();
  const { roots, regionId, setRegionId, isLoading } = useRegion();
  const treeData = useMemo(() => toTreeData(roots, lang), [roots, lang]);
  return (
    <TreeSelect
      aria-label={t('header.region')}
      // On a phone it shares the header with the menu button: it takes what is left, never less than 120 px.
      style={compact ? { flex: '1 1 auto', minWidth: 120, maxWidth: 220 } : { minWidth: 200 }}
      popupMatchSelectWidth={280}
      treeData={treeData}
      value={regionId ?? undefined}
      onChange={(v: string) => setRegionId(v)}
      placeholder={t('header.regionPlaceholder')}
      loading={isLoading}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={roots.map((r) => r.id)}
      showSearch={{ treeNodeFilterProp: 'title' }}
    />
  );
}
