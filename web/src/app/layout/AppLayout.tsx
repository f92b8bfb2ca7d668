import {
  ApartmentOutlined,
  BankOutlined,
  AuditOutlined,
  DashboardOutlined,
  DownOutlined,
  FontSizeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Drawer, Dropdown, Flex, Grid, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ForbiddenPage } from '../../components/StatusPages';
import { usePreferences, useSavePreferences } from '../../features/auth/api/preferences';
import { useSignOut } from '../../features/auth/api/sign-out';
import { ChangePasswordModal } from '../../features/auth/components/ChangePasswordModal';
import { useSession } from '../../features/auth/hooks/use-session';
import { RegionPicker } from '../../features/regions/components/RegionPicker';
import { useI18n } from '../../lib/i18n';
import type { RouteHandle } from '../../lib/routing';
import { fontTokensFor, TEXT_SIZE_LABELS, TEXT_SIZES, type TextSize } from '@shared/domain/text-size';
import { groupOf, menuFor, selectedKey, type MenuEntry } from '../menu';
import { RegionProvider } from '../region-context';
import { HeaderSearch, PhoneHeaderSearch } from '../../features/residents/components/HeaderSearch';

const ICONS: Record<string, ReactNode> = {
  '/': <DashboardOutlined />,
  population: <TeamOutlined />,
  '/regions': <ApartmentOutlined />,
  '/accounts': <UserSwitchOutlined />,
  '/audit': <AuditOutlined />,
  fourHaves: <BankOutlined />,
};

/** The signed-in shell (with antd's App for message/modal): side menu from the user's permissions, header with region, language and user menu. */
export function AppLayout() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const matches = useMatches();
  const signOut = useSignOut();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const prefs = usePreferences(user.id);
  const savePrefs = useSavePreferences(user.id);
  const textSize: TextSize = prefs.data?.textSize ?? 'standard';
  const fontTheme = useMemo(() => ({ token: fontTokensFor(textSize) }), [textSize]);
  const [collapsed, setCollapsed] = useState(false);
  // Under 768 px (md) the side menu becomes a drawer opened from the header.
  const phone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const entries = useMemo(() => menuFor(user.permissions), [user.permissions]);
  const toItems = (list: MenuEntry[]): MenuProps['items'] =>
    list.map((e) =>
      e.children ? { key: e.key, icon: ICONS[e.key], label: t(e.label), children: toItems(e.children) } : { key: e.key, icon: ICONS[e.key], label: t(e.label) },
    );
  const selected = selectedKey(location.pathname);
  const group = groupOf(selected);
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [group] : []);
  useEffect(() => {
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [group]);

  const missing = matches.map((m) => (m.handle as RouteHandle | undefined)?.permission).find((p) => p && !can(p));

  const userMenu: MenuProps = {
    items: [
      {
        key: 'textSize',
        icon: <FontSizeOutlined />,
        label: t('header.textSize'),
        children: TEXT_SIZES.map((size) => ({
          key: `textSize:${size}`,
          label: `${size === textSize ? '✓ ' : ''}${TEXT_SIZE_LABELS[size][lang === 'en' ? 'en' : 'zh']}`,
        })),
      },
      { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
      { type: 'divider' },
      { key: 'signout', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key.startsWith('textSize:')) savePrefs.mutate({ textSize: key.slice('textSize:'.length) as TextSize });
      if (key === 'password') setPasswordOpen(true);
      if (key === 'signout') signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
    },
  };

  return (
    <ConfigProvider theme={fontTheme}>
      <AntApp>
        <RegionProvider enabled={can('regions.read')}>
          <Layout style={{ minHeight: '100vh' }}>
            {phone ? (
              <Drawer
                open={drawerOpen}
                onClose={() => setDrawerOpen(false)}
                placement="left"
                size={260}
                title={t('app.brand')}
                styles={{ body: { padding: 0 } }}
              >
                <nav aria-label={t('app.title')}>
                  <Menu
                    mode="inline"
                    items={toItems(entries)}
                    selectedKeys={[selected]}
                    openKeys={openKeys}
                    onOpenChange={setOpenKeys}
                    onClick={({ key }) => {
                      setDrawerOpen(false);
                      navigate(key);
                    }}
                    style={{ borderInlineEnd: 'none' }}
                  />
                </nav>
              </Drawer>
            ) : (
              <Layout.Sider
                breakpoint="lg"
                collapsible
                collapsed={collapsed}
                onCollapse={setCollapsed}
                width={216}
                theme="light"
                style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
              >
                <Flex align="center" style={{ height: 64, paddingInline: token.paddingLG, overflow: 'hidden', whiteSpace: 'nowrap' }}>
                  <Typography.Text strong style={{ color: token.colorPrimary, fontSize: token.fontSizeLG }}>
                    {collapsed ? t('app.short') : t('app.brand')}
                  </Typography.Text>
                </Flex>
                <nav aria-label={t('app.title')}>
                  <Menu
                    mode="inline"
                    items={toItems(entries)}
                    selectedKeys={[selected]}
                    openKeys={collapsed ? undefined : openKeys}
                    onOpenChange={setOpenKeys}
                    onClick={({ key }) => navigate(key)}
                    style={{ borderInlineEnd: 'none' }}
                  />
                </nav>
              </Layout.Sider>
            )}
            <Layout>
              <Layout.Header
                style={{
                  background: token.colorBgContainer,
                  paddingInline: phone ? token.paddingSM : token.paddingLG,
                  borderBottom: `1px solid ${token.colorBorderSecondary}`,
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'flex-end',
                  gap: phone ? token.marginXS : token.marginSM,
                  whiteSpace: 'nowrap',
                }}
              >
                {phone && (
                  <Button
                    type="text"
                    icon={<MenuOutlined />}
                    aria-label={t('header.menu')}
                    aria-expanded={drawerOpen}
                    onClick={() => setDrawerOpen(true)}
                    style={{ marginInlineEnd: 'auto' }}
                  />
                )}
                {can('residents.read') && (phone ? <PhoneHeaderSearch /> : <HeaderSearch />)}
                {can('regions.read') && <RegionPicker compact={phone} />}
                <LanguageSwitch />
                <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
                  <Button type="text" icon={<UserOutlined />} aria-label={phone ? `${t('header.userMenu')}: ${user.displayName}` : undefined}>
                    {!phone && (
                      <>
                        {user.displayName} <DownOutlined />
                      </>
                    )}
                  </Button>
                </Dropdown>
              </Layout.Header>
              <Layout.Content style={{ margin: phone ? token.marginSM : token.marginLG, minWidth: 0 }}>
                <main>{missing ? <ForbiddenPage /> : <Outlet />}</main>
              </Layout.Content>
            </Layout>
          </Layout>
          <ChangePasswordModal open={passwordOpen} username={user.username} onClose={() => setPasswordOpen(false)} />
        </RegionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
