import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Progress, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PROJECT_KIND_LABELS, PROJECT_KINDS, PROJECT_STATE_LABELS, PROJECT_STATES, type ProjectKind, type ProjectState } from '@shared/domain/projects';
import { ListPage } from '../../../components/list/ListPage';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useListState } from '../../../components/list/use-list-state';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { bi } from '../../organisations/components/communities';
import { CommunityFilter } from '../../organisations/components/CommunityFilter';
import { projectsExportUrl, useProjects, type ProjectListItem } from '../api/list-projects';
import { useProjectsT } from '../messages';
import { ProjectForm } from './ProjectForm';
import { StateTag } from './StateTag';

const money = (v: number) => v.toLocaleString(undefined, { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 用房建设项目: the projects in scope, filtered by community, kind, state and late milestones; export; register. */
export function ProjectsPage() {
  const t = useProjectsT();
  const { lang } = useI18n();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const state = useListState({ communityId: '', kind: '', state: '', overdue: '' });
  const filters = {
    q: state.q || undefined,
    communityId: state.filters.communityId || undefined,
    kind: (state.filters.kind || undefined) as ProjectKind | undefined,
    state: (state.filters.state || undefined) as ProjectState | undefined,
    overdue: state.filters.overdue === 'true' ? ('true' as const) : undefined,
  };
  const projects = useProjects({ ...filters, page: state.page, pageSize: state.pageSize });
  const none = t('common.none');
  const columns: TableColumnsType<ProjectListItem> = [
    {
      title: t('col.name'),
      dataIndex: 'name',
      key: 'name',
      width: 220,
      render: (v: string, p) => (
        <Space size={4} wrap>
          <Link to={`/projects/${p.id}`}>{v}</Link>
          {p.overdue && <Tag color="error">{t('tag.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 100 },
    { title: t('col.kind'), dataIndex: 'kind', key: 'kind', width: 80, render: (v: ProjectKind) => bi(PROJECT_KIND_LABELS[v], lang) },
    { title: t('col.state'), dataIndex: 'state', key: 'state', width: 90, render: (v: ProjectState) => <StateTag state={v} /> },
    {
      title: t('col.progress'),
      dataIndex: 'progressPercent',
      key: 'progress',
      width: 150,
      render: (v: number, p) => <Progress percent={v} size="small" status={p.overdue ? 'exception' : p.state === 'finished' ? 'success' : 'normal'} />,
    },
    { title: t('col.plannedEnd'), dataIndex: 'plannedEnd', key: 'plannedEnd', width: 110, render: (v: string | null) => v ?? none },
    { title: t('col.budget'), key: 'budget', width: 120, align: 'right', render: (_: unknown, p) => money(p.funding.budget) },
    { title: t('col.allocated'), key: 'allocated', width: 120, align: 'right', render: (_: unknown, p) => money(p.funding.allocated) },
    {
      title: t('col.gap'),
      key: 'gap',
      width: 120,
      align: 'right',
      render: (_: unknown, p) => (p.funding.gap > 0 ? <Tag color="warning">{money(p.funding.gap)}</Tag> : money(0)),
    },
  ];
  return (
    <>
      <ListPage<ProjectListItem, 'communityId' | 'kind' | 'state' | 'overdue'>
        title={t('list.title')}
        state={state}
        query={projects}
        columns={columns}
        rowKey="id"
        searchLabel={t('list.search')}
        emptyText={t('list.empty')}
        scrollX={1150}
        actions={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={projectsExportUrl(filters)}>
              {t('list.export')}
            </Button>
            {can('fourhaves.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('list.create')}
              </Button>
            )}
          </Space>
        }
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
              label={t('col.kind')}
              allLabel={t('list.allKinds')}
              width={110}
              value={state.filters.kind}
              onChange={(v) => state.set({ kind: v })}
              options={PROJECT_KINDS.map((k) => ({ value: k, label: bi(PROJECT_KIND_LABELS[k], lang) }))}
            />
            <FilterSelect
              label={t('col.state')}
              allLabel={t('list.allStates')}
              width={110}
              value={state.filters.state}
              onChange={(v) => state.set({ state: v })}
              options={PROJECT_STATES.map((s) => ({ value: s, label: bi(PROJECT_STATE_LABELS[s], lang) }))}
            />
            <Checkbox checked={state.filters.overdue === 'true'} onChange={(e) => state.set({ overdue: e.target.checked ? 'true' : '' })}>
              {t('list.overdue')}
            </Checkbox>
          </Space>
        }
      />
      {creating && <ProjectForm communityId={filters.communityId} onClose={() => setCreating(false)} />}
    </>
  );
}
