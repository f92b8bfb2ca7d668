import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { DetailHeader } from '../../../components/DetailHeader';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useSession } from '../../auth/hooks/use-session';
import { useStandards, useUpdateStandards, type FourHavesStandards } from '../api/standards';
import { useFourHavesT, type FourHavesMessageKey } from '../messages';

type Numbers = Exclude<keyof FourHavesStandards, 'requiredRuleKinds' | 'premisesTiers'>;
const NUMBERS: { key: Numbers; min: number; max: number; step?: number }[] = [
  { key: 'premisesMinM2', min: 0, max: 100_000 },
  { key: 'premisesPerHundredHouseholdsM2', min: 0, max: 10_000 },
  { key: 'premisesActivityShare', min: 0, max: 1, step: 0.05 },
  { key: 'leaseWarningDays', min: 0, max: 3650 },
  { key: 'staffFullTime', min: 0, max: 1000 },
  { key: 'staffPartTime', min: 0, max: 1000 },
  { key: 'staffPolice', min: 0, max: 1000 },
  { key: 'fundingGapAmberShare', min: 0, max: 1, step: 0.05 },
  { key: 'rulesMaxAgeYears', min: 1, max: 100 },
];

/**
 * The 四有 standards (city settings): the numbers the verdicts use and the developer-premises tier table
 * (配建). Everyone who reads 四有 sees them; the city (fourhaves.settings) edits them.
 */
export function StandardsPage() {
  const t = useFourHavesT();
  const { message } = App.useApp();
  const { can } = useSession();
  const editable = can('fourhaves.settings');
  const standards = useStandards();
  const update = useUpdateStandards();
  const [form] = Form.useForm<FourHavesStandards>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: [...NUMBERS.map((n) => n.key), 'premisesTiers'] });

  useEffect(() => {
    if (standards.data) form.setFieldsValue(standards.data);
  }, [standards.data, form]);

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const { requiredRuleKinds: _kept, ...body } = v as FourHavesStandards;
    try {
      await update.mutateAsync({
        ...body,
        premisesTiers: (v.premisesTiers ?? []).map((r) => ({ maxFloorAreaM2: r.maxFloorAreaM2 ?? null, premisesM2: r.premisesM2 })),
      });
      message.success(t('standards.saved'));
    } catch (e) {
      // The server names the field (premisesTiers.1.maxFloorAreaM2): the message goes on it, else in the alert.
      await fail(e);
    }
  };

  return (
    <>
      <DetailHeader title={t('standards.title')} back="/four-haves" backLabel={t('detail.back')} />
      <Card loading={standards.isLoading}>
        {standards.error && <Alert type="error" showIcon message={(standards.error as Error).message} />}
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" disabled={!editable} onFinish={submit}>
          <Row gutter={16}>
            {NUMBERS.map((n) => (
              <Col key={n.key} xs={24} sm={12} lg={8}>
                <Form.Item name={n.key} label={t(`standards.${n.key}` as FourHavesMessageKey)} rules={[{ required: true }]}>
                  <InputNumber min={n.min} max={n.max} step={n.step ?? 1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Typography.Title level={5}>{t('standards.tiers')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('standards.tiersHint')}</Typography.Paragraph>
          <Form.List name="premisesTiers">
            {(fields, { add, remove }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  scroll={{ x: 480 }}
                  columns={[
                    { title: '#', key: 'n', width: 50, render: (_, f) => f.name + 1 },
                    {
                      title: t('standards.tierMax'),
                      key: 'max',
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'maxFloorAreaM2']} style={{ margin: 0 }}>
                          <InputNumber
                            min={0}
                            max={100_000_000}
                            placeholder={t('standards.openEnded')}
                            aria-label={t('standards.tierMaxOf', { n: f.name + 1 })}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('standards.tierArea'),
                      key: 'area',
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'premisesM2']} style={{ margin: 0 }} rules={[{ required: true }]}>
                          <InputNumber min={0} max={1_000_000} aria-label={t('standards.tierAreaOf', { n: f.name + 1 })} style={{ width: '100%' }} />
                        </Form.Item>
                      ),
                    },
                    ...(editable
                      ? [
                          {
                            title: '',
                            key: 'remove',
                            width: 50,
                            render: (_: unknown, f: { name: number }) => (
                              <Button
                                type="text"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={t('standards.removeTier', { n: f.name + 1 })}
                                onClick={() => remove(f.name)}
                              />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
                {editable && (
                  <Button
                    icon={<PlusOutlined />}
                    style={{ marginTop: 8 }}
                    onClick={() => add({ maxFloorAreaM2: null, premisesM2: undefined }, Math.max(0, fields.length - 1))}
                  >
                    {t('standards.addTier')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          {editable && (
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('standards.save')}
              </Button>
              <Button onClick={() => standards.data && form.setFieldsValue(standards.data)}>{t('standards.reset')}</Button>
            </Space>
          )}
        </Form>
      </Card>
    </>
  );
}
