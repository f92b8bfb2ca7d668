import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useVerifyAudit } from '../../audit/api/verify-audit';
import { useSecurityT } from '../messages';

/** 审计链校验: the security administrator runs the hash-chain check (it holds audit.verify, not audit.read). */
export function AuditChainPage() {
  const t = useSecurityT();
  const { t: common } = useI18n();
  const { token } = theme.useToken();
  const verify = useVerifyAudit();
  const verdict = verify.data;

  return (
    <>
      <PageHeader title={t('chain.title')} />
      <Card variant="borderless" style={{ maxWidth: 900 }}>
        <Space orientation="vertical" size={token.marginMD} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('chain.intro')}</Typography.Paragraph>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('chain.run')}
          </Button>
          {verify.isError && <Alert type="error" showIcon title={verify.error.message} />}
          {verdict && (
            <Alert
              type={verdict.ok ? 'success' : 'error'}
              showIcon
              title={
                !verdict.ok
                  ? common('audit.verifyBroken', {
                      seq: verdict.brokenAt,
                      reason: verdict.reason ? common(`audit.reason.${verdict.reason}`) : '',
                      checked: verdict.checked,
                    })
                  : verdict.checked === 0
                    ? common('audit.verifyEmpty')
                    : common('audit.verifyOk', { checked: verdict.checked, first: verdict.firstSeq, last: verdict.lastSeq })
              }
              description={
                <>
                  {t('chain.anchors', { n: verdict.anchors })}
                  {verdict.lastAnchor && (
                    <> · {t('chain.lastAnchor', { seq: verdict.lastAnchor.seq, at: dayjs(verdict.lastAnchor.at).format('YYYY-MM-DD HH:mm') })}</>
                  )}
                </>
              }
            />
          )}
        </Space>
      </Card>
    </>
  );
}
