import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Tag, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/use-list-state';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { useAuditLabeller } from '../api/audit-labels';
import { exportAuditUrl, useAuditLog, type AuditEntry, type AuditFilterParams } from '../api/list-audit';
import { useVerifyAudit } from '../api/verify-audit';
import { useAuditT } from '../messages';
import { AuditEntryDrawer } from './AuditEntryDrawer';

const OUTCOME_COLOURS: Record<string, string> = { success: 'success', failure: 'error', denied: 'warning' };
const OUTCOMES = ['success', 'failure', 'denied'] as const;
const FILTERS = { username: '', objectType: '', objectId: '', outcome: '', from: '', to: '' };

/** How an entry's object reads: its type's label, and its name when the module gives one (else a short id). */
export function objectText(e: Pick<AuditEntry, 'objectType' | 'objectId' | 'objectName'>, typeLabel: (t: string) => string): string {
  if (!e.objectType) return '—';
  const what = e.objectName ?? (e.objectId ? `${e.objectId.slice(0, 8)}…` : '');
  return what ? `${typeLabel(e.objectType)} · ${what}` : typeLabel(e.objectType);
}

/**
 * 审计日志: actions and objects by their labels, filters by action words (Chinese or code), user, object,
 * outcome and time; a detail drawer per entry; the filtered log as Excel; the chain check.
 */
export function AuditPage() {
  const { t, lang } = useI18n();
  const at = useAuditT();
  const { token } = theme.useToken();
  const { can } = useSession();
  const state = useListState(FILTERS);
  const f = state.filters;
  const filter: AuditFilterParams = {
    actionText: state.q || undefined,
    username: f.username || undefined,
    objectType: f.objectType || undefined,
    objectId: f.objectId || undefined,
    outcome: f.outcome || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  };
  const log = useAuditLog({ ...filter, page: state.page, pageSize: state.pageSize });
  const verify = useVerifyAudit();
  const label = useAuditLabeller();
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const [username, setUsername] = useState(f.username);
  const [objectId, setObjectId] = useState(f.objectId);

  const outcomeLabel = (o: string) => ((OUTCOMES as readonly string[]).includes(o) ? t(`audit.outcome.${o}` as MessageKey) : o);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.username'), dataIndex: 'username', key: 'username', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (v: string) => <span title={v}>{label.action(v)}</span>,
    },
    { title: t('audit.object'), key: 'object', ellipsis: true, render: (_, e) => <span title={e.objectId ?? undefined}>{objectText(e, label.object)}</span> },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 90,
      render: (v: string) => <Tag color={OUTCOME_COLOURS[v]}>{outcomeLabel(v)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.details'),
      key: 'open',
      width: 100,
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => setOpen(e)} aria-label={`${at('open')} #${e.seq}`}>
          {at('open')}
        </Button>
      ),
    },
  ];

  const objectTypes = Object.entries(label.labels?.objects ?? {}).map(([value, l]) => ({ value, label: lang === 'en' ? l.en : l.zh }));
  const verdict = verify.data;
  return (
    <>
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
      <ListPage<AuditEntry, keyof typeof FILTERS>
        title={t('audit.title')}
        state={state}
        query={log}
        columns={columns}
        rowKey="seq"
        searchLabel={at('filter.actionText')}
        emptyText={at('empty')}
        scrollX={1100}
        actions={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={exportAuditUrl(filter)} download>
              {at('export')}
            </Button>
            {can('audit.verify') && (
              <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
                {t('audit.verify')}
              </Button>
            )}
          </Space>
        }
        filters={
          <>
            <Input.Search
              aria-label={at('filter.username')}
              placeholder={at('filter.username')}
              allowClear
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                if (!e.target.value) state.set({ username: undefined });
              }}
              onSearch={(v) => state.set({ username: v.trim() })}
              style={{ width: 160 }}
            />
            <Select
              aria-label={at('filter.objectType')}
              placeholder={at('filter.objectType')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={objectTypes}
              value={f.objectType || undefined}
              onChange={(v?: string) => state.set({ objectType: v })}
              style={{ width: 150 }}
            />
            <Input.Search
              aria-label={at('filter.objectId')}
              placeholder={at('filter.objectId')}
              allowClear
              value={objectId}
              onChange={(e) => {
                setObjectId(e.target.value);
                if (!e.target.value) state.set({ objectId: undefined });
              }}
              onSearch={(v) => state.set({ objectId: v.trim() })}
              style={{ width: 200 }}
            />
            <Select
              aria-label={at('filter.outcome')}
              placeholder={at('filter.outcome')}
              allowClear
              options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))}
              value={f.outcome || undefined}
              onChange={(v?: string) => state.set({ outcome: v })}
              style={{ width: 110 }}
            />
            <DatePicker.RangePicker
              aria-label={t('audit.range')}
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
              value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
              onChange={(range) => state.set({ from: range?.[0]?.startOf('minute').toISOString(), to: range?.[1]?.endOf('minute').toISOString() })}
            />
          </>
        }
      />
      <AuditEntryDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
