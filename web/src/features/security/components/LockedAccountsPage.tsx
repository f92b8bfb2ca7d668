import { Alert, App, Button, Popconfirm, Table, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useLockedAccounts, type LockedAccountT } from '../api/list-locked-accounts';
import { useUnlockLockedAccount } from '../api/unlock-locked-account';
import { useSecurityT } from '../messages';

/** 锁定账户: accounts locked by failed sign-ins, with unlock (audited). */
export function LockedAccountsPage() {
  const t = useSecurityT();
  const { t: common } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const locked = useLockedAccounts();
  const unlock = useUnlockLockedAccount();

  const columns: TableColumnsType<LockedAccountT> = [
    { title: t('locked.account'), key: 'account', render: (_, a) => `${a.displayName}（${a.username}）` },
    { title: t('locked.failedAttempts'), dataIndex: 'failedAttempts', key: 'failedAttempts', width: 120 },
    { title: t('locked.until'), dataIndex: 'lockedUntil', key: 'lockedUntil', width: 180, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: common('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, a) => (
        <Popconfirm
          title={t('locked.unlock')}
          description={t('locked.confirm', { name: a.displayName })}
          okText={t('locked.unlock')}
          cancelText={common('common.cancel')}
          onConfirm={() => unlock.mutate(a.id, { onSuccess: () => message.success(t('locked.unlocked')), onError: (err) => message.error(err.message) })}
        >
          <Button type="link" size="small" loading={unlock.isPending && unlock.variables === a.id}>
            {t('locked.unlock')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('locked.title')} />
      <Alert type="info" showIcon title={t('locked.intro')} style={{ marginBottom: token.marginMD }} />
      <Table<LockedAccountT>
        rowKey="id"
        columns={columns}
        dataSource={locked.data?.items}
        loading={locked.isFetching}
        locale={{ emptyText: locked.isError ? locked.error.message : t('locked.empty') }}
        pagination={false}
        scroll={{ x: 700 }}
      />
    </>
  );
}
