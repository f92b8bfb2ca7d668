import { Card, Empty, Flex, Input, Select, Table, Tag, theme, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
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
  const { t: tt, lang } = useI18n();
  const { token } = theme.useToken();
  const { regionId } = useRegion();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') as (typeof HOUSEHOLD_STATUSES)[number] | 'all' | null) ?? 'active';
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

  const households = useHouseholds({ q: q || undefined, regionId: regionId ?? undefined, status, page, pageSize });
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
    <>
      <PageHeader title={t('list.title')} />
      <Card variant="borderless" size="small">
        <Flex wrap gap={token.marginXS} style={{ marginBottom: token.marginSM }} role="search">
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
          <Select
            aria-label={t('col.status')}
            value={status}
            onChange={(v) => set({ status: v === 'active' ? undefined : v })}
            options={[...HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), { value: 'all', label: t('list.statusAll') }]}
            style={{ width: 110 }}
          />
        </Flex>
        <Table<Household>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={households.data?.items}
          loading={households.isFetching}
          locale={{
            emptyText: households.isPending ? (
              ' '
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={households.isError ? households.error.message : t('list.empty')} />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: households.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tt('common.total', { n }),
            onChange: (p, size) => set(size !== pageSize ? { pageSize: size } : { page: p }),
          }}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
}
