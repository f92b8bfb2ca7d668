import { Alert, Descriptions, Flex, theme, Typography } from 'antd';
import type { NoticeDetail } from '@shared/contracts/notices';
import { useNoticesT } from '../messages';
import { NoticeMarks, StatusTag } from './NoticeTags';

/**
 * One notice as a reader sees it: title with its marks, who and where it comes from, the dates, the text
 * (plain, line breaks kept), and why it was withdrawn. `resident` leaves out what concerns staff only.
 */
export function NoticeView({ notice: n, resident = false }: { notice: NoticeDetail; resident?: boolean }) {
  const t = useNoticesT();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={token.marginSM}>
      <Flex wrap gap={token.marginXS} align="center">
        <NoticeMarks pinned={n.pinned} importance={n.importance} audience={resident ? undefined : n.audience} />
        {!resident && <StatusTag status={n.status} />}
        {n.readCount !== null && <Typography.Text type="secondary">{t('detail.readCount', { n: n.readCount })}</Typography.Text>}
      </Flex>
      {n.withdrawnAt && (
        <Alert type="warning" showIcon title={t('detail.withdrawnAt', { date: n.withdrawnAt.slice(0, 10), reason: n.withdrawnReason ?? '' })} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('col.region')}>{n.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('col.author')}>{n.authorName}</Descriptions.Item>
        <Descriptions.Item label={t('col.publishFrom')}>
          {n.publishFrom}
          {n.publishUntil && ` ${t('detail.until', { date: n.publishUntil })}`}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: token.fontSizeLG, marginBottom: 0 }}>{n.body}</Typography.Paragraph>
    </Flex>
  );
}
