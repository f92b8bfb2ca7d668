import { App, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { HouseholdDetail } from '@shared/contracts/households';
import { splitCandidates } from '@shared/domain/households';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { label } from '../../residents/labels';
import { useSplitHousehold } from '../api/change-household';
import { useHouseholdsT } from '../messages';
import { afterToday, DAY, relationOptions, useChangeErrorText } from './change-form';

interface SplitValues {
  residentIds: string[];
  newHeadId: string;
  address: string;
  room?: string;
  householdNumber?: string;
  relations?: Record<string, string>;
  effectiveDate: Dayjs;
  reason?: string;
}

/** A 400 on the new household's fields lands on them; one on a listed member (residentIds.n) is the alert. */
const FIELDS = ['newHeadId', 'relations', 'address', 'room', 'householdNumber', 'effectiveDate', 'reason'] as const;
const RENAME = { 'newHousehold.address': 'address', 'newHousehold.room': 'room', 'newHousehold.householdNumber': 'householdNumber' };

/** 分户: choose who leaves, their new head and address; confirmed before it is sent. Mounted while open. */
export function SplitHouseholdModal({ household, onClose }: { household: HouseholdDetail; onClose: () => void }) {
  const t = useHouseholdsT();
  const { t: tt, lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SplitValues>();
  const split = useSplitHousehold();
  const errors = useServerFormErrors(form, { fields: FIELDS, rename: RENAME, problemOf: useChangeErrorText() });
  const chosen: string[] = Form.useWatch('residentIds', form) ?? [];
  const newHeadId = Form.useWatch('newHeadId', form);
  const candidates = splitCandidates(household.members, household.headResidentId);
  const nameOf = (id: string) => household.members.find((m) => m.id === id)?.name ?? '';
  const onFinish = (v: SplitValues) =>
    modal.confirm({
      title: t('split.confirmTitle'),
      content: t('split.confirm', { n: v.residentIds.length, address: v.address.trim(), head: nameOf(v.newHeadId) }),
      okText: tt('common.ok'),
      cancelText: tt('common.cancel'),
      onOk: () => {
        errors.clear();
        const relations = Object.fromEntries(Object.entries(v.relations ?? {}).filter(([id, r]) => r && id !== v.newHeadId && v.residentIds.includes(id)));
        return split
          .mutateAsync({
            householdId: household.id,
            residentIds: v.residentIds,
            newHeadId: v.newHeadId,
            newHousehold: {
              address: v.address.trim(),
              room: v.room?.trim() || undefined,
              householdNumber: v.householdNumber?.trim() || undefined,
              householdType: 'family',
            },
            relations: Object.keys(relations).length ? (relations as never) : undefined,
            effectiveDate: v.effectiveDate.format(DAY),
            reason: v.reason?.trim() || undefined,
          })
          .then((change) => {
            message.success(t('split.done'));
            onClose();
            navigate(`/households/${change.other.id}`);
          })
          .catch(errors.fail);
      },
    });
  return (
    <FormModal<SplitValues>
      form={form}
      title={t('split.title')}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{ effectiveDate: dayjs(), address: household.address }}
      saving={split.isPending}
      okText={tt('common.ok')}
      width={640}
      notice={<Typography.Paragraph type="secondary">{t('split.intro')}</Typography.Paragraph>}
      problem={errors.problem}
    >
      <Form.Item label={t('split.members')} name="residentIds" rules={[{ required: true, type: 'array', min: 1, message: t('split.membersRule') }]}>
        <Checkbox.Group
          options={candidates.map((m) => ({ value: m.id, label: `${m.name}（${label('relation', m.relationToHead, lang) || '—'}，${m.age ?? m.ageBand}）` }))}
          onChange={(ids) => !ids.includes(form.getFieldValue('newHeadId')) && form.setFieldValue('newHeadId', ids[0])}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('split.newHead')}
            name="newHeadId"
            rules={[{ required: true, message: t('field.requiredSelect', { field: t('split.newHead') }) }]}
          >
            <Select options={chosen.map((id) => ({ value: id, label: nameOf(id) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.effectiveDate')} name="effectiveDate" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </Col>
      </Row>
      {/* The new household has its head (newHeadId): the others join it under another relation. */}
      {chosen
        .filter((id) => id !== newHeadId)
        .map((id) => (
          <Form.Item key={id} label={t('split.relationOf', { name: nameOf(id) })} name={['relations', id]}>
            <Select allowClear options={relationOptions(lang, true)} />
          </Form.Item>
        ))}
      <Form.Item
        label={t('split.address')}
        name="address"
        rules={[{ required: true, whitespace: true, message: t('field.required', { field: t('split.address') }) }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('split.room')} name="room" rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('split.number')} name="householdNumber" rules={[{ max: 30 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('field.reason')} name="reason" rules={[{ max: 200 }]}>
        <Input placeholder={t('field.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
