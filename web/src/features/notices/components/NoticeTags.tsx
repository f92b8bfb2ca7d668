import { Badge, Space, Tag } from 'antd';
import type { NoticeAudience, NoticeImportance, NoticeStatus } from '@shared/domain/notices';
import { useNoticesT } from '../messages';

const STATUS_COLOUR: Record<NoticeStatus, string | undefined> = { current: 'success', scheduled: 'processing', expired: undefined, withdrawn: 'default' };

/** A notice's status as a coloured tag. */
export function StatusTag({ status }: { status: NoticeStatus }) {
  const t = useNoticesT();
  return <Tag color={STATUS_COLOUR[status]}>{t(`status.${status}`)}</Tag>;
}

/** The 未读, 置顶 and 重要 marks (nothing for a plain notice already read), and the audience when asked. */
export function NoticeMarks({
  pinned,
  importance,
  audience,
  unread = false,
}: {
  pinned: boolean;
  importance: NoticeImportance;
  audience?: NoticeAudience;
  unread?: boolean;
}) {
  const t = useNoticesT();
  return (
    <Space size={4} wrap>
      {unread && <Badge status="processing" text={t('tag.unread')} />}
      {pinned && <Tag color="blue">{t('tag.pinned')}</Tag>}
      {importance === 'important' && <Tag color="red">{t('tag.important')}</Tag>}
      {audience && <Tag>{t(`audience.${audience}`)}</Tag>}
    </Space>
  );
}
