import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { HouseholdDetail } from '@shared/contracts/households';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { useMoveMember } from '../api/change-household';
import type { Household } from '../api/list-households';
import { useHouseholdsT } from '../messages';
import { afterToday, DAY, relationOptions, useChangeErrorText } from './change-form';
import type { HouseholdMember } from './HouseholdMembersTable';
import { HouseholdSelect } from './HouseholdSelect';

interface MoveValues {
  toHouseholdId: string;
  relationToHead: string;
  effectiveDate: Dayjs;
  reason?: string;
}

const FIELDS = ['toHouseholdId', 'relationToHead', 'effectiveDate', 'reason'] as const;

/** 迁往他户: the target is found by searching households; confirmed before it is sent. Mounted while open. */
export function MoveMemberModal({ household, member, onClose }: { household: HouseholdDetail; member: HouseholdMember; onClose: () => void }) {
  const t = useHouseholdsT();
  const { t: tt, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const [target, setTarget] = useState<Household | undefined>();
  const move = useMoveMember();
  const errors = useServerFormErrors(form, { fields: FIELDS, problemOf: useChangeErrorText() });
  const onFinish = (v: MoveValues) =>
    modal.confirm({
      title: t('move.confirm', { name: member.name, address: target?.address ?? '' }),
      okText: tt('common.ok'),
      cancelText: tt('common.cancel'),
      onOk: () => {
        errors.clear();
        return move
          .mutateAsync({
            householdId: household.id,
            residentId: member.id,
            toHouseholdId: v.toHouseholdId,
            relationToHead: v.relationToHead as never,
            effectiveDate: v.effectiveDate.format(DAY),
            reason: v.reason?.trim() || undefined,
          })
          .then(() => {
            message.success(t('move.done', { name: member.name }));
            onClose();
          })
          .catch(errors.fail);
      },
    });
  return (
    <FormModal<MoveValues>
      form={form}
      title={t('move.title', { name: member.name })}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{ effectiveDate: dayjs(), relationToHead: 'other' }}
      saving={move.isPending}
      okText={tt('common.ok')}
      width={600}
      problem={errors.problem}
    >
      <Form.Item label={t('move.target')} name="toHouseholdId" rules={[{ required: true, message: t('field.requiredSelect', { field: t('move.target') }) }]}>
        <HouseholdSelect
          excludeId={household.id}
          autoFocus
          onChange={(id, h) => (form.setFieldValue('toHouseholdId', id), setTarget(h))}
          aria-label={t('move.target')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('move.relation')} name="relationToHead" rules={[{ required: true }]}>
            <Select options={relationOptions(lang, !!target?.headResidentId)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('field.effectiveDate')}
            name="effectiveDate"
            rules={[{ required: true, message: t('field.required', { field: t('field.effectiveDate') }) }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('field.reason')} name="reason" rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
