import { DownloadOutlined, MenuFoldOutlined, MenuUnfoldOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  InputNumber,
  Popover,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Tree,
  Typography,
  theme,
  type InputRef,
  type TableColumnsType,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { careGroupsReadableWith, RESIDENCE_TYPES, RESIDENT_STATUSES, type CareGroup, type ResidenceType, type ResidentStatus } from '@shared/domain/registry';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { toTreeData } from '../../regions/region-label';
import { exportResidentsUrl, useResidents, type ResidentListItem, type ResidentsFilterParams } from '../api/list-residents';
import { label, options } from '../labels';
import { RESIDENTS_EXPORT_CAP, RESIDENTS_TOTAL_CAP } from '../limits';
import { useResidentsT } from '../messages';
import { CardList } from '../../../components/list/CardList';
import { CreateResidentDrawer } from './CreateResidentDrawer';
import { CareGroupTags, StatusTag } from './tags';

const PAGE_SIZES = [20, 50, 100];
const num = (v: string | null) => (v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

/** The list's filters live in the address, so that going back from a resident returns to the same page. */
function useListState() {
  const [params, setParams] = useSearchParams();
  const state = {
    q: params.get('q') ?? '',
    careGroup: (params.get('careGroup') as CareGroup | null) ?? undefined,
    ageMin: num(params.get('ageMin')),
    ageMax: num(params.get('ageMax')),
    sex: (params.get('sex') as 'M' | 'F' | null) ?? undefined,
    residenceType: (params.get('residenceType') as ResidenceType | null) ?? undefined,
    status: (params.get('status') as ResidentStatus | 'all' | null) ?? 'active',
    unplaced: params.get('unplaced') === 'true' ? ('true' as const) : undefined,
    sort: (params.get('sort') as 'name' | 'birthDate' | null) ?? 'name',
    order: (params.get('order') as 'asc' | 'desc' | null) ?? 'asc',
    page: num(params.get('page')) ?? 1,
    pageSize: num(params.get('pageSize')) ?? 20,
  };
  /** Changes some values; any change but the page's own goes back to page 1. */
  const update = (patch: Partial<typeof state>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in patch)) next.delete('page');
        if (next.get('status') === 'active') next.delete('status');
        return next;
      },
      { replace: true },
    );
  return [state, update, () => setParams({}, { replace: true })] as const;
}

/** 居民信息: the region tree beside a searchable, filterable, sortable resident table. */
export function ResidentsPage() {
  const t = useResidentsT();
  const { t: tt, lang } = useI18n();
  const { token } = theme.useToken();
  const { can } = useSession();
  const { roots, regionId, setRegionId } = useRegion();
  const [state, update, clear] = useListState();
  const [text, setText] = useState(state.q);
  // The 工作台's 登记居民 shortcut opens the form at once (?create=1).
  const [creating, setCreating] = useState(() => new URLSearchParams(window.location.search).get('create') === '1');
  const search = useRef<InputRef>(null);
  // Phones get cards and no region tree (the header's region picker still narrows the list).
  const phone = Grid.useBreakpoint().md === false;
  // The worker's layout choices at an office width: the region tree shown or folded, the columns shown.
  const [treeOpen, setTreeOpen] = useStoredState('shequ.residents.tree', true);
  const [hidden, setHidden] = useStoredState<string[]>('shequ.residents.hiddenColumns', []);

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if (text.trim() === state.q) return;
    const timer = setTimeout(() => update({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [text]);

  // "/" jumps to the search box from anywhere on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      e.preventDefault();
      search.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A new region (tree or header picker) starts again at page 1.
  const lastRegion = useRef(regionId);
  useEffect(() => {
    if (lastRegion.current !== regionId && lastRegion.current !== null) update({ page: undefined });
    lastRegion.current = regionId;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to the region only
  }, [regionId]);

  const filter: ResidentsFilterParams = {
    q: state.q || undefined,
    regionId: regionId ?? undefined,
    careGroup: state.careGroup,
    ageMin: state.ageMin,
    ageMax: state.ageMax,
    sex: state.sex,
    residenceType: state.residenceType,
    status: state.status,
    unplaced: state.unplaced,
    sort: state.sort,
    order: state.order,
  };
  const residents = useResidents({ ...filter, page: state.page, pageSize: state.pageSize });
  const filtered = Boolean(
    state.q ||
    state.careGroup ||
    state.ageMin !== undefined ||
    state.ageMax !== undefined ||
    state.sex ||
    state.residenceType ||
    state.status !== 'active' ||
    state.unplaced,
  );

  const treeData = useMemo(() => toTreeData(roots, lang), [roots, lang]);
  const expanded = useMemo(() => {
    const keys: string[] = [];
    // Roots open (a community worker sees their grids), and city and street levels below them.
    const walk = (list: typeof roots, root: boolean) =>
      list.forEach((n) => (root || (n.level !== 'community' && n.level !== 'grid')) && (keys.push(n.id), walk(n.children, false)));
    walk(roots, true);
    return keys;
  }, [roots]);

  const careOptions = options('careGroup', lang, careGroupsReadableWith(can));
  const sortOrder = (key: 'name' | 'age') => {
    if (key === 'name') return state.sort === 'name' ? (state.order === 'asc' ? 'ascend' : 'descend') : null;
    // Older first = earlier birth date first.
    return state.sort === 'birthDate' ? (state.order === 'asc' ? 'descend' : 'ascend') : null;
  };

  const columns: TableColumnsType<ResidentListItem> = [
    {
      title: t('col.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 110,
      render: (name: string, r) => <Link to={`/residents/${r.id}`}>{name}</Link>,
    },
    { title: t('col.sex'), dataIndex: 'sex', key: 'sex', width: 64, render: (s: 'M' | 'F') => t(`sex.${s}`) },
    // Without residents.reveal the server sends a 5-year band and refuses the birth-date sort (the search oracle).
    {
      title: t('col.age'),
      dataIndex: 'age',
      key: 'age',
      sorter: can('residents.reveal'),
      sortOrder: sortOrder('age'),
      width: 80,
      render: (age: number | null, r) => age ?? r.ageBand,
    },
    { title: t('col.idNumber'), dataIndex: 'idMasked', key: 'idMasked', width: 180, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('col.phone'), dataIndex: 'phoneMasked', key: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('col.residenceType'), dataIndex: 'residenceType', key: 'residenceType', width: 110, render: (v: string) => label('residenceType', v, lang) },
    {
      title: t('col.grid'),
      dataIndex: 'gridName',
      key: 'grid',
      width: 120,
      render: (v: string | null) => v ?? <Tag color="warning">{t('list.unplaced')}</Tag>,
    },
    { title: t('col.address'), dataIndex: 'address', key: 'address', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
    {
      title: t('col.careGroups'),
      dataIndex: 'careGroups',
      key: 'careGroups',
      width: 160,
      fixed: 'right',
      render: (v: CareGroup[]) => <CareGroupTags groups={v} />,
    },
    { title: t('col.status'), dataIndex: 'status', key: 'status', width: 80, fixed: 'right', render: (v: string) => <StatusTag status={v} /> },
  ];

  const optionalColumns = columns.filter((c) => c.key !== 'name');
  const visibleColumns = columns.filter((c) => !hidden.includes(String(c.key)));
  // Wide enough for every shown column; the address takes what is left (at least 200 px).
  const tableWidth = visibleColumns.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 200), 0);
  const columnChooser = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('list.columns')}
      content={
        <Checkbox.Group
          style={{ display: 'grid', gap: token.marginXXS }}
          value={optionalColumns.map((c) => String(c.key)).filter((k) => !hidden.includes(k))}
          options={optionalColumns.map((c) => ({ value: String(c.key), label: c.title as string }))}
          onChange={(shown) => setHidden(optionalColumns.map((c) => String(c.key)).filter((k) => !shown.includes(k)))}
        />
      }
    >
      <Button icon={<SettingOutlined />} aria-label={t('list.columns')}>
        {t('list.columns')}
      </Button>
    </Popover>
  );

  const total = residents.data?.total ?? 0;
  const empty = (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={residents.isError ? residents.error.message : t('list.empty')}>
      {!residents.isError && filtered && <Typography.Text type="secondary">{t('list.emptyHint')}</Typography.Text>}
      {!residents.isError && filtered && (
        <div style={{ marginTop: token.marginSM }}>
          <Button
            onClick={() => {
              setText('');
              clear();
            }}
          >
            {t('list.reset')}
          </Button>
        </div>
      )}
      {!residents.isError && !filtered && can('residents.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('list.emptyRegister')}
        </Button>
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <Space wrap>
            {can('residents.export') && (
              <Tooltip title={t('list.exportHint', { n: RESIDENTS_EXPORT_CAP.toLocaleString() })}>
                <Button icon={<DownloadOutlined />} href={exportResidentsUrl(filter)} download>
                  {t('list.export')}
                </Button>
              </Tooltip>
            )}
            {can('residents.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('list.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[token.marginMD, token.marginMD]} wrap>
        {roots.length > 0 && !phone && treeOpen && (
          <Col xs={24} lg={5} xxl={4}>
            <Card
              variant="borderless"
              title={t('list.regionTree')}
              size="small"
              extra={
                <Button
                  type="text"
                  size="small"
                  icon={<MenuFoldOutlined />}
                  aria-label={t('list.treeHide')}
                  title={t('list.treeHide')}
                  onClick={() => setTreeOpen(false)}
                />
              }
              styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflow: 'auto' } }}
            >
              <nav aria-label={t('list.regionTree')}>
                <Tree
                  treeData={treeData}
                  selectedKeys={regionId ? [regionId] : []}
                  defaultExpandedKeys={expanded}
                  onSelect={(keys) => keys[0] && setRegionId(String(keys[0]))}
                  blockNode
                />
              </nav>
            </Card>
          </Col>
        )}
        <Col xs={24} lg={roots.length && treeOpen ? 19 : 24} xxl={roots.length && treeOpen ? 20 : 24}>
          <Card variant="borderless" size="small">
            <Flex wrap gap={token.marginXS} style={{ marginBottom: token.marginSM }} role="search">
              {roots.length > 0 && !phone && !treeOpen && (
                <Button icon={<MenuUnfoldOutlined />} onClick={() => setTreeOpen(true)}>
                  {t('list.treeShow')}
                </Button>
              )}
              <Input.Search
                ref={search}
                aria-label={t('list.searchLabel')}
                placeholder={t('list.searchPlaceholder')}
                title={t('list.searchHint')}
                allowClear
                autoFocus
                value={text}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => update({ q: v.trim() })}
                style={{ flex: '1 1 320px', maxWidth: 480 }}
              />
              <Select
                aria-label={t('list.careGroup')}
                placeholder={t('list.careGroup')}
                allowClear
                value={state.careGroup}
                onChange={(v) => update({ careGroup: v })}
                options={careOptions}
                style={{ width: 150 }}
                popupMatchSelectWidth={false}
              />
              <Space.Compact>
                <InputNumber
                  aria-label={t('list.ageMin')}
                  placeholder={t('list.ageMin')}
                  min={0}
                  max={150}
                  precision={0}
                  value={state.ageMin ?? null}
                  onChange={(v) => update({ ageMin: v ?? undefined })}
                  style={{ width: 96 }}
                />
                <InputNumber
                  aria-label={t('list.ageMax')}
                  placeholder={t('list.ageMax')}
                  min={0}
                  max={150}
                  precision={0}
                  value={state.ageMax ?? null}
                  onChange={(v) => update({ ageMax: v ?? undefined })}
                  style={{ width: 96 }}
                />
              </Space.Compact>
              <Select
                aria-label={t('list.sex')}
                placeholder={t('list.sex')}
                allowClear
                value={state.sex}
                onChange={(v) => update({ sex: v })}
                options={[
                  { value: 'M', label: t('sex.M') },
                  { value: 'F', label: t('sex.F') },
                ]}
                style={{ width: 80 }}
              />
              <Select
                aria-label={t('list.residenceType')}
                placeholder={t('list.residenceType')}
                allowClear
                value={state.residenceType}
                onChange={(v) => update({ residenceType: v })}
                options={options('residenceType', lang, RESIDENCE_TYPES)}
                style={{ width: 120 }}
                popupMatchSelectWidth={false}
              />
              <Select
                aria-label={t('list.status')}
                value={state.status}
                onChange={(v) => update({ status: v })}
                options={[...options('residentStatus', lang, RESIDENT_STATUSES), { value: 'all', label: t('list.statusAll') }]}
                style={{ width: 100 }}
              />
              <Tooltip title={t('list.unplacedHint')}>
                <Checkbox checked={state.unplaced === 'true'} onChange={(e) => update({ unplaced: e.target.checked ? 'true' : undefined })}>
                  {t('list.unplaced')}
                </Checkbox>
              </Tooltip>
              {filtered && (
                <Button
                  type="link"
                  onClick={() => {
                    setText('');
                    clear();
                  }}
                >
                  {t('list.reset')}
                </Button>
              )}
              {!phone && <span style={{ marginLeft: 'auto' }}>{columnChooser}</span>}
            </Flex>
            {phone ? (
              <CardList<ResidentListItem>
                rowKey="id"
                columns={columns}
                dataSource={residents.data?.items}
                loading={residents.isFetching}
                empty={empty}
                pagination={{ current: state.page, pageSize: state.pageSize, total, onChange: (p) => update({ page: p }) }}
              />
            ) : (
              <Table<ResidentListItem>
                rowKey="id"
                size="middle"
                columns={visibleColumns}
                sticky
                dataSource={residents.data?.items}
                loading={residents.isFetching}
                locale={{ emptyText: residents.isPending ? ' ' : empty }}
                onChange={(_, __, sorter) => {
                  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ResidentListItem>;
                  if (!s.order) return update({ sort: undefined, order: undefined });
                  if (s.columnKey === 'age') update({ sort: 'birthDate', order: s.order === 'ascend' ? 'desc' : 'asc' });
                  else update({ sort: 'name', order: s.order === 'ascend' ? 'asc' : 'desc' });
                }}
                pagination={{
                  current: state.page,
                  pageSize: state.pageSize,
                  total,
                  pageSizeOptions: PAGE_SIZES,
                  showSizeChanger: true,
                  showQuickJumper: true,
                  showTotal: (n) =>
                    residents.data?.totalCapped ? t('list.totalCapped', { n: RESIDENTS_TOTAL_CAP.toLocaleString() }) : tt('common.total', { n }),
                  onChange: (p, size) => update(size !== state.pageSize ? { pageSize: size } : { page: p }),
                }}
                scroll={{ x: tableWidth }}
              />
            )}
          </Card>
        </Col>
      </Row>
      {can('residents.write') && <CreateResidentDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

/** A piece of state kept in this browser's localStorage (a layout choice, not data). */
function useStoredState<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  const set = (v: T) => {
    setValue(v);
    try {
      window.localStorage.setItem(key, JSON.stringify(v));
    } catch {
      // A full or disabled storage only loses the choice.
    }
  };
  return [value, set];
}
