import { SwapOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { HouseholdDetail } from '@shared/contracts/households';
import { activeMembers, mayMoveOut } from '@shared/domain/households';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useHouseholdsT } from '../messages';

export type HouseholdMember = HouseholdDetail['members'][number];

/**
 * 家庭成员: every member on record, head first; with `onMove` (the household takes changes and the reader
 * may make them) a member who may move out on their own gets 迁往他户.
 */
export function HouseholdMembersTable({ household: h, onMove }: { household: HouseholdDetail; onMove?: (member: HouseholdMember) => void }) {
  const t = useHouseholdsT();
  const { lang } = useI18n();
  const activeCount = activeMembers(h.members).length;

  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, m) => (
        <Space size={4}>
          <Link to={`/residents/${m.id}`}>{name}</Link>
          {m.id === h.headResidentId && <Tag color="blue">{label('relation', 'head', lang)}</Tag>}
        </Space>
      ),
    },
    { title: t('member.relation'), dataIndex: 'relationToHead', key: 'relation', render: (v: string | null) => label('relation', v, lang) || '—' },
    { title: t('member.idNumber'), dataIndex: 'idMasked', key: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('member.sex'), dataIndex: 'sex', key: 'sex', width: 70, render: (s: 'M' | 'F') => t(`sex.${s}`) },
    { title: t('member.age'), dataIndex: 'age', key: 'age', width: 70, render: (age: number | null, m) => age ?? m.ageBand },
    {
      title: t('member.status'),
      dataIndex: 'status',
      key: 'status',
      width: 80,
      render: (v: string) => <Tag color={v === 'active' ? 'success' : 'default'}>{label('residentStatus', v, lang)}</Tag>,
    },
  ];
  if (onMove)
    columns.push({
      title: lang === 'en' ? 'Actions' : '操作',
      key: 'actions',
      width: 130,
      render: (_, m) =>
        mayMoveOut(m, h.headResidentId, activeCount) ? (
          <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => onMove(m)}>
            {t('member.move')}
          </Button>
        ) : null,
    });

  return (
    <Card variant="borderless" title={t('detail.members')} size="small">
      <Table<HouseholdMember>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={h.members}
        pagination={false}
        locale={{ emptyText: t('detail.noMembers') }}
        scroll={{ x: 800 }}
      />
      {h.hiddenMembers > 0 && <Typography.Text type="secondary">{t('detail.hiddenMembers', { n: h.hiddenMembers })}</Typography.Text>}
    </Card>
  );
}
