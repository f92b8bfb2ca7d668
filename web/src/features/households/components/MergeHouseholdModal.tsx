import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { HouseholdDetail } from '@shared/contracts/households';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { useMergeHousehold } from '../api/change-household';
import type { Household } from '../api/list-households';
import { useHouseholdsT } from '../messages';
import { afterToday, DAY, useChangeErrorText } from './change-form';
import { HouseholdSelect } from './HouseholdSelect';

interface MergeValues {
  intoHouseholdId: string;
  effectiveDate: Dayjs;
  reason?: string;
}

const FIELDS = ['intoHouseholdId', 'effectiveDate', 'reason'] as const;

/** 并户: every member joins the household chosen by search; confirmed before it is sent. Mounted while open. */
export function MergeHouseholdModal({ household, onClose }: { household: HouseholdDetail; onClose: () => void }) {
  const t = useHouseholdsT();
  const { t: tt } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<MergeValues>();
  const [target, setTarget] = useState<Household | undefined>();
  const merge = useMergeHousehold();
  const errors = useServerFormErrors(form, { fields: FIELDS, problemOf: useChangeErrorText() });
  const onFinish = (v: MergeValues) =>
    modal.confirm({
      title: t('merge.confirmTitle'),
      content: t('merge.confirm', { n: household.memberCount, address: target?.address ?? '' }),
      okText: tt('common.ok'),
      okButtonProps: { danger: true },
      cancelText: tt('common.cancel'),
      onOk: () => {
        errors.clear();
        return merge
          .mutateAsync({
            householdId: household.id,
            intoHouseholdId: v.intoHouseholdId,
            effectiveDate: v.effectiveDate.format(DAY),
            reason: v.reason?.trim() || undefined,
          })
          .then((change) => {
            message.success(t('merge.done'));
            onClose();
            navigate(`/households/${change.other.id}`);
          })
          .catch(errors.fail);
      },
    });
  return (
    <FormModal<MergeValues>
      form={form}
      title={t('merge.title')}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{ effectiveDate: dayjs() }}
      saving={merge.isPending}
      okText={tt('common.ok')}
      width={600}
      notice={<Typography.Paragraph type="secondary">{t('merge.intro')}</Typography.Paragraph>}
      problem={errors.problem}
    >
      <Form.Item
        label={t('merge.target')}
        name="intoHouseholdId"
        rules={[{ required: true, message: t('field.requiredSelect', { field: t('merge.target') }) }]}
      >
        <HouseholdSelect
          excludeId={household.id}
          autoFocus
          onChange={(id, h) => (form.setFieldValue('intoHouseholdId', id), setTarget(h))}
          aria-label={t('merge.target')}
        />
      </Form.Item>
      <Form.Item label={t('field.effectiveDate')} name="effectiveDate" rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
      </Form.Item>
      <Form.Item label={t('field.reason')} name="reason" rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
