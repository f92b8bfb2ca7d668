import { Space, theme } from 'antd';
import type { ReactNode } from 'react';
import { BackButton } from './BackButton';
import { PageHeader } from './PageHeader';

/**
 * The header of one record's page: ← back (to the previous page, else `back`), the record's name (also the
 * browser tab's title), its tags after it, and the page's actions on the right.
 */
export function DetailHeader({ title, back, backLabel, tags, extra }: { title: string; back: string; backLabel: string; tags?: ReactNode; extra?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <PageHeader
      documentTitle={title}
      title={
        <Space wrap size={token.marginSM}>
          <BackButton fallback={back} label={backLabel} />
          {title}
          {tags}
        </Space>
      }
      extra={extra}
    />
  );
}
