import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType } from '@shared/domain/organisations';
import { useRegion } from '../../../app/region-context';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/use-list-state';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { exportOrganisationsUrl, useOrganisations, type OrganisationListItem, type OrganisationsParams } from '../api/list-organisations';
import { useOrganisationsT } from '../messages';
import { bi, communitiesOf } from './communities';
import { CommunityFilter } from './CommunityFilter';
import { CreateOrganisationDrawer } from './CreateOrganisationDrawer';
import { OrganisationCountsCard } from './OrganisationCountsCard';

const SORTS = ['community', 'name', 'type', 'foundedDate', 'members'] as const;

/** 社区组织: every organisation of the user's communities, filtered by type and community, searchable, exportable. */
export function OrganisationsPage() {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  const { can } = useSession();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const state = useListState({ type: '', communityId: '', sort: 'community' });
  const [creating, setCreating] = useState(false);
  const filter: Omit<OrganisationsParams, 'page' | 'pageSize'> = {
    q: state.q || undefined,
    type: (state.filters.type || undefined) as OrganisationType | undefined,
    communityId: state.filters.communityId || undefined,
    sort: state.filters.sort as OrganisationsParams['sort'],
    order: state.filters.sort === 'members' || state.filters.sort === 'foundedDate' ? 'desc' : 'asc',
  };
  const orgs = useOrganisations({ ...filter, page: state.page, pageSize: state.pageSize });
  const columns: TableColumnsType<OrganisationListItem> = [
    { title: t('col.name'), dataIndex: 'name', key: 'name', render: (v: string, o) => <Link to={`/organisations/${o.id}`}>{v}</Link> },
    { title: t('col.type'), dataIndex: 'type', key: 'type', width: 130, render: (v: OrganisationType) => <Tag>{bi(ORGANISATION_TYPE_LABELS[v], lang)}</Tag> },
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 110 },
    { title: t('col.parent'), dataIndex: 'parentName', key: 'parent', render: (v: string | null) => v ?? t('common.none') },
    { title: t('col.founded'), dataIndex: 'foundedDate', key: 'founded', width: 110, render: (v: string | null) => v ?? t('common.none') },
    { title: t('col.contact'), dataIndex: 'contactPerson', key: 'contact', width: 120, render: (v: string | null) => v ?? t('common.none') },
    { title: t('col.members'), dataIndex: 'members', key: 'members', width: 90 },
  ];
  return (
    <>
      <ListPage<OrganisationListItem, 'type' | 'communityId' | 'sort'>
        title={t('list.title')}
        state={state}
        query={orgs}
        columns={columns}
        rowKey="id"
        searchLabel={t('list.search')}
        emptyText={t('list.empty')}
        scrollX={1000}
        filters={
          <Space wrap>
            <FilterSelect
              label={t('list.type')}
              allLabel={t('list.allTypes')}
              width={160}
              value={state.filters.type}
              onChange={(v) => state.set({ type: v })}
              options={ORGANISATION_TYPES.map((k) => ({ value: k, label: bi(ORGANISATION_TYPE_LABELS[k], lang) }))}
            />
            <CommunityFilter
              label={t('list.community')}
              allLabel={t('list.allCommunities')}
              width={140}
              value={state.filters.communityId}
              onChange={(v) => state.set({ communityId: v })}
            />
            <Select
              aria-label={t('list.sort')}
              style={{ width: 140 }}
              value={state.filters.sort}
              onChange={(v) => state.set({ sort: v })}
              options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
            />
          </Space>
        }
        actions={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportOrganisationsUrl(filter)} download>
              {t('list.export')}
            </Button>
            {can('orgs.write') && communities.length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('list.create')}
              </Button>
            )}
          </Space>
        }
      />
      <OrganisationCountsCard />
      <CreateOrganisationDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
