import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Tag, Tooltip, theme, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ADMIN_ROLES, ROLE_LABELS } from '@shared/domain/permissions';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useAccounts, type Account } from '../api/list-accounts';
import { useResetTotp } from '../api/reset-totp';
import { useUnlockAccount } from '../api/unlock-account';
import { useUpdateAccount } from '../api/update-account';
import { AccountModal } from './AccountModal';
import { ResetPasswordModal } from './ResetPasswordModal';

/** 账户管理: search, page through, create, reset passwords and authenticators, unlock, disable and enable accounts. */
export function AccountsPage() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [editingAccount, setEditingAccount] = useState<Account | null>(null);
  const accounts = useAccounts({ q: q || undefined, page, pageSize });
  const update = useUpdateAccount();
  const unlock = useUnlockAccount();
  const resetTotp = useResetTotp();
  const fail = (err: Error) => message.error(err.message);

  const setDisabled = (a: Account, disabled: boolean) =>
    update.mutate({ id: a.id, version: a.version, disabled }, { onSuccess: () => message.success(t('accounts.saved')), onError: fail });

  const unlockButton = (id: string) => (
    <Button
      type="link"
      size="small"
      loading={unlock.isPending && unlock.variables === id}
      onClick={() => unlock.mutate(id, { onSuccess: () => message.success(t('accounts.unlocked')), onError: fail })}
    >
      {t('accounts.unlock')}
    </Button>
  );
  const columns: TableColumnsType<Account> = [
    { title: t('accounts.username'), dataIndex: 'username', key: 'username' },
    { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('accounts.grants'),
      key: 'grants',
      render: (_, a) => (
        <Space wrap size={[0, token.marginXXS]}>
          {a.grants.map((g) => (
            <Tag key={`${g.role}:${g.regionId}:${g.domain ?? ''}`} color={g.pending ? 'warning' : undefined}>
              {lang === 'en' ? ROLE_LABELS[g.role].en : ROLE_LABELS[g.role].zh} · {g.regionName}
              {g.domain ? ` · ${t(`domain.${g.domain}` as MessageKey)}` : ''}
              {g.pending && (
                <Tooltip title={t('accounts.pendingHint')}>
                  {' · '}
                  {t('accounts.pending')}
                </Tooltip>
              )}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('accounts.status'),
      key: 'status',
      render: (_, a) => (
        <Space wrap size={[0, token.marginXXS]}>
          {a.disabled ? <Tag color="default">{t('accounts.disabled')}</Tag> : <Tag color="success">{t('accounts.active')}</Tag>}
          {a.locked && <Tag color="error">{t('accounts.locked')}</Tag>}
          {a.mustChangePassword && <Tag color="warning">{t('accounts.mustChange')}</Tag>}
          {a.totpEnabled ? <Tag color="processing">{t('accounts.totpOn')}</Tag> : <Tag>{t('accounts.totpOff')}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => new Date(v).toLocaleString(lang) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) =>
        // 三员: administrator accounts are not changed here (the server refuses too); unlocking stays.
        a.grants.some((g) => ADMIN_ROLES.includes(g.role)) ? (
          <Space size={0} wrap>
            {a.locked && unlockButton(a.id)}
            <Tag>{t('accounts.protected')}</Tag>
          </Space>
        ) : (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditingAccount(a)}>
              {t('accounts.editAction')}
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(a)}>
              {t('accounts.resetPassword')}
            </Button>
            {a.locked && unlockButton(a.id)}
            {a.totpEnabled && (
              <Popconfirm
                title={t('accounts.resetTotp')}
                description={t('accounts.confirmResetTotp', { name: a.displayName })}
                okText={t('accounts.resetTotp')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => resetTotp.mutate(a.id, { onSuccess: () => message.success(t('accounts.totpReset')), onError: fail })}
              >
                <Button type="link" size="small" loading={resetTotp.isPending && resetTotp.variables === a.id}>
                  {t('accounts.resetTotp')}
                </Button>
              </Popconfirm>
            )}
            {a.disabled ? (
              <Button type="link" size="small" onClick={() => setDisabled(a, false)}>
                {t('accounts.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('accounts.disable')}
                description={t('accounts.confirmDisable', { name: a.displayName })}
                okText={t('accounts.disable')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => setDisabled(a, true)}
              >
                <Button type="link" size="small" danger>
                  {t('accounts.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('accounts.create')}
          </Button>
        }
      />
      <Flex style={{ marginBottom: token.marginMD }}>
        <Input.Search
          aria-label={t('accounts.searchPlaceholder')}
          placeholder={t('accounts.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          style={{ maxWidth: 360 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
      </Flex>
      <Table<Account>
        rowKey="id"
        columns={columns}
        dataSource={accounts.data?.items}
        loading={accounts.isFetching}
        locale={accounts.isError ? { emptyText: accounts.error.message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: accounts.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        scroll={{ x: 900 }}
      />
      <AccountModal open={creating} onClose={() => setCreating(false)} />
      <AccountModal key={editingAccount?.id ?? 'none'} open={!!editingAccount} account={editingAccount} onClose={() => setEditingAccount(null)} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
