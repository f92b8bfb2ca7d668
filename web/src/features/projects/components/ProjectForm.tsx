import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { ProjectDetail } from '@shared/contracts/projects';
import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  PROJECT_STATE_LABELS,
  PROJECT_STATES,
  stateChangeAllowed,
  type ProjectKind,
  type ProjectState,
} from '@shared/domain/projects';
import { useRegion } from '../../../app/region-context';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { bi, communitiesOf } from '../../organisations/components/communities';
import { regionLabel } from '../../regions/region-label';
import { useCreateProject } from '../api/create-project';
import { usePremisesOf } from '../api/list-premises';
import { useUpdateProject } from '../api/update-project';
import { useProjectsT } from '../messages';

interface Values {
  communityId: string;
  name: string;
  kind: ProjectKind;
  premisesId?: string;
  areaM2?: number | null;
  budget: number;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  state?: ProjectState;
  progressPercent?: number;
  notes?: string;
}

/** The form's fields, where a server's 400 names one. */
const FIELDS = ['communityId', 'name', 'kind', 'premisesId', 'areaM2', 'budget', 'plannedStart', 'plannedEnd', 'state', 'progressPercent', 'notes'] as const;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * Register a project (then open it), or edit one at the version read: a 409 reloads the project and says
 * so; a 400 puts the server's message under the field it names.
 */
export function ProjectForm({ project, communityId, onClose }: { project?: ProjectDetail; communityId?: string; onClose: () => void }) {
  const t = useProjectsT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { roots } = useRegion();
  const communities = communitiesOf(roots);
  const create = useCreateProject();
  const update = useUpdateProject();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('communityId', form) ?? project?.communityId;
  const premises = usePremisesOf(chosen);
  const initial: Partial<Values> = project
    ? {
        communityId: project.communityId,
        name: project.name,
        kind: project.kind,
        premisesId: project.premisesId ?? undefined,
        areaM2: project.areaM2,
        budget: project.funding.budget,
        plannedStart: project.plannedStart ? dayjs(project.plannedStart) : null,
        plannedEnd: project.plannedEnd ? dayjs(project.plannedEnd) : null,
        state: project.state,
        progressPercent: project.progressPercent,
        notes: project.notes ?? undefined,
      }
    : { communityId: communityId ?? (communities.length === 1 ? communities[0].id : undefined), kind: 'new_build', budget: 0 };

  // A stale version says so and closes (the page shows the latest); a 400 lands on its field; else the alert.
  const { problem, clear, fail } = useServerFormErrors(form, {
    fields: FIELDS,
    onConflict: () => {
      message.warning(t('detail.stale'));
      onClose();
    },
  });

  const submit = (v: Values) => {
    clear();
    const common = {
      name: v.name.trim(),
      kind: v.kind,
      premisesId: v.premisesId || null,
      areaM2: v.areaM2 ?? null,
      budget: v.budget,
      plannedStart: day(v.plannedStart),
      plannedEnd: day(v.plannedEnd),
      notes: v.notes?.trim() || null,
    };
    if (project) {
      update.mutate(
        { id: project.id, version: project.version, ...common, state: v.state, progressPercent: v.progressPercent },
        {
          onSuccess: () => {
            message.success(t('form.saved'));
            onClose();
          },
          onError: (err) => void fail(err),
        },
      );
    } else {
      create.mutate(
        { communityId: v.communityId, ...common },
        {
          onSuccess: (p) => {
            message.success(t('form.saved'));
            onClose();
            navigate(`/projects/${p.id}`);
          },
          onError: (err) => void fail(err),
        },
      );
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title={project ? t('form.edit') : t('form.create')}
      onClose={onClose}
      onFinish={submit}
      initialValues={initial}
      saving={create.isPending || update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      width={520}
      problem={problem}
    >
      <Form.Item label={t('col.community')} name="communityId" rules={[{ required: true, message: t('form.required') }]}>
        <Select
          disabled={!!project}
          options={communities.map((c) => ({ value: c.id, label: regionLabel(c, lang) }))}
          onChange={() => form.setFieldValue('premisesId', undefined)}
        />
      </Form.Item>
      <Form.Item label={t('col.name')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('col.kind')} name="kind" rules={[{ required: true, message: t('form.required') }]}>
        <Select options={PROJECT_KINDS.map((k) => ({ value: k, label: bi(PROJECT_KIND_LABELS[k], lang) }))} />
      </Form.Item>
      <Form.Item label={t('col.premises')} name="premisesId">
        <Select
          allowClear
          placeholder={t('form.noPremises')}
          loading={premises.isFetching}
          options={(premises.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.areaM2} ㎡）` }))}
        />
      </Form.Item>
      <Form.Item label={t('col.area')} name="areaM2">
        <InputNumber min={0.01} max={1_000_000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('col.budget')} name="budget" rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={0} max={10_000_000_000} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('col.plannedStart')} name="plannedStart">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('col.plannedEnd')} name="plannedEnd">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {project && (
        <>
          <Form.Item label={t('col.state')} name="state">
            <Select
              options={PROJECT_STATES.filter((s) => stateChangeAllowed(project.state, s)).map((s) => ({
                value: s,
                label: bi(PROJECT_STATE_LABELS[s], lang),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('form.progress')} name="progressPercent">
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('col.notes')} name="notes" rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
