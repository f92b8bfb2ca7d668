import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, theme, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { TrainingRecord } from '@shared/contracts/cadres';
import { EDUCATION_LABELS } from '@shared/domain/registry';
import { CADRE_POST_LABELS, CADRE_SOURCE_LABELS } from '@shared/domain/staffing';
import { TRAINING_FORM_LABELS, TRAINING_FORMS, type TrainingForm } from '@shared/domain/training';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { PageHeader } from '../../../components/PageHeader';
import { DetailShell } from '../../../components/DetailShell';
import { useI18n } from '../../../lib/i18n';
import { useAddTraining } from '../api/add-training';
import { useCadre } from '../api/get-cadre';
import { bi } from '../../organisations/components/communities';
import { useCadresT } from '../messages';

interface TrainingValues {
  course: string;
  form: TrainingForm;
  hours: number;
  date: Dayjs;
}

/** 干部详情: profile, insurance, training records and when the next training is due. */
export function CadreDetailPage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { id = '' } = useParams();
  const cadre = useCadre(id);
  const add = useAddTraining();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TrainingValues>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['course', 'form', 'hours', 'date'] });

  return (
    <DetailShell query={cadre} notFoundTitle={t('detail.notFound')} backTo="/cadres" backLabel={t('detail.back')}>
      {(k) => {
        const none = t('common.none');
        const columns: TableColumnsType<TrainingRecord> = [
          { title: t('training.date'), dataIndex: 'date', key: 'date', width: 120 },
          { title: t('training.course'), dataIndex: 'course', key: 'course' },
          { title: t('training.form'), dataIndex: 'form', key: 'form', width: 120, render: (v: TrainingForm) => bi(TRAINING_FORM_LABELS[v], lang) },
          { title: t('training.hours'), dataIndex: 'hours', key: 'hours', width: 80 },
        ];
        const close = () => {
          form.resetFields();
          clear();
          setOpen(false);
        };
        return (
          <>
            <PageHeader
              documentTitle={k.name}
              title={
                <Space>
                  <Link to="/cadres" aria-label={t('detail.back')}>
                    <ArrowLeftOutlined />
                  </Link>
                  {k.name}
                  <Tag>{bi(CADRE_POST_LABELS[k.post], lang)}</Tag>
                </Space>
              }
            />
            <Space direction="vertical" size={token.marginSM} style={{ width: '100%' }}>
              <Card title={t('detail.profile')} variant="borderless" size="small">
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
                  <Descriptions.Item label={t('col.community')}>{k.communityName}</Descriptions.Item>
                  <Descriptions.Item label={t('col.source')}>{bi(CADRE_SOURCE_LABELS[k.source], lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('col.age')}>{k.age}</Descriptions.Item>
                  <Descriptions.Item label={t('col.education')}>{k.education ? bi(EDUCATION_LABELS[k.education], lang) : none}</Descriptions.Item>
                  <Descriptions.Item label={t('col.party')}>{k.partyMember ? t('yes') : t('no')}</Descriptions.Item>
                  <Descriptions.Item label={t('col.startDate')}>{k.startDate}</Descriptions.Item>
                  <Descriptions.Item label={t('col.payGrade')}>{k.payGrade ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('col.insurance')}>
                    <Space size={2}>
                      <Tag color={k.pensionInsured ? 'success' : 'error'}>{t('ins.pension')}</Tag>
                      <Tag color={k.medicalInsured ? 'success' : 'error'}>{t('ins.medical')}</Tag>
                    </Space>
                  </Descriptions.Item>
                  {k.residentId && (
                    <Descriptions.Item label={t('col.name')}>
                      <Link to={`/residents/${k.residentId}`}>{k.name}</Link>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
              <Card
                title={t('detail.trainings')}
                variant="borderless"
                size="small"
                extra={
                  <Space>
                    <Tag color={k.training.status === 'ok' ? 'success' : k.training.status === 'due' ? 'warning' : 'error'}>
                      {t(`training.status.${k.training.status}`)}
                    </Tag>
                    <span>{t('detail.nextTraining', { date: k.training.dueDate, years: k.training.intervalYears })}</span>
                    {k.capabilities.canEdit && (
                      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                        {t('training.add')}
                      </Button>
                    )}
                  </Space>
                }
              >
                <Table<TrainingRecord>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={k.trainings}
                  pagination={false}
                  locale={{ emptyText: t('detail.noTrainings') }}
                />
              </Card>
            </Space>
            {open && (
              <FormModal<TrainingValues>
                form={form}
                title={t('training.add')}
                onClose={close}
                saving={add.isPending}
                problem={problem}
                initialValues={{ form: 'short_course', hours: 4, date: dayjs() }}
                onFinish={(v) => {
                  clear();
                  add.mutate(
                    { id: k.id, training: { course: v.course.trim(), form: v.form, hours: v.hours, date: v.date.format('YYYY-MM-DD') } },
                    { onSuccess: close, onError: (err) => void fail(err) },
                  );
                }}
              >
                <Form.Item label={t('training.course')} name="course" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                  <Input aria-label={t('training.course')} maxLength={100} />
                </Form.Item>
                <Form.Item label={t('training.form')} name="form">
                  <Select aria-label={t('training.form')} options={TRAINING_FORMS.map((f) => ({ value: f, label: bi(TRAINING_FORM_LABELS[f], lang) }))} />
                </Form.Item>
                <Form.Item label={t('training.hours')} name="hours" rules={[{ required: true, message: t('form.required') }]}>
                  <InputNumber aria-label={t('training.hours')} min={0.5} max={500} step={0.5} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item label={t('training.date')} name="date" rules={[{ required: true, message: t('form.required') }]}>
                  <DatePicker aria-label={t('training.date')} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
              </FormModal>
            )}
          </>
        );
      }}
    </DetailShell>
  );
}
