import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Skeleton, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { SecuritySettingsT } from '@shared/contracts/security';
import { PageHeader } from '../../../components/PageHeader';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useSecuritySettings } from '../api/get-security-settings';
import { useUpdateSecuritySettings } from '../api/update-security-settings';
import { useSecurityT, type SecurityMessageKey } from '../messages';

type NumberField = Exclude<keyof SecuritySettingsT, 'adminTotp' | 'sensitiveTotp'>;

/** The numeric fields by group, with their bounds (the contract's). */
const GROUPS: { title: SecurityMessageKey; fields: { name: NumberField; min: number; max: number; help?: SecurityMessageKey }[] }[] = [
  {
    title: 'settings.password',
    fields: [
      { name: 'passwordMinLength', min: 6, max: 128 },
      { name: 'passwordMinClasses', min: 1, max: 4, help: 'settings.passwordMinClassesHelp' },
      { name: 'passwordMaxAgeDays', min: 0, max: 3650 },
      { name: 'passwordHistory', min: 0, max: 24 },
    ],
  },
  {
    title: 'settings.lockout',
    fields: [
      { name: 'lockoutThreshold', min: 1, max: 100 },
      { name: 'lockoutMinutes', min: 1, max: 1440 },
    ],
  },
  {
    title: 'settings.session',
    fields: [
      { name: 'sessionIdleMinutes', min: 1, max: 1440 },
      { name: 'sessionAbsoluteHours', min: 1, max: 72 },
    ],
  },
];

/** 安全设置: password policy, lockout, session limits and the second factor, stored and in force at once. */
export function SecuritySettingsPage() {
  const t = useSecurityT();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const view = useSecuritySettings();
  const save = useUpdateSecuritySettings();
  const [form] = Form.useForm<SecuritySettingsT>();

  // The form follows what is stored, also after a stale save reloaded it.
  useEffect(() => {
    if (view.data) form.setFieldsValue(view.data.settings);
  }, [view.data, form]);
  const { problem, clear, fail } = useServerFormErrors(form, {
    fields: [...GROUPS.flatMap((g) => g.fields.map((f) => f.name)), 'adminTotp', 'sensitiveTotp'],
    onConflict: () => {
      message.warning(t('settings.stale'));
      void view.refetch();
    },
  });

  const submit = (values: SecuritySettingsT) => {
    clear();
    save.mutate({ ...values, version: view.data!.version }, { onSuccess: () => message.success(t('settings.saved')), onError: (err) => void fail(err) });
  };

  const totpOptions = [
    { value: 'required', label: t('settings.required') },
    { value: 'off', label: t('settings.off') },
  ];
  const defaults = view.data?.defaults;
  const defaultText = (v: unknown) => t('settings.default', { value: v === 'required' ? t('settings.required') : v === 'off' ? t('settings.off') : String(v) });

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Alert type="info" showIcon title={t('settings.intro')} style={{ marginBottom: token.marginMD }} />
      {view.isError && <Alert type="error" showIcon title={view.error.message} style={{ marginBottom: token.marginMD }} />}
      {!view.data ? (
        <Skeleton active />
      ) : (
        <Form<SecuritySettingsT> form={form} layout="vertical" onFinish={submit} aria-label={t('settings.title')} style={{ maxWidth: 1100 }}>
          <Row gutter={[token.marginMD, token.marginMD]}>
            {GROUPS.map((g) => (
              <Col key={g.title} xs={24} lg={8}>
                <Card title={t(g.title)} variant="borderless" size="small" style={{ height: '100%' }}>
                  {g.fields.map((f) => (
                    <Form.Item
                      key={f.name}
                      name={f.name}
                      label={t(`settings.${f.name}` as SecurityMessageKey)}
                      tooltip={f.help ? t(f.help) : undefined}
                      extra={defaults ? defaultText(defaults[f.name]) : undefined}
                      rules={[{ required: true, type: 'integer', min: f.min, max: f.max }]}
                    >
                      <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ))}
                </Card>
              </Col>
            ))}
            <Col span={24}>
              <Card title={t('settings.totp')} variant="borderless" size="small">
                <Row gutter={token.marginMD}>
                  {(['adminTotp', 'sensitiveTotp'] as const).map((name) => (
                    <Col key={name} xs={24} md={12}>
                      <Form.Item
                        name={name}
                        label={t(`settings.${name}`)}
                        extra={defaults ? defaultText(defaults[name]) : undefined}
                        rules={[{ required: true }]}
                      >
                        <Select options={totpOptions} style={{ maxWidth: 200 }} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
            </Col>
          </Row>
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: token.marginMD }} />}
          <Row align="middle" gutter={token.marginMD} style={{ marginTop: token.marginMD }}>
            <Col>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('settings.save')}
              </Button>
            </Col>
            <Col>
              <Typography.Text type="secondary">
                {view.data.updatedAt
                  ? t('settings.updated', { at: dayjs(view.data.updatedAt).format('YYYY-MM-DD HH:mm'), by: view.data.updatedBy ?? '—' })
                  : t('settings.neverUpdated')}
              </Typography.Text>
            </Col>
          </Row>
        </Form>
      )}
    </>
  );
}
