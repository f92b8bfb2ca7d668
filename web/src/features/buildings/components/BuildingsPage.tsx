import { Card, Empty, Flex, Input, Table, theme, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useBuildings, type Building } from '../api/list-buildings';
import { useBuildingsT } from '../messages';

/** 楼栋: the buildings of the chosen region, searchable by name or address. */
export function BuildingsPage() {
  const t = useBuildingsT();
  const { t: tt } = useI18n();
  const { token } = theme.useToken();
  const { regionId } = useRegion();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [text, setText] = useState(q);
  const set = (patch: Record<string, string | number | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => set({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [text]);

  const buildings = useBuildings({ q: q || undefined, regionId: regionId ?? undefined, page, pageSize });
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
    <>
      <PageHeader title={t('list.title')} />
      <Card variant="borderless" size="small">
        <Flex style={{ marginBottom: token.marginSM }} role="search">
          <Input.Search
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            allowClear
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() })}
            style={{ maxWidth: 420 }}
          />
        </Flex>
        <Table<Building>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={buildings.data?.items}
          loading={buildings.isFetching}
          locale={{
            emptyText: buildings.isPending ? (
              ' '
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={buildings.isError ? buildings.error.message : t('list.empty')} />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: buildings.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tt('common.total', { n }),
            onChange: (p, size) => set(size !== pageSize ? { pageSize: size } : { page: p }),
          }}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
}
