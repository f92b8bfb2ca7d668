import { App, Form, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useRegion } from '../../../app/region-context';
import { FormDrawer } from '../../../components/form/FormDrawer';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { regionLabel } from '../../regions/region-label';
import { useCreateOrganisation } from '../api/create-organisation';
import { useOrganisations } from '../api/list-organisations';
import { useOrganisationsT } from '../messages';
import { communitiesOf } from './communities';
import { ORGANISATION_FIELDS, OrganisationFields, organisationBody, type OrganisationValues } from './OrganisationFields';

type Values = OrganisationValues & { communityId: string };
const FIELDS = ['communityId', ...ORGANISATION_FIELDS];

/** 登记组织: community, type, name, parent and the facts of a team or unit. */
export function CreateOrganisationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrganisation();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const { problem, clear: clearProblem, fail } = useServerFormErrors(form, { fields: FIELDS });
  const communityId = Form.useWatch('communityId', form);
  const type = Form.useWatch('type', form);
  const parents = useOrganisations({ communityId, page: 1, pageSize: 200, sort: 'type' });

  const close = () => {
    form.resetFields();
    clearProblem();
    onClose();
  };
  const onFinish = (v: Values) => {
    clearProblem();
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
        onError: (err) => void fail(err),
      },
    );
  };

  return (
    <FormDrawer<Values>
      open={open}
      form={form}
      title={t('list.create')}
      onClose={close}
      onFinish={onFinish}
      saving={create.isPending}
      problem={problem}
      initialValues={{ communityId: communities.length === 1 ? communities[0].id : undefined }}
    >
      <Form.Item label={t('form.communityId')} name="communityId" rules={[{ required: true, message: t('form.required') }]}>
        <Select aria-label={t('form.communityId')} options={communities.map((c) => ({ value: c.id, label: regionLabel(c, lang) }))} />
      </Form.Item>
      <OrganisationFields type={type} parents={parents.data?.items ?? []} parentsDisabled={!communityId} />
    </FormDrawer>
  );
}
