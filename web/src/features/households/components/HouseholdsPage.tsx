import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Tag, type TableColumnsType } from 'antd';
import { withQuery } from '../../../lib/api';
import { Link } from 'react-router-dom';
import { useRegion } from '../../../app/region-context';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/use-list-state';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useHouseholds, type Household } from '../api/list-households';
import { useHouseholdsT, type HouseholdsMessageKey } from '../messages';
import { HOUSEHOLD_STATUSES } from '../statuses';

/** A household status as a tag (正常 / 已并户 / 已注销). */
export function HouseholdStatusTag({ status }: { status: string }) {
  const t = useHouseholdsT();
  const colour = status === 'active' ? 'success' : 'default';
  return <Tag color={colour}>{(HOUSEHOLD_STATUSES as readonly string[]).includes(status) ? t(`status.${status}` as HouseholdsMessageKey) : status}</Tag>;
}

/** 家庭户: search by address or household number within the chosen region. */
export function HouseholdsPage() {
  const t = useHouseholdsT();
  const i18n = useI18n();
  const { lang } = i18n;
  const { regionId } = useRegion();
  const state = useListState({ status: 'active' });
  const status = state.filters.status as (typeof HOUSEHOLD_STATUSES)[number] | 'all';
  const households = useHouseholds({ q: state.q || undefined, regionId: regionId ?? undefined, status, page: state.page, pageSize: state.pageSize });
  const columns: TableColumnsType<Household> = [
    { title: t('col.address'), dataIndex: 'address', key: 'address', render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link> },
    { title: t('col.number'), dataIndex: 'householdNumber', key: 'number', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('col.head'),
      dataIndex: 'headName',
      key: 'head',
      width: 100,
      render: (v: string | null, h) => (v && h.headResidentId ? <Link to={`/residents/${h.headResidentId}`}>{v}</Link> : '—'),
    },
    { title: t('col.members'), dataIndex: 'memberCount', key: 'members', width: 80 },
    { title: t('col.grid'), dataIndex: 'gridName', key: 'grid', width: 130 },
    {
      title: t('col.building'),
      dataIndex: 'buildingName',
      key: 'building',
      width: 150,
      render: (v: string | null, h) => (v && h.buildingId ? <Link to={`/buildings/${h.buildingId}`}>{v}</Link> : '—'),
    },
    { title: t('col.type'), dataIndex: 'householdType', key: 'type', width: 100, render: (v: string) => label('householdType', v, lang) },
    { title: t('col.status'), dataIndex: 'status', key: 'status', width: 90, render: (v: string) => <HouseholdStatusTag status={v} /> },
  ];
  return (
    <ListPage<Household>
      title={t('list.title')}
      state={state}
      query={households}
      columns={columns}
      rowKey="id"
      searchLabel={t('list.search')}
      emptyText={t('list.empty')}
      scrollX={1000}
      actions={
        <Button
          icon={<DownloadOutlined />}
          href={withQuery('/api/households/export', { q: state.q || undefined, regionId: regionId ?? undefined, status })}
          download
        >
          {i18n.t('common.exportExcel')}
        </Button>
      }
      filters={
        <Select
          aria-label={t('col.status')}
          value={status}
          onChange={(v) => state.set({ status: v })}
          options={[...HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), { value: 'all', label: t('list.statusAll') }]}
          style={{ width: 110 }}
        />
      }
    />
  );
}
