import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Select, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType } from '@shared/domain/organisations';
import { useRegion } from '../../../app/region-context';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { regionLabel } from '../../regions/region-label';
import { useCreateOrganisation } from '../api/create-organisation';
import { useOrganisations } from '../api/list-organisations';
import { useOrganisationsT } from '../messages';
import { bi, communitiesOf } from './communities';

interface Values {
  communityId: string;
  type: OrganisationType;
  name: string;
  parentId?: string;
  foundedDate?: Dayjs;
  address?: string;
  contactPerson?: string;
  contactPhone?: string;
  contribution?: string;
  description?: string;
}

/** 登记组织: community, type, name, parent and the facts of a team or unit. */
export function CreateOrganisationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrganisation();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const [problem, setProblem] = useState<string | null>(null);
  const communityId = Form.useWatch('communityId', form);
  const type = Form.useWatch('type', form);
  const parents = useOrganisations({ communityId, page: 1, pageSize: 200, sort: 'type' });

  const close = () => {
    form.resetFields();
    setProblem(null);
    onClose();
  };
  const blank = (s?: string) => (s?.trim() ? s.trim() : null);
  const onFinish = (v: Values) => {
    setProblem(null);
    create.mutate(
      {
        communityId: v.communityId,
        type: v.type,
        name: v.name.trim(),
        parentId: v.parentId ?? null,
        foundedDate: v.foundedDate ? v.foundedDate.format('YYYY-MM-DD') : null,
        address: blank(v.address),
        contactPerson: blank(v.contactPerson),
        contactPhone: blank(v.contactPhone),
        contribution: blank(v.contribution),
        description: blank(v.description),
      },
      {
        onSuccess: (o) => {
          message.success(t('form.created', { name: o.name }));
          close();
          navigate(`/organisations/${o.id}`);
        },
        onError: (err) => {
          if (isApiError(err) && Array.isArray(err.details)) {
            const fields = (err.details as { path?: string; message?: string }[]).filter((d) => d.path && form.getFieldInstance(d.path as never) !== undefined);
            if (fields.length) {
              form.setFields(fields.map((d) => ({ name: d.path as never, errors: [d.message ?? err.message] })));
              return;
            }
          }
          setProblem(err.message);
        },
      },
    );
  };

  return (
    <Drawer
      open={open}
      title={t('list.create')}
      onClose={close}
      size={560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={token.marginXS}>
          <Button onClick={close}>{t('form.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('form.save')}
          </Button>
        </Flex>
      }
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: token.marginSM }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ communityId: communities.length === 1 ? communities[0].id : undefined }}>
        <Form.Item label={t('form.communityId')} name="communityId" rules={[{ required: true, message: t('form.required') }]}>
          <Select aria-label={t('form.communityId')} options={communities.map((c) => ({ value: c.id, label: regionLabel(c, lang) }))} />
        </Form.Item>
        <Form.Item label={t('form.type')} name="type" rules={[{ required: true, message: t('form.required') }]}>
          <Select aria-label={t('form.type')} options={ORGANISATION_TYPES.map((k) => ({ value: k, label: bi(ORGANISATION_TYPE_LABELS[k], lang) }))} />
        </Form.Item>
        <Form.Item label={t('form.name')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input aria-label={t('form.name')} maxLength={100} />
        </Form.Item>
        <Form.Item label={t('form.parentId')} name="parentId">
          <Select
            aria-label={t('form.parentId')}
            allowClear
            disabled={!communityId}
            options={(parents.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${bi(ORGANISATION_TYPE_LABELS[o.type], lang)}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('form.foundedDate')} name="foundedDate">
          <DatePicker aria-label={t('form.foundedDate')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('form.contactPerson')} name="contactPerson">
          <Input aria-label={t('form.contactPerson')} maxLength={50} />
        </Form.Item>
        <Form.Item label={t('form.contactPhone')} name="contactPhone">
          <Input aria-label={t('form.contactPhone')} maxLength={30} />
        </Form.Item>
        <Form.Item label={t('form.address')} name="address">
          <Input aria-label={t('form.address')} maxLength={200} />
        </Form.Item>
        {type === 'resident_unit' && (
          <Form.Item label={t('form.contribution')} name="contribution">
            <Input.TextArea aria-label={t('form.contribution')} maxLength={500} rows={3} />
          </Form.Item>
        )}
        <Form.Item label={t('form.description')} name="description">
          <Input.TextArea aria-label={t('form.description')} maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
