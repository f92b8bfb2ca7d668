import { App, Form, Input } from 'antd';
import dayjs from 'dayjs';
import type { OrganisationDetail } from '@shared/contracts/organisations';
import { FormModal } from '../../../components/form/FormModal';
import { useVersionedSave } from '../../../components/form/use-server-form';
import { useOrganisations } from '../api/list-organisations';
import { useUpdateOrganisation } from '../api/update-organisation';
import { useOrganisationsT } from '../messages';
import { ORGANISATION_FIELDS, OrganisationFields, organisationBody, type OrganisationValues } from './OrganisationFields';

type Values = OrganisationValues;

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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrganisation();
  const save = useVersionedSave(form, { initial: org, reload, valuesOf, fields: ORGANISATION_FIELDS });
  const type = Form.useWatch('type', form);
  const parents = useOrganisations({ communityId: org.communityId, page: 1, pageSize: 200, sort: 'type' });
  // Neither the organisation itself nor one of its direct children can be its parent (the server checks deeper).
  const excluded = new Set([org.id, ...org.children.map((c) => c.id)]);

  const onFinish = (v: Values) =>
    save.run(
      (base) =>
        update.mutateAsync({
          id: base.id,
          version: base.version,
          ...organisationBody(v),
          // A type changed away from 驻区单位 drops the contribution its hidden field still holds.
          ...(v.type === 'resident_unit' ? {} : { contribution: null }),
        }),
      (saved) => {
        message.success(t('edit.saved', { name: saved.name }));
        onClose();
      },
    );

  return (
    <FormModal<Values>
      form={form}
      title={t('edit.title', { name: save.base.name })}
      onClose={onClose}
      onFinish={(v) => void onFinish(v)}
      initialValues={valuesOf(org)}
      saving={update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      stale={save.stale}
      staleText={t('edit.stale')}
      problem={save.problem}
    >
      <Form.Item label={t('form.communityId')}>
        <Input aria-label={t('form.communityId')} value={org.communityName} disabled />
      </Form.Item>
      <OrganisationFields type={type} parents={(parents.data?.items ?? []).filter((o) => !excluded.has(o.id))} />
    </FormModal>
  );
}
