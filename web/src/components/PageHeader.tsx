import { Breadcrumb, Flex, Typography, theme } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { breadcrumbFor } from '../app/menu';
import { useI18n } from '../lib/i18n';

/**
 * A page's title (the page's only h1) with optional actions on the right, the breadcrumb of where the page
 * sits in the menu (group › entry › this page) and the browser tab's title. `documentTitle` names the tab
 * when the title is not plain text.
 */
export function PageHeader({ title, extra, documentTitle }: { title: ReactNode; extra?: ReactNode; documentTitle?: string }) {
  const { token } = theme.useToken();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);
  const brand = t('app.short');
  useEffect(() => {
    if (tabTitle) document.title = `${tabTitle} · ${brand}`;
  }, [tabTitle, brand]);

  const trail = breadcrumbFor(pathname);
  const items = trail.map((c) => ({ key: c.key, title: c.link ? <Link to={c.link}>{t(c.label)}</Link> : t(c.label) }));
  // The page itself, unless it is the menu entry (whose label is then the last crumb already).
  if (trail.length && trail.at(-1)?.link && tabTitle) items.push({ key: 'page', title: tabTitle });
  return (
    <>
      {items.length > 1 && <Breadcrumb items={items} style={{ marginBottom: token.marginXS }} />}
      <Flex align="center" justify="space-between" wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: token.fontSizeHeading3 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
    </>
  );
}
