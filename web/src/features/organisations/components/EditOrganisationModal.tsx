import { Alert, App, Form, Input, Modal, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { OrganisationDetail } from '@shared/contracts/organisations';
import { isApiError } from '../../../lib/api';
import { useOrganisations } from '../api/list-organisations';
import { useUpdateOrganisation } from '../api/update-organisation';
import { useOrganisationsT } from '../messages';
import { OrganisationFields, organisationBody, type OrganisationValues } from './OrganisationFields';

type Values = OrganisationValues;

const FIELDS = ['type', 'name', 'parentId', 'foundedDate', 'address', 'contactPerson', 'contactPhone', 'contribution', 'description'] as const;

const valuesOf = (o: OrganisationDetail): Values => ({
  type: o.type,
  name: o.name,
  parentId: o.parentId ?? undefined,
  foundedDate: o.foundedDate ? dayjs(o.foundedDate) : null,
  address: o.address ?? '',
  contactPerson: o.contactPerson ?? '',
  contactPhone: o.contactPhone ?? '',
  contribution: o.contribution ?? '',
  description: o.description ?? '',
});

/**
 * 修改组织: the create form's fields (the community stays), prefilled and saved at the version read. When
 * someone else saved in between (409) the latest version is loaded into the form and the user is told to
 * check it and save again: nothing is overwritten silently. Mounted while open, so each opening starts from
 * what the page shows.
 */
export function EditOrganisationModal({
  org,
  onClose,
  reload,
}: {
  org: OrganisationDetail;
  onClose: () => void;
  reload: () => Promise<OrganisationDetail | undefined>;
}) {
  const t = useOrganisationsT();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrganisation();
  /** The version the form was filled from: what the save sends. */
  const [base, setBase] = useState(org);
  const [stale, setStale] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const type = Form.useWatch('type', form);
  const parents = useOrganisations({ communityId: org.communityId, page: 1, pageSize: 200, sort: 'type' });
  // Neither the organisation itself nor one of its direct children can be its parent (the server checks deeper).
  const excluded = new Set([org.id, ...org.children.map((c) => c.id)]);

  const close = onClose;
  const onFinish = (v: Values) => {
    setProblem(null);
    update.mutate(
      {
        id: base.id,
        version: base.version,
        ...organisationBody(v),
        // A type changed away from 驻区单位 drops the contribution its hidden field still holds.
        ...(v.type === 'resident_unit' ? {} : { contribution: null }),
      },
      {
        onSuccess: (saved) => {
          message.success(t('edit.saved', { name: saved.name }));
          close();
        },
        onError: async (err) => {
          if (isApiError(err, 'VERSION_CONFLICT')) {
            const latest = await reload();
            if (latest) {
              setBase(latest);
              form.setFieldsValue(valuesOf(latest));
            }
            setStale(true);
            return;
          }
          if (isApiError(err) && Array.isArray(err.details)) {
            const fields = (err.details as { path?: string; message?: string }[])
              .map((d) => ({ name: String(d.path ?? '').replace(/^body\./, ''), errors: [d.message ?? err.message] }))
              .filter((d) => (FIELDS as readonly string[]).includes(d.name));
            if (fields.length) {
              form.setFields(fields as Parameters<typeof form.setFields>[0]);
              return;
            }
          }
          setProblem(err.message);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('edit.title', { name: base.name })}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      destroyOnHidden
      width={560}
    >
      {stale && <Alert type="warning" showIcon role="alert" title={t('edit.stale')} style={{ marginBottom: token.marginSM }} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: token.marginSM }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={valuesOf(org)}>
        <Form.Item label={t('form.communityId')}>
          <Input aria-label={t('form.communityId')} value={org.communityName} disabled />
        </Form.Item>
        <OrganisationFields type={type} parents={(parents.data?.items ?? []).filter((o) => !excluded.has(o.id))} />
      </Form>
    </Modal>
  );
}
