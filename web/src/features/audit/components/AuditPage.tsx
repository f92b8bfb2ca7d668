import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { useAuditLog, type AuditEntry, type AuditParams } from '../api/list-audit';
import { useVerifyAudit } from '../api/verify-audit';

interface FilterValues {
  action?: string;
  username?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const OUTCOME_COLOURS: Record<string, string> = { success: 'success', failure: 'error', denied: 'warning' };

/** 审计日志: filter by action, user and time; page through; verify the hash chain. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const { can } = useSession();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Omit<AuditParams, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const log = useAuditLog({ ...filters, page, pageSize });
  const verify = useVerifyAudit();

  const apply = (v: FilterValues) => {
    setFilters({
      action: v.action?.trim() || undefined,
      username: v.username?.trim() || undefined,
      from: v.range?.[0]?.startOf('minute').toISOString(),
      to: v.range?.[1]?.endOf('minute').toISOString(),
    });
    setPage(1);
  };

  const outcomeLabel = (o: string) => (['success', 'failure', 'denied'].includes(o) ? t(`audit.outcome.${o}` as MessageKey) : o);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString(lang) },
    { title: t('audit.username'), dataIndex: 'username', key: 'username', render: (v: string | null) => v ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` · ${e.objectId.slice(0, 8)}` : ''}` : '—'),
    },
    { title: t('audit.outcome'), dataIndex: 'outcome', key: 'outcome', render: (v: string) => <Tag color={OUTCOME_COLOURS[v]}>{outcomeLabel(v)}</Tag> },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      key: 'details',
      ellipsis: true,
      render: (v: unknown) => (v == null ? '—' : <Typography.Text type="secondary">{JSON.stringify(v)}</Typography.Text>),
    },
  ];

  const verdict = verify.data;
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          can('audit.verify') && (
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('audit.verify')}
            </Button>
          )
        }
      />
      {verify.isError && (
        <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: token.marginMD }} closable={{ onClose: () => verify.reset() }} />
      )}
      {verdict && (
        <Alert
          type={verdict.ok ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: token.marginMD }}
          closable={{ onClose: () => verify.reset() }}
          title={
            !verdict.ok
              ? t('audit.verifyBroken', { seq: verdict.brokenAt, reason: verdict.reason ? t(`audit.reason.${verdict.reason}`) : '', checked: verdict.checked })
              : verdict.checked === 0
                ? t('audit.verifyEmpty')
                : t('audit.verifyOk', { checked: verdict.checked, first: verdict.firstSeq, last: verdict.lastSeq })
          }
        />
      )}
      <Form<FilterValues>
        form={form}
        layout="inline"
        onFinish={apply}
        style={{ marginBottom: token.marginMD, rowGap: token.marginXS }}
        aria-label={t('common.search')}
      >
        <Form.Item name="action">
          <Input aria-label={t('audit.action')} placeholder={t('audit.actionPlaceholder')} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="username">
          <Input aria-label={t('audit.username')} placeholder={t('audit.usernamePlaceholder')} allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} aria-label={t('audit.range')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        locale={log.isError ? { emptyText: log.error.message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        scroll={{ x: 1000 }}
      />
    </>
  );
}
