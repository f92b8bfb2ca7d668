import { App, Col, Form, Input, Row, TreeSelect, theme } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RegionNodeT } from '@shared/contracts/regions';
import { useRegion } from '../../../app/region-context';
import { FormDrawer } from '../../../components/form/FormDrawer';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n, type Lang } from '../../../lib/i18n';
import { HouseholdSelect } from '../../households/components/HouseholdSelect';
import { regionLabel } from '../../regions/region-label';
import { useCreateResident } from '../api/create-resident';
import { useResidentsT } from '../messages';
import { COMMON_PLAIN_FIELDS, IdDerived, idNumberRule, nameRules, ResidentCommonFields } from './ResidentFormFields';

interface Values {
  name: string;
  idNumber: string;
  gridId: string;
  householdId?: string;
  ethnicity: string;
  phone?: string;
  residenceType: string;
  relationToHead?: string;
  education?: string;
  politicalStatus?: string;
  maritalStatus?: string;
  employmentStatus?: string;
  notes?: string;
}

const FIELDS = ['name', 'idNumber', 'gridId', 'householdId', 'phone', ...COMMON_PLAIN_FIELDS] as const;

interface GridTreeNode {
  value: string;
  title: string;
  selectable: boolean;
  children: GridTreeNode[];
}

/** The region tree with only grids selectable (a resident lives in a grid). */
/** The region tree with only grids selectable (limited to one community when given). */
export function gridTree(nodes: RegionNodeT[], lang: Lang): GridTreeNode[] {
  return nodes.map((n) => ({ value: n.id, title: regionLabel(n, lang), selectable: n.level === 'grid', children: gridTree(n.children, lang) }));
}

/** 新增居民: name, ID number (checked as typed, birth date and sex shown), grid, household and the other facts. */
export function CreateResidentDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident();
  const { roots, region } = useRegion();
  const { problem, clear: clearProblem, fail } = useServerFormErrors(form, { fields: FIELDS });
  const idNumber = Form.useWatch('idNumber', form);
  const gridId = Form.useWatch('gridId', form);
  const treeData = useMemo(() => gridTree(roots, lang), [roots, lang]);

  const close = () => {
    form.resetFields();
    clearProblem();
    onClose();
  };

  const onFinish = (v: Values) => {
    clearProblem();
    const blank = (s?: string) => (s?.trim() ? s.trim() : null);
    create.mutate(
      {
        name: v.name.trim(),
        idNumber: v.idNumber.trim(),
        gridId: v.gridId,
        householdId: v.householdId ?? null,
        ethnicity: v.ethnicity.trim(),
        phone: blank(v.phone),
        residenceType: v.residenceType as never,
        relationToHead: (v.relationToHead ?? null) as never,
        education: (v.education ?? null) as never,
        politicalStatus: (v.politicalStatus ?? null) as never,
        maritalStatus: (v.maritalStatus ?? null) as never,
        employmentStatus: (v.employmentStatus ?? null) as never,
        notes: blank(v.notes),
      },
      {
        onSuccess: (resident) => {
          message.success(t('form.created', { name: resident.name }));
          close();
          navigate(`/residents/${resident.id}`);
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
      size={640}
      saving={create.isPending}
      problem={problem}
      initialValues={{ ethnicity: '汉族', residenceType: 'registered_resident', gridId: region?.level === 'grid' ? region.id : undefined }}
      formProps={{
        onFinishFailed: () => void message.warning(t('form.fixErrors')),
        disabled: create.isPending,
        'aria-label': t('list.create'),
        scrollToFirstError: true,
      }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('form.name')} name="name" rules={nameRules(t)}>
            <Input autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('form.idNumber')}
            name="idNumber"
            required
            rules={[idNumberRule(lang, true)]}
            extra={<IdDerived value={idNumber} />}
            validateDebounce={300}
          >
            <Input autoComplete="off" maxLength={18} style={{ fontFamily: token.fontFamilyCode }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('form.grid')} name="gridId" rules={[{ required: true, message: t('form.requiredSelect', { field: t('form.grid') }) }]}>
            <TreeSelect
              treeData={treeData}
              placeholder={t('form.gridPlaceholder')}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              onChange={() => form.setFieldValue('householdId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('form.household')} name="householdId">
            <HouseholdSelect gridId={gridId} placeholder={t('form.householdPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <ResidentCommonFields />
    </FormDrawer>
  );
}
