import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Input, Space, Table, Tag, theme, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailShell } from '../../../components/DetailShell';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useBuilding, type BuildingDetail } from '../api/get-building';
import { useBuildingsT } from '../messages';
import { DetailHeader } from '../../../components/DetailHeader';

type Row = BuildingDetail['householdList'][number];

/** 楼栋: the building's facts and the households in it. */
export function BuildingDetailPage() {
  const t = useBuildingsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const building = useBuilding(id);
  const [filter, setFilter] = useState('');

  return (
    <DetailShell query={building} notFoundTitle={t('detail.notFound')} backTo="/buildings" backLabel={t('detail.back')}>
      {(b) => {
        const f = filter.trim();
        const rows = f ? b.householdList.filter((h) => [h.room, h.headName, h.householdNumber, h.address].some((v) => v?.includes(f))) : b.householdList;
        const columns: TableColumnsType<Row> = [
          { title: t('hh.room'), dataIndex: 'room', key: 'room', render: (v: string | null, h) => <Link to={`/households/${h.id}`}>{v ?? h.address}</Link> },
          { title: t('hh.number'), dataIndex: 'householdNumber', key: 'number', render: (v: string | null) => v ?? '—' },
          {
            title: t('hh.head'),
            dataIndex: 'headName',
            key: 'head',
            render: (v: string | null, h) => (v && h.headResidentId ? <Link to={`/residents/${h.headResidentId}`}>{v}</Link> : '—'),
          },
          { title: t('hh.members'), dataIndex: 'memberCount', key: 'members', width: 80 },
          { title: t('hh.type'), dataIndex: 'householdType', key: 'type', width: 110, render: (v: string) => label('householdType', v, lang) },
          {
            title: t('hh.status'),
            dataIndex: 'status',
            key: 'status',
            width: 90,
            render: (v: string) => (
              <Tag color={v === 'active' ? 'success' : 'default'}>
                {v === 'active'
                  ? lang === 'en'
                    ? 'Active'
                    : '正常'
                  : v === 'merged'
                    ? lang === 'en'
                      ? 'Merged'
                      : '已并户'
                    : lang === 'en'
                      ? 'Dissolved'
                      : '已注销'}
              </Tag>
            ),
          },
        ];
        return (
          <>
            <DetailHeader
              title={b.name}
              back="/buildings"
              backLabel={t('detail.back')}
              extra={
                <Button icon={<PrinterOutlined />} onClick={() => navigate(`/buildings/${b.id}/sheet`)}>
                  {t('sheet.print')}
                </Button>
              }
            />
            <Space orientation="vertical" size={token.marginMD} style={{ width: '100%' }}>
              <Card variant="borderless" size="small" title={t('detail.info')}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2, lg: 4 }}
                  items={[
                    { key: 'address', label: t('col.address'), children: b.address },
                    { key: 'community', label: t('col.community'), children: b.communityName },
                    { key: 'grid', label: t('col.grid'), children: b.gridName },
                    { key: 'households', label: t('col.households'), children: b.households },
                    { key: 'floors', label: t('col.floors'), children: b.floors },
                    { key: 'units', label: t('col.units'), children: b.units },
                    { key: 'built', label: t('col.builtYear'), children: b.builtYear ?? '—' },
                  ]}
                />
              </Card>
              <Card
                variant="borderless"
                size="small"
                title={t('detail.households')}
                extra={
                  <Input.Search
                    aria-label={t('hh.search')}
                    placeholder={t('hh.search')}
                    allowClear
                    onChange={(e) => setFilter(e.target.value)}
                    style={{ width: 220 }}
                  />
                }
              >
                <Table<Row>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={rows}
                  pagination={rows.length > 50 ? { pageSize: 50 } : false}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHouseholds')} /> }}
                />
              </Card>
            </Space>
          </>
        );
      }}
    </DetailShell>
  );
}
