import { Alert, App, Button, Popconfirm, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useEndSession } from '../api/end-session';
import { useSessions, type ActiveSessionT } from '../api/list-sessions';
import { useSecurityT } from '../messages';

/** 在线会话: the sign-ins in force, with end-session (audited). */
export function SessionsPage() {
  const t = useSecurityT();
  const { t: common } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const sessions = useSessions();
  const end = useEndSession();
  const time = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

  const columns: TableColumnsType<ActiveSessionT> = [
    {
      title: t('sessions.account'),
      key: 'account',
      render: (_, s) => (
        <>
          {`${s.displayName}（${s.username}）`}
          {s.current && <Tag style={{ marginInlineStart: token.marginXS }}>{t('sessions.current')}</Tag>}
        </>
      ),
    },
    { title: t('sessions.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 150, render: time },
    { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', key: 'lastSeenAt', width: 150, render: time },
    { title: t('sessions.ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('sessions.userAgent'),
      dataIndex: 'userAgent',
      key: 'userAgent',
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Typography.Text title={v}>{v}</Typography.Text> : '—'),
    },
    {
      title: common('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, s) =>
        !s.current && (
          <Popconfirm
            title={t('sessions.end')}
            description={t('sessions.confirm', { name: s.displayName })}
            okText={t('sessions.end')}
            okButtonProps={{ danger: true }}
            cancelText={common('common.cancel')}
            onConfirm={() => end.mutate(s.id, { onSuccess: () => message.success(t('sessions.ended')), onError: (err) => message.error(err.message) })}
          >
            <Button type="link" size="small" danger loading={end.isPending && end.variables === s.id}>
              {t('sessions.end')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('sessions.title')} />
      <Alert type="info" showIcon title={t('sessions.intro')} style={{ marginBottom: token.marginMD }} />
      <Table<ActiveSessionT>
        rowKey="id"
        columns={columns}
        dataSource={sessions.data?.items}
        loading={sessions.isFetching}
        locale={{ emptyText: sessions.isError ? sessions.error.message : t('sessions.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
      />
    </>
  );
}
