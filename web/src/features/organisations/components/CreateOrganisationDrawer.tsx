import { Alert, App, Button, Drawer, Flex, Form, Select, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useRegion } from '../../../app/region-context';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { regionLabel } from '../../regions/region-label';
import { useCreateOrganisation } from '../api/create-organisation';
import { useOrganisations } from '../api/list-organisations';
import { useOrganisationsT } from '../messages';
import { communitiesOf } from './communities';
import { OrganisationFields, organisationBody, type OrganisationValues } from './OrganisationFields';

type Values = OrganisationValues & { communityId: string };

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
  const onFinish = (v: Values) => {
    setProblem(null);
    create.mutate(
      {
        communityId: v.communityId,
        ...organisationBody(v),
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
        <OrganisationFields type={type} parents={parents.data?.items ?? []} parentsDisabled={!communityId} />
      </Form>
    </Drawer>
  );
}
