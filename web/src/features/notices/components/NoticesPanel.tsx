import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Space, theme, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { WorkbenchNoticeView } from '@shared/contracts/workbench';
import { useNoticesT } from '../messages';
import { NoticeDrawer } from './NoticeDrawer';
import { NoticeMarks } from './NoticeTags';

/**
 * 通知公告 on the 工作台 (and 社区通知 on a resident's home): the current notices reaching the user, pinned
 * and important first, each with its date and region; a click opens it in a drawer.
 */
export function NoticesPanel({ notices, resident = false }: { notices: WorkbenchNoticeView[]; resident?: boolean }) {
  const t = useNoticesT();
  const { token } = theme.useToken();
  const [open, setOpen] = useState<string | null>(null);
  const title = resident ? t('panel.residentTitle') : t('panel.title');
  return (
    <Card
      variant="borderless"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeLG }}>
          {title}
        </Typography.Title>
      }
      extra={<Link to="/notices">{t('panel.more')}</Link>}
    >
      <List<WorkbenchNoticeView>
        aria-label={title}
        dataSource={notices}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={resident ? t('panel.residentEmpty') : t('panel.empty')} /> }}
        renderItem={(n) => (
          <List.Item extra={<RightOutlined style={{ color: token.colorTextTertiary }} />}>
            <Flex vertical gap={token.marginXXS} style={{ minWidth: 0 }}>
              <Button type="link" onClick={() => setOpen(n.id)} style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }}>
                {n.title}
              </Button>
              <Space wrap size={token.marginXS}>
                <NoticeMarks pinned={n.pinned} importance={n.importance} unread={!n.read} />
                <Typography.Text type="secondary">{n.publishFrom}</Typography.Text>
                <Typography.Text type="secondary">{n.regionName}</Typography.Text>
              </Space>
            </Flex>
          </List.Item>
        )}
      />
      <NoticeDrawer id={open} onClose={() => setOpen(null)} resident={resident} />
    </Card>
  );
}
