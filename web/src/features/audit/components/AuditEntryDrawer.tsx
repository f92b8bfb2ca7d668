import { Descriptions, Drawer, Empty, Space, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useAuditLabeller } from '../api/audit-labels';
import type { AuditEntry } from '../api/list-audit';
import { useAuditT, zh as auditZh, type AuditMessageKey } from '../messages';

const OUTCOME_COLOURS: Record<string, string> = { success: 'success', failure: 'error', denied: 'warning' };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One audit entry, readable: who, when, what on which object, the outcome, its details as key/value. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useI18n();
  const at = useAuditT();
  const { token } = theme.useToken();
  const label = useAuditLabeller();

  const keyLabel = (k: string) => (`key.${k}` in auditZh ? at(`key.${k}` as AuditMessageKey) : k);
  /** A detail value as text or a nested list; codes the page knows (reasons) as their labels. */
  const value = (k: string, v: unknown, depth = 0): ReactNode => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? at('yes') : at('no');
    if (typeof v === 'string') {
      if (k === 'reason' && `reason.${v}` in auditZh) return at(`reason.${v}` as AuditMessageKey);
      if (ISO_TIME.test(v)) return dayjs(v).format('YYYY-MM-DD HH:mm:ss');
      return <Typography.Text copyable={v.length > 20 ? { text: v } : false}>{v}</Typography.Text>;
    }
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v))
      return v.every((x) => typeof x !== 'object' || x === null) ? (
        <Space wrap size={token.marginXXS}>
          {v.map((x, i) => (
            <Tag key={i}>{String(x)}</Tag>
          ))}
        </Space>
      ) : (
        <Space orientation="vertical" size={token.marginXXS} style={{ width: '100%' }}>
          {v.map((x, i) => (
            <div key={i}>{value(k, x, depth + 1)}</div>
          ))}
        </Space>
      );
    if (depth > 2) return <Typography.Text code>{JSON.stringify(v)}</Typography.Text>;
    return (
      <Descriptions
        size="small"
        column={1}
        bordered
        items={Object.entries(v as Record<string, unknown>).map(([kk, vv]) => ({ key: kk, label: keyLabel(kk), children: value(kk, vv, depth + 1) }))}
      />
    );
  };

  const details = entry?.details && typeof entry.details === 'object' && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : null;
  return (
    <Drawer open={entry !== null} onClose={onClose} size="large" title={entry ? at('drawer.title', { seq: entry.seq }) : ''} destroyOnHidden>
      {entry && (
        <Space orientation="vertical" size={token.marginLG} style={{ width: '100%' }}>
          <Descriptions
            title={at('drawer.entry')}
            size="small"
            column={1}
            bordered
            items={[
              { key: 'at', label: t('audit.at'), children: dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss') },
              { key: 'user', label: t('audit.username'), children: entry.username ?? '—' },
              { key: 'ip', label: t('audit.ip'), children: entry.ip ?? '—' },
              {
                key: 'action',
                label: t('audit.action'),
                children: (
                  <Space wrap>
                    {label.action(entry.action)}
                    <Typography.Text type="secondary">{entry.action}</Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'object',
                label: t('audit.object'),
                children: entry.objectType ? (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {label.object(entry.objectType)}
                      {entry.objectName ? ` · ${entry.objectName}` : ''}
                    </span>
                    {entry.objectId && <Typography.Text copyable>{entry.objectId}</Typography.Text>}
                  </Space>
                ) : (
                  '—'
                ),
              },
              {
                key: 'outcome',
                label: t('audit.outcome'),
                children: <Tag color={OUTCOME_COLOURS[entry.outcome]}>{t(`audit.outcome.${entry.outcome}` as MessageKey)}</Tag>,
              },
              ...(entry.communityId ? [{ key: 'community', label: at('drawer.community'), children: entry.communityId }] : []),
            ]}
          />
          {details && Object.keys(details).length > 0 ? (
            <Descriptions
              title={at('drawer.details')}
              size="small"
              column={1}
              bordered
              items={Object.entries(details).map(([k, v]) => ({ key: k, label: keyLabel(k), children: value(k, v) }))}
            />
          ) : entry.details != null && !details ? (
            <Descriptions
              title={at('drawer.details')}
              size="small"
              column={1}
              bordered
              items={[{ key: 'v', label: '—', children: value('', entry.details) }]}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={at('drawer.noDetails')} />
          )}
          <Descriptions
            title={at('drawer.chain')}
            size="small"
            column={1}
            items={[
              { key: 'seq', label: t('audit.seq'), children: entry.seq },
              {
                key: 'hash',
                label: at('drawer.hash'),
                children: (
                  <Typography.Text code copyable>
                    {entry.hash}
                  </Typography.Text>
                ),
              },
              { key: 'prev', label: at('drawer.prevHash'), children: <Typography.Text code>{entry.prevHash}</Typography.Text> },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
