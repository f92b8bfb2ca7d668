import { CheckOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Steps,
  Tag,
  theme,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FUNDING_KIND_LABELS, FUNDING_SOURCE_LABELS, FUNDING_SOURCES, type FundingKind, type FundingSource } from '@shared/domain/four-haves';
import { PROJECT_KIND_LABELS } from '@shared/domain/projects';
import { DetailHeader } from '../../../components/DetailHeader';
import { DetailShell } from '../../../components/DetailShell';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';
import { useAddMilestone } from '../api/add-milestone';
import { useAddProjectFunding } from '../api/add-project-funding';
import { useCompleteMilestone } from '../api/complete-milestone';
import { useDeleteProject } from '../api/delete-project';
import { useProject, type ProjectDetail } from '../api/get-project';
import { useProjectsT } from '../messages';
import { ProjectForm } from './ProjectForm';
import { StateTag } from './StateTag';

const FundingChart = lazy(() => import('./FundingChart'));
const money = (v: number) => v.toLocaleString(undefined, { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 建设项目详情: the project, its progress, its milestones as steps, and its money by source with the gap. */
export function ProjectDetailPage() {
  const t = useProjectsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const project = useProject(id);
  const complete = useCompleteMilestone();
  const remove = useDeleteProject();
  const [editing, setEditing] = useState(false);
  const [addingMilestone, setAddingMilestone] = useState(false);
  const [addingFunding, setAddingFunding] = useState(false);

  return (
    <DetailShell query={project} notFoundTitle={t('detail.notFound')} backTo="/projects" backLabel={t('detail.back')}>
      {(p) => {
        const canWrite = p.capabilities.canEdit;
        const open = p.state === 'planned' || p.state === 'under_way';
        const none = t('common.none');

        const confirmDelete = () =>
          modal.confirm({
            title: t('detail.deleteTitle', { name: p.name }),
            content: t('detail.deleteBody'),
            okText: t('detail.delete'),
            okButtonProps: { danger: true },
            cancelText: t('form.cancel'),
            onOk: () =>
              remove.mutateAsync({ id: p.id, version: p.version }).then(
                () => {
                  message.success(t('detail.deleted'));
                  navigate('/projects');
                },
                (err: Error) => {
                  message.error(err.message);
                  void project.refetch();
                },
              ),
          });

        const steps = p.milestones.map((m) => ({
          title: m.name,
          status: m.doneOn ? ('finish' as const) : m.overdue ? ('error' as const) : ('wait' as const),
          description: (
            <Space direction="vertical" size={2}>
              <Typography.Text type={m.overdue ? 'danger' : 'secondary'}>
                {m.doneOn ? t('ms.done', { date: m.doneOn }) : m.overdue ? t('ms.overdue', { date: m.plannedOn }) : t('ms.due', { date: m.plannedOn })}
              </Typography.Text>
              {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
              {!m.doneOn && canWrite && open && (
                <Popconfirm
                  title={t('ms.completeTitle', { name: m.name })}
                  okText={t('ms.complete')}
                  cancelText={t('form.cancel')}
                  onConfirm={() =>
                    complete.mutateAsync({ id: p.id, milestoneId: m.id }).then(
                      () => undefined,
                      (err: Error) => void message.error(err.message),
                    )
                  }
                >
                  <Button size="small" icon={<CheckOutlined />}>
                    {t('ms.complete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        }));
        const firstOpen = p.milestones.findIndex((m) => !m.doneOn);
        const chart = p.funding.bySource.map((s) => ({
          label: s.source === 'unknown' ? t('source.unknown') : bi(FUNDING_SOURCE_LABELS[s.source], lang),
          value: s.amount,
        }));

        return (
          <>
            <DetailHeader
              title={p.name}
              back="/projects"
              backLabel={t('detail.back')}
              tags={
                <>
                  <StateTag state={p.state} />
                  {p.overdue && <Tag color="error">{t('tag.overdue')}</Tag>}
                </>
              }
              extra={
                canWrite && (
                  <Space wrap>
                    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                      {t('detail.edit')}
                    </Button>
                    {p.state === 'planned' && (
                      <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                        {t('detail.delete')}
                      </Button>
                    )}
                  </Space>
                )
              }
            />
            <Space direction="vertical" size={token.marginSM} style={{ width: '100%' }}>
              <Card title={t('detail.profile')} variant="borderless" size="small">
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
                  <Descriptions.Item label={t('col.community')}>
                    <Link to={`/four-haves/${p.communityId}`}>{p.communityName}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.kind')}>{bi(PROJECT_KIND_LABELS[p.kind], lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('col.premises')}>{p.premisesName ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('col.area')}>{p.areaM2 ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('col.plannedStart')}>{p.plannedStart ?? none}</Descriptions.Item>
                  <Descriptions.Item label={t('col.plannedEnd')}>{p.plannedEnd ?? none}</Descriptions.Item>
                  {p.notes && <Descriptions.Item label={t('col.notes')}>{p.notes}</Descriptions.Item>}
                </Descriptions>
                <Space direction="vertical" size={2} style={{ width: '100%', marginTop: token.marginSM }}>
                  <Typography.Text>{t('detail.milestonesDone', { done: p.milestonesDone, total: p.milestonesTotal })}</Typography.Text>
                  <Progress
                    aria-label={t('col.progress')}
                    percent={p.progressPercent}
                    status={p.overdue ? 'exception' : p.state === 'finished' ? 'success' : 'active'}
                  />
                </Space>
              </Card>
              <Row gutter={[token.marginSM, token.marginSM]}>
                <Col xs={24} xl={12}>
                  <Card
                    title={t('detail.milestones')}
                    variant="borderless"
                    size="small"
                    extra={
                      canWrite &&
                      open && (
                        <Button icon={<PlusOutlined />} onClick={() => setAddingMilestone(true)}>
                          {t('ms.add')}
                        </Button>
                      )
                    }
                  >
                    {steps.length ? (
                      <Steps direction="vertical" size="small" current={firstOpen === -1 ? steps.length : firstOpen} items={steps} />
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noMilestones')} />
                    )}
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card
                    title={t('detail.funding')}
                    variant="borderless"
                    size="small"
                    extra={
                      <Space wrap>
                        <Link to="/four-haves/funding">{t('funding.ledger')}</Link>
                        {p.capabilities.canFund && (
                          <Button icon={<PlusOutlined />} onClick={() => setAddingFunding(true)}>
                            {t('funding.add')}
                          </Button>
                        )}
                      </Space>
                    }
                  >
                    <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                      <Descriptions.Item label={t('col.budget')}>{money(p.funding.budget)}</Descriptions.Item>
                      <Descriptions.Item label={t('col.allocated')}>{money(p.funding.allocated)}</Descriptions.Item>
                      <Descriptions.Item label={t('col.spent')}>{money(p.funding.spent)}</Descriptions.Item>
                      <Descriptions.Item label={t('col.balance')}>{money(p.funding.balance)}</Descriptions.Item>
                      <Descriptions.Item label={t('col.gap')}>
                        {p.funding.gap > 0 ? <Typography.Text type="warning">{money(p.funding.gap)}</Typography.Text> : money(0)}
                      </Descriptions.Item>
                    </Descriptions>
                    {chart.length ? (
                      <Suspense fallback={<Spin />}>
                        <FundingChart data={chart} ariaLabel={t('detail.fundingChart')} />
                      </Suspense>
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noFunding')} />
                    )}
                  </Card>
                </Col>
              </Row>
            </Space>
            {editing && <ProjectForm project={p} onClose={() => setEditing(false)} />}
            {addingMilestone && <AddMilestone project={p} onClose={() => setAddingMilestone(false)} />}
            {addingFunding && <AddFunding project={p} onClose={() => setAddingFunding(false)} />}
          </>
        );
      }}
    </DetailShell>
  );
}

interface MilestoneValues {
  name: string;
  plannedOn: Dayjs;
  note?: string;
}

/** The form to add a milestone. */
function AddMilestone({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const t = useProjectsT();
  const add = useAddMilestone();
  const [form] = Form.useForm<MilestoneValues>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['name', 'plannedOn', 'note'] });
  const submit = (v: MilestoneValues) => {
    clear();
    add.mutate(
      { id: project.id, name: v.name.trim(), plannedOn: v.plannedOn.format('YYYY-MM-DD'), note: v.note?.trim() || null },
      { onSuccess: onClose, onError: (err) => void fail(err) },
    );
  };
  return (
    <FormModal<MilestoneValues> form={form} title={t('ms.add')} onClose={onClose} onFinish={submit} saving={add.isPending} problem={problem}>
      <Form.Item label={t('ms.name')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('ms.plannedOn')} name="plannedOn" rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('ms.note')} name="note" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

interface FundingValues {
  kind: FundingKind;
  source?: FundingSource;
  amount: number;
  entryDate: Dayjs;
  description: string;
  voucher?: string;
}

/** The form to record money for the project on the four-haves ledger (an allocation with its source, a spending with its voucher). */
function AddFunding({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const t = useProjectsT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const add = useAddProjectFunding();
  const [form] = Form.useForm<FundingValues>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['kind', 'source', 'amount', 'entryDate', 'description', 'voucher'] });
  const kind = Form.useWatch('kind', form);
  const submit = (v: FundingValues) => {
    clear();
    add.mutate(
      {
        communityId: project.communityId,
        projectId: project.id,
        year: v.entryDate.year(),
        kind: v.kind,
        source: v.kind === 'allocation' ? v.source : null,
        amount: v.amount,
        entryDate: v.entryDate.format('YYYY-MM-DD'),
        description: v.description.trim(),
        voucher: v.voucher?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('funding.saved'));
          onClose();
        },
        onError: (err) => void fail(err),
      },
    );
  };
  return (
    <FormModal<FundingValues>
      form={form}
      title={t('funding.add')}
      onClose={onClose}
      onFinish={submit}
      saving={add.isPending}
      problem={problem}
      initialValues={{ kind: 'allocation', entryDate: dayjs(), description: project.name }}
    >
      <Form.Item label={t('funding.kind')} name="kind" rules={[{ required: true }]}>
        <Select options={(['allocation', 'spending', 'budget'] as const).map((k) => ({ value: k, label: bi(FUNDING_KIND_LABELS[k], lang) }))} />
      </Form.Item>
      {kind === 'allocation' && (
        <Form.Item label={t('funding.source')} name="source" rules={[{ required: true, message: t('form.required') }]}>
          <Select options={FUNDING_SOURCES.map((s) => ({ value: s, label: bi(FUNDING_SOURCE_LABELS[s], lang) }))} />
        </Form.Item>
      )}
      <Form.Item label={t('funding.amount')} name="amount" rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={0.01} max={10_000_000_000} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('funding.date')} name="entryDate" rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('funding.description')} name="description" rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}>
        <Input />
      </Form.Item>
      {kind === 'spending' && (
        <Form.Item label={t('funding.voucher')} name="voucher" rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100 }]}>
          <Input />
        </Form.Item>
      )}
    </FormModal>
  );
}
