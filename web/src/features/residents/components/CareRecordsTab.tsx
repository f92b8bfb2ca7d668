import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  theme,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { CareRecordView } from '@shared/contracts/care';
import {
  careGroupsReadableWith,
  DISABILITY_CATEGORIES,
  DISABILITY_CATEGORY_LABELS,
  YOUFU_TYPES,
  YOUFU_TYPE_LABELS,
  type CareGroup,
} from '@shared/domain/registry';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { useCreateCareRecord, type CreateCareRecordInput } from '../api/create-care-record';
import { useUpdateCareRecord } from '../api/update-care-record';
import { label, options } from '../labels';
import { useResidentsT, type ResidentsMessageKey } from '../messages';

const DAY = 'YYYY-MM-DD';
const CORRECTION_TYPES = ['probation', 'parole', 'surveillance', 'temporary_execution'] as const;
/** Attributes that hold a date (shown and sent as YYYY-MM-DD). */
const DATE_ATTRS = ['releaseDate', 'periodEnd', 'startDate', 'endDate', 'arrivalDate'];

/** A short reading of a record's attributes, e.g. 肢体残疾 · 2 级. */
function useDescribe() {
  const t = useResidentsT();
  const { lang } = useI18n();
  const pick = (l: { zh: string; en: string } | undefined, raw: unknown) => (l ? (lang === 'en' ? l.en : l.zh) : String(raw));
  return (r: CareRecordView): string => {
    const a = r.attributes as Record<string, unknown>;
    const parts: string[] = [];
    if (a.category) parts.push(pick(DISABILITY_CATEGORY_LABELS[a.category as (typeof DISABILITY_CATEGORIES)[number]], a.category));
    if (a.level) parts.push(t('care.level', { n: a.level }));
    if (a.type) parts.push(pick(YOUFU_TYPE_LABELS[a.type as (typeof YOUFU_TYPES)[number]], a.type));
    if (a.correctionType) parts.push(t(`care.correction.${a.correctionType as (typeof CORRECTION_TYPES)[number]}`));
    if (a.releaseDate) parts.push(`${t('care.attr.releaseDate')} ${String(a.releaseDate)}`);
    if (a.endDate) parts.push(`${t('care.attr.correctionEnd')} ${String(a.endDate)}`);
    if (a.periodEnd) parts.push(`${t('care.attr.periodEnd')} ${String(a.periodEnd)}`);
    if (a.origin) parts.push(`${t('care.attr.origin')} ${String(a.origin)}`);
    if (a.arrivalDate) parts.push(`${t('care.attr.arrivalDate')} ${String(a.arrivalDate)}`);
    if (a.monthlyAmount !== undefined) parts.push(`${String(a.monthlyAmount)} ${lang === 'en' ? 'yuan/month' : '元/月'}`);
    if (a.certificateNo) parts.push(`${t('care.attr.certificateNo')} ${String(a.certificateNo)}`);
    if (a.residencePermitNo) parts.push(`${t('care.attr.residencePermitNo')} ${String(a.residencePermitNo)}`);
    return parts.join(' · ');
  };
}

/** 关怀对象: the care records the server lets this user see; holders of care.write add and end them. */
export function CareRecordsTab({ residentId, records, writable }: { residentId: string; records: CareRecordView[]; writable: boolean }) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const describe = useDescribe();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CareRecordView | null>(null);

  const columns: TableColumnsType<CareRecordView> = [
    { title: t('care.group'), dataIndex: 'groupType', key: 'group', render: (g: string) => label('careGroup', g, lang) },
    { title: t('care.details'), key: 'details', render: (_, r) => describe(r) || '—' },
    { title: t('care.startDate'), dataIndex: 'startDate', key: 'start', width: 120 },
    { title: t('care.endDate'), dataIndex: 'endDate', key: 'end', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('care.state'),
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (a: boolean) => (a ? <Tag color="processing">{t('care.current')}</Tag> : <Tag>{t('care.ended')}</Tag>),
    },
    { title: t('care.notes'), dataIndex: 'notes', key: 'notes', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];
  if (writable)
    columns.push({
      title: lang === 'en' ? 'Actions' : '操作',
      key: 'actions',
      width: 90,
      render: (_, r) =>
        r.active && (
          <Button type="link" size="small" danger onClick={() => setEnding(r)}>
            {t('care.end')}
          </Button>
        ),
    });

  return (
    <>
      {writable && (
        <Flex justify="flex-end" style={{ marginBottom: token.marginSM }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('care.add')}
          </Button>
        </Flex>
      )}
      <Table<CareRecordView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={records}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.empty')} /> }}
        scroll={{ x: 800 }}
      />
      {writable && adding && <AddCareRecordModal residentId={residentId} onClose={() => setAdding(false)} />}
      <EndCareRecordModal
        residentId={residentId}
        record={ending}
        onClose={() => setEnding(null)}
        onDone={() => {
          message.success(t('care.endedOk'));
          setEnding(null);
        }}
      />
    </>
  );
}

function EndCareRecordModal({
  residentId,
  record,
  onClose,
  onDone,
}: {
  residentId: string;
  record: CareRecordView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const [endDate, setEndDate] = useState<Dayjs>(dayjs());
  const end = useUpdateCareRecord();
  return (
    <Modal
      open={!!record}
      title={t('care.endTitle')}
      okText={t('care.end')}
      okButtonProps={{ danger: true, loading: end.isPending }}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && (setEndDate(dayjs()), end.reset())}
      onOk={() => record && end.mutate({ residentId, recordId: record.id, version: record.version, endDate: endDate.format(DAY) }, { onSuccess: onDone })}
    >
      {record && <Typography.Paragraph>{t('care.endConfirm', { group: label('careGroup', record.groupType, lang) })}</Typography.Paragraph>}
      <label>
        {t('care.endDate')}{' '}
        <DatePicker
          aria-label={t('care.endDate')}
          value={endDate}
          onChange={(d) => d && setEndDate(d)}
          allowClear={false}
          minDate={record ? dayjs(record.startDate) : undefined}
        />
      </label>
      {end.isError && <Alert type="error" showIcon title={end.error.message} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

interface AddValues {
  groupType: CareGroup;
  startDate: Dayjs;
  notes?: string;
  attributes?: Record<string, unknown>;
}

function AddCareRecordModal({ residentId, onClose }: { residentId: string; onClose: () => void }) {
  const t = useResidentsT();
  const { t: tt, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<AddValues>();
  const create = useCreateCareRecord();
  const group = Form.useWatch('groupType', form);
  const { problem, clear: clearProblem, fail } = useServerFormErrors(form, { fields: ['groupType', 'startDate', 'notes'] });
  const groups = careGroupsReadableWith(can);
  const req = (key: ResidentsMessageKey) => ({ required: true, message: t('form.required', { field: t(key) }) });
  const date = (name: string, key: ResidentsMessageKey, required = false, extra?: string) => (
    <Col xs={24} sm={12} key={name}>
      <Form.Item label={t(key)} name={['attributes', name]} rules={required ? [req(key)] : []} extra={extra}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  const text = (name: string, key: ResidentsMessageKey, required = false, max = 100) => (
    <Col xs={24} sm={12} key={name}>
      <Form.Item label={t(key)} name={['attributes', name]} rules={[...(required ? [req(key)] : []), { max }]}>
        <Input autoComplete="off" />
      </Form.Item>
    </Col>
  );
  const pickLabels = (labels: Record<string, { zh: string; en: string }>) =>
    Object.entries(labels).map(([value, l]) => ({ value, label: lang === 'en' ? l.en : l.zh }));

  const attributeFields: Partial<Record<CareGroup, ReactNode[]>> = {
    disability: [
      <Col xs={24} sm={12} key="category">
        <Form.Item label={t('care.attr.category')} name={['attributes', 'category']} rules={[req('care.attr.category')]}>
          <Select options={pickLabels(DISABILITY_CATEGORY_LABELS)} />
        </Form.Item>
      </Col>,
      <Col xs={24} sm={12} key="level">
        <Form.Item label={t('care.attr.level')} name={['attributes', 'level']} rules={[req('care.attr.level')]}>
          <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('care.level', { n }) }))} />
        </Form.Item>
      </Col>,
      text('certificateNo', 'care.attr.certificateNo', false, 40),
    ],
    youfu: [
      <Col xs={24} sm={12} key="type">
        <Form.Item label={t('care.attr.type')} name={['attributes', 'type']} rules={[req('care.attr.type')]}>
          <Select options={pickLabels(YOUFU_TYPE_LABELS)} />
        </Form.Item>
      </Col>,
    ],
    dibao: [text('certificateNo', 'care.attr.certificateNo', false, 40), <MonthlyAmount key="amount" />],
    tekun: [text('certificateNo', 'care.attr.certificateNo', false, 40), <MonthlyAmount key="amount" />],
    released: [
      date('releaseDate', 'care.attr.releaseDate', true),
      date('periodEnd', 'care.attr.periodEnd', false, t('care.attr.periodEndHint')),
      text('offence', 'care.attr.offence'),
    ],
    correction: [
      <Col xs={24} sm={12} key="correctionType">
        <Form.Item label={t('care.attr.correctionType')} name={['attributes', 'correctionType']}>
          <Select allowClear options={CORRECTION_TYPES.map((c) => ({ value: c, label: t(`care.correction.${c}`) }))} />
        </Form.Item>
      </Col>,
      date('startDate', 'care.attr.correctionStart'),
      date('endDate', 'care.attr.correctionEnd', true),
      date('periodEnd', 'care.attr.periodEnd', false, t('care.attr.periodEndHint')),
    ],
    floating: [
      date('arrivalDate', 'care.attr.arrivalDate', true),
      <Col xs={24} sm={12} key="months">
        <Form.Item label={t('care.attr.plannedStayMonths')} name={['attributes', 'plannedStayMonths']} rules={[req('care.attr.plannedStayMonths')]}>
          <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>,
      text('origin', 'care.attr.origin', true),
      text('residencePermitNo', 'care.attr.residencePermitNo', false, 40),
    ],
  };

  const close = () => {
    form.resetFields();
    clearProblem();
    onClose();
  };

  const onFinish = (v: AddValues) => {
    clearProblem();
    const attributes: Record<string, unknown> = {};
    for (const [k, value] of Object.entries(v.attributes ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      attributes[k] = DATE_ATTRS.includes(k) && dayjs.isDayjs(value) ? value.format(DAY) : typeof value === 'string' ? value.trim() : value;
    }
    const record = { groupType: v.groupType, startDate: v.startDate.format(DAY), notes: v.notes?.trim() || null, attributes } as CreateCareRecordInput;
    create.mutate(
      { residentId, record },
      {
        onSuccess: () => {
          message.success(t('care.added'));
          close();
        },
        onError: (err) => void fail(err),
      },
    );
  };

  return (
    <FormModal<AddValues>
      form={form}
      title={t('care.add')}
      onClose={close}
      onFinish={onFinish}
      initialValues={{ startDate: dayjs() }}
      saving={create.isPending}
      okText={tt('common.save')}
      width={640}
      problem={problem}
      formProps={{ 'aria-label': t('care.add') }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('care.group')} name="groupType" rules={[{ required: true, message: t('form.requiredSelect', { field: t('care.group') }) }]}>
            <Select options={options('careGroup', lang, groups)} autoFocus onChange={() => form.setFieldValue('attributes', {})} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('care.startDate')} name="startDate" rules={[{ required: true, message: t('form.required', { field: t('care.startDate') }) }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {group && attributeFields[group]}
        <Col span={24}>
          <Form.Item label={t('care.notes')} name="notes" rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

function MonthlyAmount() {
  const t = useResidentsT();
  return (
    <Col xs={24} sm={12}>
      <Form.Item label={t('care.attr.monthlyAmount')} name={['attributes', 'monthlyAmount']}>
        <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}
