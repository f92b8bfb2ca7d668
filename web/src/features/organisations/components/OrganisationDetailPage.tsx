import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  theme,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { OrganisationHonour, OrganisationMember } from '@shared/contracts/organisations';
import { MEMBER_ROLE_LABELS, ORGANISATION_TYPE_LABELS } from '@shared/domain/organisations';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { PageHeader } from '../../../components/PageHeader';
import { DetailShell } from '../../../components/DetailShell';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useAddHonour } from '../api/add-honour';
import { useDeleteOrganisation } from '../api/delete-organisation';
import { useEndMember } from '../api/end-member';
import { useOrganisation } from '../api/get-organisation';
import { useOrganisationsT } from '../messages';
import { bi } from './communities';
import { AddMemberModal } from './AddMemberModal';
import { EditOrganisationModal } from './EditOrganisationModal';

/** Ends one membership on a chosen day. */
function EndMemberModal({ orgId, member, onClose }: { orgId: string; member: OrganisationMember | null; onClose: () => void }) {
  const t = useOrganisationsT();
  const { message } = App.useApp();
  const end = useEndMember();
  const [day, setDay] = useState<Dayjs>(dayjs());
  if (!member) return null;
  return (
    <Modal
      open
      title={t('member.endTitle', { name: member.name })}
      onCancel={onClose}
      confirmLoading={end.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() =>
        end.mutate(
          { id: orgId, memberId: member.id, version: member.version, endDate: day.format('YYYY-MM-DD') },
          { onSuccess: onClose, onError: (err) => void message.error(err.message) },
        )
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('member.endDate')}>
          <DatePicker aria-label={t('member.endDate')} value={day} onChange={(d) => d && setDay(d)} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Records an honour (title, year, issuer). */
function AddHonourModal({ orgId, open, onClose }: { orgId: string; open: boolean; onClose: () => void }) {
  const t = useOrganisationsT();
  const add = useAddHonour();
  const [form] = Form.useForm<OrganisationHonour>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['title', 'year', 'issuer'] });
  if (!open) return null;
  const close = () => {
    form.resetFields();
    clear();
    onClose();
  };
  return (
    <FormModal<OrganisationHonour>
      form={form}
      title={t('honour.add')}
      onClose={close}
      saving={add.isPending}
      problem={problem}
      initialValues={{ year: dayjs().year() }}
      onFinish={(v) => {
        clear();
        add.mutate(
          { id: orgId, honour: { title: v.title.trim(), year: v.year, issuer: v.issuer.trim() } },
          { onSuccess: close, onError: (err) => void fail(err) },
        );
      }}
    >
      <Form.Item label={t('honour.title')} name="title" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input aria-label={t('honour.title')} maxLength={100} placeholder="文明单位 / 先进集体" />
      </Form.Item>
      <Form.Item label={t('honour.year')} name="year" rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber aria-label={t('honour.year')} min={1949} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('honour.issuer')} name="issuer" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input aria-label={t('honour.issuer')} maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

/** 组织详情: the organisation's facts, its members (add, leave), honours and sub-organisations. */
export function OrganisationDetailPage() {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const org = useOrganisation(id);
  const remove = useDeleteOrganisation();
  const [adding, setAdding] = useState(false);
  const [honouring, setHonouring] = useState(false);
  const [ending, setEnding] = useState<OrganisationMember | null>(null);
  const [editing, setEditing] = useState(false);

  return (
    <DetailShell query={org} notFoundTitle={t('detail.notFound')} backTo="/organisations" backLabel={t('detail.back')}>
      {(o) => {
        // The server says whether the caller's scope lets them change this organisation (not just whether their role could somewhere).
        const writable = o.capabilities.canEdit;
        const none = t('common.none');
        const memberColumns: TableColumnsType<OrganisationMember> = [
          {
            title: t('member.name'),
            dataIndex: 'name',
            key: 'name',
            render: (v: string, m) => (m.residentId ? <Link to={`/residents/${m.residentId}`}>{v}</Link> : v),
          },
          { title: t('member.role'), dataIndex: 'role', key: 'role', width: 140, render: (v: OrganisationMember['role']) => bi(MEMBER_ROLE_LABELS[v], lang) },
          { title: t('member.startDate'), dataIndex: 'startDate', key: 'start', width: 120 },
          { title: t('member.endDate'), dataIndex: 'endDate', key: 'end', width: 120, render: (v: string | null) => v ?? none },
          {
            title: t('member.status'),
            dataIndex: 'active',
            key: 'active',
            width: 90,
            render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{v ? t('member.active') : t('member.ended')}</Tag>,
          },
          ...(writable
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, m: OrganisationMember) =>
                    m.endDate === null && (
                      <Button size="small" onClick={() => setEnding(m)}>
                        {t('member.end')}
                      </Button>
                    ),
                },
              ]
            : []),
        ];
        const honourColumns: TableColumnsType<OrganisationHonour> = [
          { title: t('honour.year'), dataIndex: 'year', key: 'year', width: 90 },
          { title: t('honour.title'), dataIndex: 'title', key: 'title' },
          { title: t('honour.issuer'), dataIndex: 'issuer', key: 'issuer' },
        ];
        return (
          <>
            <PageHeader
              documentTitle={o.name}
              title={
                <Space>
                  <Link to="/organisations" aria-label={t('detail.back')}>
                    <ArrowLeftOutlined />
                  </Link>
                  {o.name}
                  <Tag>{bi(ORGANISATION_TYPE_LABELS[o.type], lang)}</Tag>
                </Space>
              }
              extra={
                writable && (
                  <Space wrap>
                    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                      {t('edit.open')}
                    </Button>
                    <Popconfirm
                      title={t('detail.deleteConfirm', { name: o.name })}
                      okButtonProps={{ danger: true }}
                      okText={t('detail.delete')}
                      cancelText={t('form.cancel')}
                      onConfirm={() =>
                        remove.mutate(
                          { id: o.id, version: o.version },
                          {
                            onSuccess: () => {
                              message.success(t('detail.deleted'));
                              navigate('/organisations');
                            },
                            onError: (err) => void message.error(isApiError(err) && err.code === 'CONFLICT' ? t('detail.hasChildren') : err.message),
                          },
                        )
                      }
                    >
                      <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                        {t('detail.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                )
              }
            />
            <Space direction="vertical" size={token.marginSM} style={{ width: '100%' }}>
              {o.representatives && !o.representatives.ok && <Alert type="warning" showIcon title={t('detail.representativesWarning', o.representatives)} />}
              <Card title={t('detail.info')} variant="borderless" size="small">
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
                  <Descriptions.Item label={t('col.community')}>{o.communityName}</Descriptions.Item>
                  <Descriptions.Item label={t('col.parent')}>
                    {o.parentId ? <Link to={`/organisations/${o.parentId}`}>{o.parentName}</Link> : none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.founded')}>{o.foundedDate ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('col.contact')}>{o.contactPerson ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('form.contactPhone')}>{o.contactPhone ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('form.address')}>{o.address ?? none}</Descriptions.Item>
                  {o.representatives && (
                    <Descriptions.Item label={t('detail.representatives')}>{t('detail.representativesValue', o.representatives)}</Descriptions.Item>
                  )}
                  {o.contribution && <Descriptions.Item label={t('form.contribution')}>{o.contribution}</Descriptions.Item>}
                  {o.description && <Descriptions.Item label={t('form.description')}>{o.description}</Descriptions.Item>}
                  {o.children.length > 0 && (
                    <Descriptions.Item label={t('detail.children')}>
                      <Space wrap>
                        {o.children.map((c) => (
                          <Link key={c.id} to={`/organisations/${c.id}`}>
                            {c.name}
                          </Link>
                        ))}
                      </Space>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
              <Card
                title={`${t('detail.members')}（${o.members}）`}
                variant="borderless"
                size="small"
                extra={
                  writable && (
                    <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                      {t('member.add')}
                    </Button>
                  )
                }
              >
                <Table<OrganisationMember>
                  rowKey="id"
                  size="small"
                  columns={memberColumns}
                  dataSource={o.memberList}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: t('detail.noMembers') }}
                  scroll={{ x: 700 }}
                />
              </Card>
              <Card
                title={t('detail.honours')}
                variant="borderless"
                size="small"
                extra={
                  writable && (
                    <Button icon={<PlusOutlined />} onClick={() => setHonouring(true)}>
                      {t('honour.add')}
                    </Button>
                  )
                }
              >
                <Table<OrganisationHonour>
                  rowKey="id"
                  size="small"
                  columns={honourColumns}
                  dataSource={o.honours}
                  pagination={false}
                  locale={{ emptyText: t('detail.noHonours') }}
                />
              </Card>
            </Space>
            <AddMemberModal open={adding} onClose={() => setAdding(false)} orgId={o.id} communityId={o.communityId} type={o.type} />
            <AddHonourModal orgId={o.id} open={honouring} onClose={() => setHonouring(false)} />
            <EndMemberModal orgId={o.id} member={ending} onClose={() => setEnding(null)} />
            {editing && <EditOrganisationModal org={o} onClose={() => setEditing(false)} reload={async () => (await org.refetch()).data} />}
          </>
        );
      }}
    </DetailShell>
  );
}
