import { Drawer, Result, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../lib/api';
import { useNotice } from '../api/get-notice';
import { useReadOnOpen } from '../api/mark-notice-read';
import { useNoticesT } from '../messages';
import { NoticeView } from './NoticeView';

/** A notice opened from a list (the 工作台, a resident's home) in a side drawer; full width on a phone. */
export function NoticeDrawer({ id, onClose, resident = false }: { id: string | null; onClose: () => void; resident?: boolean }) {
  const t = useNoticesT();
  const notice = useNotice(id);
  useReadOnOpen(notice.data);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      title={notice.data?.title ?? t('list.title')}
      width="min(640px, 100vw)"
      destroyOnHidden
      extra={id && <Link to={`/notices/${id}`}>{t('detail.open')}</Link>}
    >
      {notice.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : notice.isError ? (
        <Result
          status={isApiError(notice.error) && notice.error.status === 404 ? '404' : 'error'}
          title={isApiError(notice.error) && notice.error.status === 404 ? t('detail.notFound') : notice.error.message}
        />
      ) : (
        <NoticeView notice={notice.data} resident={resident} />
      )}
    </Drawer>
  );
}
