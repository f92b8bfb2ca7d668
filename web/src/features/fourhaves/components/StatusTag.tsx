import { Space, Tag, Typography } from 'antd';
import { useFourHavesT } from '../messages';

const COLOR = { green: 'success', amber: 'warning', red: 'error' } as const;

/** One "have": its coloured status and the reason, written out (colour is never the only signal). */
export function StatusTag({ status, reason, extra }: { status: 'green' | 'amber' | 'red'; reason: string; extra?: string }) {
  const t = useFourHavesT();
  return (
    <Space direction="vertical" size={2}>
      <span>
        <Tag color={COLOR[status]}>{t(`status.${status}`)}</Tag>
        {extra && <Typography.Text strong>{extra}</Typography.Text>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {reason}
      </Typography.Text>
    </Space>
  );
}
