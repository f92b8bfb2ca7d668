import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { NOTICE_AUDIENCES, NOTICE_IMPORTANCE, NOTICE_STATUSES, type NoticeAudience, type NoticeImportance, type NoticeStatus } from '@shared/domain/notices';
import { ListPage } from '../../../components/list/ListPage';
import { FilterSelect } from '../../../components/list/FilterSelect';
import { useListState } from '../../../components/list/use-list-state';
import { useSession } from '../../auth/hooks/use-session';
import { useNotices, type NoticeListItem } from '../api/list-notices';
import { useNoticesT } from '../messages';
import { NoticeForm } from './NoticeForm';
import { NoticeMarks, StatusTag } from './NoticeTags';

/**
 * 通知公告: the notices reaching the user, pinned and important first; writers also find their scheduled,
 * expired and withdrawn ones (the status filter), and publish new ones. Residents see the published ones of
 * their community, street and city, without the staff filters.
 */
export function NoticesPage() {
  const t = useNoticesT();
  const { can } = useSession();
  const writer = can('notices.write');
  const resident = can('self.read') && !can('residents.read');
  const [creating, setCreating] = useState(false);
  const state = useListState({ status: '', audience: '', importance: '' });
  const notices = useNotices({
    q: state.q || undefined,
    status: (state.filters.status || undefined) as NoticeStatus | undefined,
    audience: (state.filters.audience || undefined) as NoticeAudience | undefined,
    importance: (state.filters.importance || undefined) as NoticeImportance | undefined,
    page: state.page,
    pageSize: state.pageSize,
  });
  const columns: TableColumnsType<NoticeListItem> = [
    {
      title: t('col.title'),
      dataIndex: 'title',
      key: 'title',
      width: 320,
      render: (v: string, n) => (
        <Space size={4} wrap>
          <Link to={`/notices/${n.id}`}>{v}</Link>
          <NoticeMarks pinned={n.pinned} importance={n.importance} unread={!n.read && n.status === 'current'} />
        </Space>
      ),
    },
    { title: t('col.region'), dataIndex: 'regionName', key: 'region', width: 120 },
    ...(resident
      ? []
      : [
          { title: t('col.audience'), dataIndex: 'audience', key: 'audience', width: 90, render: (v: NoticeAudience) => t(`audience.${v}`) },
          { title: t('col.status'), dataIndex: 'status', key: 'status', width: 90, render: (v: NoticeStatus) => <StatusTag status={v} /> },
        ]),
    { title: t('col.publishFrom'), dataIndex: 'publishFrom', key: 'publishFrom', width: 110 },
    { title: t('col.publishUntil'), dataIndex: 'publishUntil', key: 'publishUntil', width: 110, render: (v: string | null) => v ?? t('common.none') },
    { title: t('col.author'), dataIndex: 'authorName', key: 'author', width: 140 },
  ];
  return (
    <>
      <ListPage<NoticeListItem, 'status' | 'audience' | 'importance'>
        title={t('list.title')}
        state={state}
        query={notices}
        columns={columns}
        rowKey="id"
        searchLabel={t('list.search')}
        emptyText={t('list.empty')}
        scrollX={resident ? 800 : 1000}
        actions={
          writer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )
        }
        filters={
          resident ? undefined : (
            <Space wrap>
              <FilterSelect
                label={t('col.status')}
                allLabel={t('list.allStatuses')}
                width={120}
                value={state.filters.status}
                onChange={(v) => state.set({ status: v })}
                options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
              <FilterSelect
                label={t('col.audience')}
                allLabel={t('list.allAudiences')}
                width={120}
                value={state.filters.audience}
                onChange={(v) => state.set({ audience: v })}
                options={NOTICE_AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
              />
              <FilterSelect
                label={t('col.importance')}
                allLabel={t('list.allImportance')}
                width={110}
                value={state.filters.importance}
                onChange={(v) => state.set({ importance: v })}
                options={NOTICE_IMPORTANCE.map((i) => ({ value: i, label: t(`importance.${i}`) }))}
              />
            </Space>
          )
        }
      />
      {creating && <NoticeForm onClose={() => setCreating(false)} />}
    </>
  );
}
