import { Checkbox, Space, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { EDUCATION_LABELS } from '@shared/domain/registry';
import { CADRE_POST_LABELS, CADRE_POSTS, CADRE_SOURCE_LABELS, CADRE_SOURCES, type CadrePost, type CadreSource } from '@shared/domain/staffing';
import { ListPage } from '../../../components/list/ListPage';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useListState } from '../../../components/list/use-list-state';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';
import { CommunityFilter } from '../../organisations/components/CommunityFilter';
import { useCadres, type CadreListItem } from '../api/list-cadres';
import { useCadresT } from '../messages';
import { CadresTitle } from './CadresTabs';

/** 社区干部名册: the cadres in post, filtered by community, post, source and missing insurance. */
export function CadresPage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const state = useListState({ communityId: '', post: '', source: '', uninsured: '' });
  const cadres = useCadres({
    q: state.q || undefined,
    communityId: state.filters.communityId || undefined,
    post: (state.filters.post || undefined) as CadrePost | undefined,
    source: (state.filters.source || undefined) as CadreSource | undefined,
    uninsured: state.filters.uninsured === 'true' ? 'true' : undefined,
    page: state.page,
    pageSize: state.pageSize,
  });
  const none = t('common.none');
  const columns: TableColumnsType<CadreListItem> = [
    { title: t('col.name'), dataIndex: 'name', key: 'name', width: 100, render: (v: string, k) => <Link to={`/cadres/${k.id}`}>{v}</Link> },
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 100 },
    { title: t('col.post'), dataIndex: 'post', key: 'post', render: (v: CadrePost) => bi(CADRE_POST_LABELS[v], lang) },
    { title: t('col.source'), dataIndex: 'source', key: 'source', width: 130, render: (v: CadreSource) => bi(CADRE_SOURCE_LABELS[v], lang) },
    { title: t('col.age'), dataIndex: 'age', key: 'age', width: 60 },
    {
      title: t('col.education'),
      dataIndex: 'education',
      key: 'education',
      width: 90,
      render: (v: keyof typeof EDUCATION_LABELS | null) => (v ? bi(EDUCATION_LABELS[v], lang) : none),
    },
    { title: t('col.party'), dataIndex: 'partyMember', key: 'party', width: 70, render: (v: boolean) => (v ? t('yes') : t('no')) },
    {
      title: t('col.insurance'),
      key: 'insurance',
      width: 130,
      render: (_: unknown, k) => (
        <Space size={2}>
          <Tag color={k.pensionInsured ? 'success' : 'error'}>{t('ins.pension')}</Tag>
          <Tag color={k.medicalInsured ? 'success' : 'error'}>{t('ins.medical')}</Tag>
        </Space>
      ),
    },
    { title: t('col.lastTraining'), dataIndex: 'lastTraining', key: 'lastTraining', width: 110, render: (v: string | null) => v ?? none },
  ];
  return (
    <ListPage<CadreListItem, 'communityId' | 'post' | 'source' | 'uninsured'>
      title={<CadresTitle />}
      state={state}
      query={cadres}
      columns={columns}
      rowKey="id"
      searchLabel={t('list.search')}
      emptyText={t('list.empty')}
      scrollX={1100}
      filters={
        <Space wrap>
          <CommunityFilter
            label={t('col.community')}
            allLabel={t('list.allCommunities')}
            width={130}
            value={state.filters.communityId}
            onChange={(v) => state.set({ communityId: v })}
          />
          <FilterSelect
            label={t('col.post')}
            allLabel={t('list.allPosts')}
            width={180}
            value={state.filters.post}
            onChange={(v) => state.set({ post: v })}
            options={CADRE_POSTS.map((p) => ({ value: p, label: bi(CADRE_POST_LABELS[p], lang) }))}
          />
          <FilterSelect
            label={t('col.source')}
            allLabel={t('list.allSources')}
            width={150}
            value={state.filters.source}
            onChange={(v) => state.set({ source: v })}
            options={CADRE_SOURCES.map((s) => ({ value: s, label: bi(CADRE_SOURCE_LABELS[s], lang) }))}
          />
          <Checkbox checked={state.filters.uninsured === 'true'} onChange={(e) => state.set({ uninsured: e.target.checked ? 'true' : '' })}>
            {t('list.uninsured')}
          </Checkbox>
        </Space>
      }
    />
  );
}
