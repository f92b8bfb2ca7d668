import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Radio, Skeleton, Tag, Typography, theme } from 'antd';
import { OWN_OBJECTION_KIND_LABELS, type MyElection } from '@shared/contracts/elections';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useFileMyObjection } from '../api/file-my-objection';
import { useMyElections } from '../api/get-my-elections';
import { useDashboardT } from '../messages';

type Kind = MyElection['objections'][number]['kind'];
interface Values {
  kind: Kind;
  reason: string;
}

const STATUS_COLOR = { open: 'processing', upheld: 'success', rejected: 'default' } as const;

/** The objection form of one election: about the resident themselves, filed today. */
function ObjectionForm({ election }: { election: MyElection }) {
  const t = useDashboardT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileMyObjection();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['kind', 'reason'] });
  // Missing from the roll, or on it wrongly: the kind that fits is offered, the other is shown disabled.
  const fits: Kind = election.onRoll ? 'exclude' : 'include';
  const onFinish = (v: Values) => {
    clear();
    file.mutate(
      { electionId: election.id, kind: v.kind, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('el.filed'));
          form.resetFields();
        },
        onError: (err) => void fail(err),
      },
    );
  };
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ kind: fits, reason: '' }} onFinish={onFinish} aria-label={t('el.formTitle')}>
      <Typography.Title level={3} style={{ fontSize: token.fontSize, marginTop: 0 }}>
        {t('el.formTitle')}
      </Typography.Title>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: token.marginSM }} />}
      <Form.Item label={t('el.kind')} name="kind" rules={[{ required: true, message: t('el.required') }]}>
        <Radio.Group aria-label={t('el.kind')}>
          <Flex vertical gap={token.marginXXS}>
            {(['include', 'exclude'] as const).map((k) => (
              <Radio key={k} value={k} disabled={k !== fits}>
                {lang === 'en' ? OWN_OBJECTION_KIND_LABELS[k].en : OWN_OBJECTION_KIND_LABELS[k].zh}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t('el.reason')}
        name="reason"
        extra={t('el.reasonHint')}
        rules={[
          { required: true, whitespace: true, message: t('el.required') },
          { min: 2, message: t('el.reasonShort') },
        ]}
      >
        <Input.TextArea aria-label={t('el.reason')} rows={3} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.isPending}>
        {t('el.submit')}
      </Button>
    </Form>
  );
}

/** One election as the resident sees it: the date, the window, their own entry, the form, their objections. */
function ElectionCard({ election, name, idMasked }: { election: MyElection; name: string; idMasked: string }) {
  const t = useDashboardT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const pending = election.objections.find((o) => o.status === 'open');
  return (
    <Card
      variant="borderless"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: token.fontSizeLG, whiteSpace: 'normal' }}>
          {t('el.title', { community: election.communityName, term: election.term })}
        </Typography.Title>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'day', label: t('el.electionDate'), children: election.electionDate },
          { key: 'window', label: t('el.window'), children: t('el.windowRange', { from: election.objectionsOpen, to: election.objectionsClose }) },
          {
            key: 'roll',
            label: t('el.onRoll'),
            children: (
              <Flex wrap gap={token.marginXS} align="center">
                <Tag color={election.onRoll ? 'success' : 'warning'}>{election.onRoll ? t('el.yes') : t('el.no')}</Tag>
                {election.onRoll && (
                  <Typography.Text>
                    {name} <Typography.Text code>{idMasked}</Typography.Text>
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: token.marginSM }}>
        {election.onRoll ? t('el.onRollHint') : t('el.offRollHint')}
      </Typography.Paragraph>
      {pending ? (
        <Alert type="info" showIcon title={t('el.pending', { due: pending.answerDue })} style={{ marginBottom: token.marginMD }} />
      ) : election.windowOpen ? (
        <ObjectionForm election={election} />
      ) : (
        <Alert type="info" showIcon title={t('el.closed')} style={{ marginBottom: token.marginMD }} />
      )}
      {election.objections.length > 0 && (
        <List
          style={{ marginTop: token.marginMD }}
          header={<Typography.Text strong>{t('el.mine')}</Typography.Text>}
          dataSource={election.objections}
          renderItem={(o) => (
            <List.Item key={o.id}>
              <Flex vertical gap={token.marginXXS} style={{ width: '100%' }}>
                <Flex wrap gap={token.marginXS} align="center">
                  <Tag color={STATUS_COLOR[o.status]}>{t(`el.status.${o.status}`)}</Tag>
                  <Typography.Text>{lang === 'en' ? OWN_OBJECTION_KIND_LABELS[o.kind].en : OWN_OBJECTION_KIND_LABELS[o.kind].zh}</Typography.Text>
                  <Typography.Text type="secondary">{t('el.filedOn', { date: o.filedOn })}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ margin: 0 }}>{o.reason}</Typography.Paragraph>
                {o.answer ? (
                  <Typography.Paragraph style={{ margin: 0 }}>
                    <Typography.Text strong>{t('el.answer', { date: o.answeredOn ?? '' })}</Typography.Text>
                    {o.answer}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">{t('el.answerDue', { due: o.answerDue })}</Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/**
 * 选举 in the resident portal: the published voter rolls of the resident's own community open to objections,
 * whether they are on each, a form to object about themselves, and their objections with the answers. On
 * the home page (`home`) it shows only when there is an election to show.
 */
export function MyElections({ home = false }: { home?: boolean }) {
  const t = useDashboardT();
  const { token } = theme.useToken();
  const q = useMyElections();
  if (q.isPending) return home ? null : <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError) {
    if (home) return null;
    return isApiError(q.error) && q.error.status === 404 ? (
      <Alert type="info" showIcon title={t('me.notLinked')} />
    ) : (
      <Alert type="error" showIcon title={q.error.message} />
    );
  }
  const { items, name, idMasked } = q.data;
  if (!items.length)
    return home ? null : (
      <Card variant="borderless">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('el.none')} />
      </Card>
    );
  return (
    <section aria-label={t('el.section')} style={{ marginBottom: token.marginLG }}>
      <Flex vertical gap={token.marginLG}>
        {items.map((e) => (
          <ElectionCard key={e.id} election={e} name={name} idMasked={idMasked} />
        ))}
      </Flex>
    </section>
  );
}
