import { Alert, App, DatePicker, Form, Input, Select, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, PARTY_TYPES, ROLE_TYPES, type MemberRole, type OrganisationType } from '@shared/domain/organisations';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { ResidentSelect } from '../../residents/components/ResidentSelect';
import { useAddMember } from '../api/add-member';
import { useOrganisationsT } from '../messages';
import { bi } from './communities';

interface Values {
  residentId?: string;
  name?: string;
  role: MemberRole;
  startDate: Dayjs;
}

/** 增加成员: a resident of the community (or a name), the role and the day they joined. */
export function AddMemberModal({
  open,
  onClose,
  orgId,
  communityId,
  type,
}: {
  open: boolean;
  onClose: () => void;
  orgId: string;
  communityId: string;
  type: OrganisationType;
}) {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddMember();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['residentId', 'name', 'role', 'startDate'] });
  const party = PARTY_TYPES.includes(type);
  if (!open) return null;
  const close = () => {
    form.resetFields();
    clear();
    onClose();
  };
  const onFinish = (v: Values) => {
    clear();
    add.mutate(
      {
        id: orgId,
        member: { residentId: v.residentId, name: v.residentId ? undefined : v.name?.trim(), role: v.role, startDate: v.startDate.format('YYYY-MM-DD') },
      },
      {
        onSuccess: (m) => {
          message.success(t('member.added', { name: m.name }));
          close();
        },
        onError: (err) => void fail(err),
      },
    );
  };
  return (
    <FormModal<Values>
      form={form}
      title={t('member.add')}
      onClose={close}
      onFinish={onFinish}
      saving={add.isPending}
      problem={problem}
      notice={party && <Alert type="info" showIcon title={t('member.partyNote')} style={{ marginBottom: token.marginSM }} />}
      initialValues={{ role: 'member', startDate: dayjs() }}
    >
      <Form.Item label={t('member.resident')} name="residentId" rules={party ? [{ required: true, message: t('form.required') }] : []}>
        <ResidentSelect communityId={communityId} label={t('member.resident')} placeholder={t('member.residentHint')} />
      </Form.Item>
      {!party && (
        <Form.Item
          label={t('member.name')}
          name="name"
          dependencies={['residentId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v?: string) => (getFieldValue('residentId') || v?.trim() ? Promise.resolve() : Promise.reject(new Error(t('form.required')))),
            }),
          ]}
        >
          <Input aria-label={t('member.name')} maxLength={50} />
        </Form.Item>
      )}
      <Form.Item label={t('member.role')} name="role" rules={[{ required: true }]}>
        <Select
          aria-label={t('member.role')}
          options={MEMBER_ROLES.filter((r) => ROLE_TYPES[r]?.includes(type) ?? true).map((r) => ({ value: r, label: bi(MEMBER_ROLE_LABELS[r], lang) }))}
        />
      </Form.Item>
      <Form.Item label={t('member.startDate')} name="startDate" rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker aria-label={t('member.startDate')} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
