import { Alert, App, Button, Popconfirm, Space, Table, Tag, theme, type TableColumnsType } from 'antd';
import { ROLE_LABELS } from '@shared/domain/permissions';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useApproveGrant } from '../api/approve-grant';
import { usePendingGrants, type PendingGrant } from '../api/list-pending-grants';
import { useRejectGrant } from '../api/reject-grant';

/** 授权审批 (三员): the security administrator approves or rejects grants that carry personal data or an administrator role. */
export function GrantApprovalsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const pending = usePendingGrants();
  const approve = useApproveGrant();
  const reject = useRejectGrant();
  const fail = (err: Error) => message.error(err.message);

  const columns: TableColumnsType<PendingGrant> = [
    { title: t('approvals.account'), key: 'account', render: (_, g) => `${g.displayName}（${g.username}）` },
    {
      title: t('approvals.grant'),
      key: 'grant',
      render: (_, g) => (
        <Tag>
          {lang === 'en' ? ROLE_LABELS[g.role].en : ROLE_LABELS[g.role].zh} · {g.regionName}
          {g.domain ? ` · ${t(`domain.${g.domain}` as MessageKey)}` : ''}
        </Tag>
      ),
    },
    { title: t('approvals.requestedBy'), dataIndex: 'requestedBy', key: 'requestedBy', render: (v: string | null) => v ?? '—' },
    { title: t('approvals.requestedAt'), dataIndex: 'requestedAt', key: 'requestedAt', render: (v: string) => new Date(v).toLocaleString(lang) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, g) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            loading={approve.isPending && approve.variables === g.id}
            onClick={() => approve.mutate(g.id, { onSuccess: () => message.success(t('approvals.approved')), onError: fail })}
          >
            {t('approvals.approve')}
          </Button>
          <Popconfirm
            title={t('approvals.reject')}
            description={t('approvals.confirmReject', { name: g.displayName })}
            okText={t('approvals.reject')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => reject.mutate(g.id, { onSuccess: () => message.success(t('approvals.rejected')), onError: fail })}
          >
            <Button type="link" size="small" danger loading={reject.isPending && reject.variables === g.id}>
              {t('approvals.reject')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('approvals.title')} />
      <Alert type="info" showIcon title={t('approvals.intro')} style={{ marginBottom: token.marginMD }} />
      <Table<PendingGrant>
        rowKey="id"
        columns={columns}
        dataSource={pending.data?.items}
        loading={pending.isFetching}
        locale={{ emptyText: pending.isError ? pending.error.message : t('approvals.empty') }}
        pagination={false}
        scroll={{ x: 800 }}
      />
    </>
  );
}
