import { Card, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { HouseholdDetail } from '@shared/contracts/households';
import { useI18n } from '../../../lib/i18n';
import { useHouseholdsT, type HouseholdsMessageKey } from '../messages';

type Move = HouseholdDetail['moves'][number];

const MOVE_TYPES: Record<string, { zh: string; en: string }> = {
  transfer: { zh: '转户', en: 'Transfer' },
  split: { zh: '分户', en: 'Split' },
  merge: { zh: '并户', en: 'Merge' },
  register: { zh: '登记', en: 'Registered' },
  move_in: { zh: '迁入', en: 'Moved in' },
  move_out: { zh: '迁出', en: 'Moved out' },
  deceased: { zh: '死亡', en: 'Deceased' },
  reinstate: { zh: '恢复在册', en: 'Reinstated' },
};
const moveTypeLabel = (type: string, lang: string) => (MOVE_TYPES[type] ? (lang === 'en' ? MOVE_TYPES[type].en : MOVE_TYPES[type].zh) : type);

function householdRef(id: string | null, self: string, t: (k: HouseholdsMessageKey) => string) {
  if (!id) return '—';
  if (id === self) return t('moves.this');
  return <Link to={`/households/${id}`}>{t('moves.other')}</Link>;
}

/** 迁移记录: who moved in or out of the household, when, from and to where, and why. */
export function HouseholdMovesTable({ household: h }: { household: HouseholdDetail }) {
  const t = useHouseholdsT();
  const { lang } = useI18n();
  const columns: TableColumnsType<Move> = [
    { title: t('moves.date'), dataIndex: 'effectiveDate', key: 'date', width: 120 },
    {
      title: t('moves.resident'),
      dataIndex: 'residentName',
      key: 'who',
      render: (v: string | null, m) => <Link to={`/residents/${m.residentId}`}>{v ?? '—'}</Link>,
    },
    { title: t('moves.type'), dataIndex: 'moveType', key: 'type', width: 110, render: (v: string) => <Tag>{moveTypeLabel(v, lang)}</Tag> },
    { title: t('moves.from'), dataIndex: 'fromHouseholdId', key: 'from', render: (v: string | null) => householdRef(v, h.id, t) },
    { title: t('moves.to'), dataIndex: 'toHouseholdId', key: 'to', render: (v: string | null) => householdRef(v, h.id, t) },
    { title: t('moves.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card variant="borderless" title={t('detail.moves')} size="small">
      <Table<Move>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={h.moves}
        pagination={h.moves.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noMoves')} /> }}
        scroll={{ x: 800 }}
      />
    </Card>
  );
}
