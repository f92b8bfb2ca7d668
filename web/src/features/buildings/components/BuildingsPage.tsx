import { DownloadOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import { withQuery } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { Link } from 'react-router-dom';
import { useRegion } from '../../../app/region-context';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/use-list-state';
import { useBuildings, type Building } from '../api/list-buildings';
import { useBuildingsT } from '../messages';

/** 楼栋: the buildings of the chosen region, searchable by name or address. */
export function BuildingsPage() {
  const t = useBuildingsT();
  const { regionId } = useRegion();
  const state = useListState();
  const i18n = useI18n();
  const buildings = useBuildings({ q: state.q || undefined, regionId: regionId ?? undefined, page: state.page, pageSize: state.pageSize });
  const columns: TableColumnsType<Building> = [
    { title: t('col.name'), dataIndex: 'name', key: 'name', render: (v: string, b) => <Link to={`/buildings/${b.id}`}>{v}</Link> },
    { title: t('col.address'), dataIndex: 'address', key: 'address' },
    { title: t('col.floors'), dataIndex: 'floors', key: 'floors', width: 80 },
    { title: t('col.units'), dataIndex: 'units', key: 'units', width: 80 },
    { title: t('col.builtYear'), dataIndex: 'builtYear', key: 'builtYear', width: 100, render: (v: number | null) => v ?? '—' },
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 110 },
    { title: t('col.grid'), dataIndex: 'gridName', key: 'grid', width: 130 },
    { title: t('col.households'), dataIndex: 'households', key: 'households', width: 90 },
  ];
  return (
    <ListPage<Building>
      title={t('list.title')}
      state={state}
      query={buildings}
      columns={columns}
      rowKey="id"
      searchLabel={t('list.search')}
      emptyText={t('list.empty')}
      scrollX={900}
      actions={
        <Button icon={<DownloadOutlined />} href={withQuery('/api/buildings/export', { q: state.q || undefined, regionId: regionId ?? undefined })} download>
          {i18n.t('common.exportExcel')}
        </Button>
      }
    />
  );
}
