import { Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';

/** A page's title (the page's only h1) with optional actions on the right. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex align="center" justify="space-between" wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: token.fontSizeHeading3 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
