import { Card, Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import type { HouseholdDetail } from '@shared/contracts/households';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useHouseholdsT } from '../messages';

/** 户信息: number, head, type, size and where the household is. */
export function HouseholdInfoCard({ household: h }: { household: HouseholdDetail }) {
  const t = useHouseholdsT();
  const { lang } = useI18n();
  return (
    <Card variant="borderless" title={t('detail.info')} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'number', label: t('col.number'), children: h.householdNumber ?? '—' },
          { key: 'head', label: t('col.head'), children: h.headName ?? '—' },
          { key: 'type', label: t('col.type'), children: label('householdType', h.householdType, lang) },
          { key: 'members', label: t('col.members'), children: h.memberCount },
          { key: 'community', label: t('detail.community'), children: h.communityName },
          { key: 'grid', label: t('col.grid'), children: h.gridName },
          {
            key: 'building',
            label: t('col.building'),
            children: h.buildingId && h.buildingName ? <Link to={`/buildings/${h.buildingId}`}>{h.buildingName}</Link> : '—',
          },
          { key: 'room', label: t('split.room'), children: h.room ?? '—' },
        ]}
      />
    </Card>
  );
}
