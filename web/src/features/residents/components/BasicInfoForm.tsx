import { Alert, App, Button, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Select, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { RESIDENT_STATUSES } from '@shared/domain/registry';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import type { ResidentDetail } from '../api/get-resident';
import { useUpdateResident, type UpdateResidentInput } from '../api/update-resident';
import { label, options } from '../labels';
import { useResidentsT } from '../messages';
import { COMMON_PLAIN_FIELDS, IdDerived, idNumberRule, nameRules, ResidentCommonFields } from './ResidentFormFields';

/** The fields of the form that mirror the resident as read. */
const PLAIN = ['name', ...COMMON_PLAIN_FIELDS, 'status'] as const;
type Plain = (typeof PLAIN)[number];

interface Values extends Record<Plain, string | undefined> {
  /** Typed only to change it (the stored number is not known to the page). */
  phone?: string;
  idNumber?: string;
  statusDate?: Dayjs;
  statusReason?: string;
}

const toValues = (r: ResidentDetail): Values => ({
  name: r.name,
  ethnicity: r.ethnicity,
  residenceType: r.residenceType,
  relationToHead: r.relationToHead ?? undefined,
  education: r.education ?? undefined,
  politicalStatus: r.politicalStatus ?? undefined,
  maritalStatus: r.maritalStatus ?? undefined,
  employmentStatus: r.employmentStatus ?? undefined,
  notes: r.notes ?? undefined,
  status: r.status,
  phone: undefined,
  idNumber: undefined,
  statusDate: undefined,
  statusReason: undefined,
});

/**
 * 基本信息: the resident's facts, editable by holders of residents.write. The save carries the version
 * read; when someone else saved in between (409 VERSION_CONFLICT) what the user typed stays in the form and
 * "重新加载" brings the latest version in under it (fields the user changed are kept).
 */
export function BasicInfoForm({ resident, reload }: { resident: ResidentDetail; reload: () => Promise<ResidentDetail | undefined> }) {
  const t = useResidentsT();
  const { t: tt, lang } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  // What the server says this user may do with this resident (a read-only role gets a read-only view).
  const editable = resident.capabilities.canEdit;
  const [form] = Form.useForm<Values>();
  const update = useUpdateResident();
  /** The version the form was filled from (what a save compares against and sends). */
  const [base, setBase] = useState(resident);
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<'stale' | 'reloaded' | null>(null);
  const [reloading, setReloading] = useState(false);
  // A stale save keeps what was typed and offers to reload under it (below); field errors and the alert are the shared ones.
  const {
    problem,
    clear: clearProblem,
    fail,
  } = useServerFormErrors(form, {
    fields: [...PLAIN, 'phone', 'idNumber', 'statusDate', 'statusReason'],
    onConflict: () => setConflict('stale'),
  });
  const status = Form.useWatch('status', form);
  const idNumber = Form.useWatch('idNumber', form);

  // A newer version arriving while the user has not typed anything simply replaces the form.
  useEffect(() => {
    if (resident.version !== base.version && !form.isFieldsTouched() && !conflict) {
      setBase(resident);
      setFormKey((k) => k + 1);
    }
  }, [resident, base.version, form, conflict]);

  const onReload = async () => {
    setReloading(true);
    try {
      const latest = await reload();
      if (!latest) return;
      // Keep what the user changed; take the rest from the latest version.
      const fresh = toValues(latest);
      const untouched = (Object.keys(fresh) as (keyof Values)[]).filter((k) => !form.isFieldTouched(k));
      form.setFieldsValue(Object.fromEntries(untouched.map((k) => [k, fresh[k]])) as Partial<Values>);
      setBase(latest);
      setConflict('reloaded');
    } finally {
      setReloading(false);
    }
  };

  const onFinish = (v: Values) => {
    clearProblem();
    const before = toValues(base);
    const body: UpdateResidentInput = { version: base.version };
    const patch = body as Record<string, unknown>;
    for (const k of PLAIN) {
      const now = typeof v[k] === 'string' ? v[k]!.trim() : v[k];
      if ((now ?? '') !== (before[k] ?? '')) patch[k] = now === '' || now === undefined ? null : now;
    }
    if (v.phone?.trim()) patch.phone = v.phone.trim();
    if (v.idNumber?.trim()) patch.idNumber = v.idNumber.trim();
    if (patch.status !== undefined) {
      if (patch.status === null) delete patch.status;
      else {
        patch.statusDate = (v.statusDate ?? dayjs()).format('YYYY-MM-DD');
        if (v.statusReason?.trim()) patch.statusReason = v.statusReason.trim();
      }
    }
    if (Object.keys(patch).length === 1) {
      message.info(t('form.noChanges'));
      return;
    }
    update.mutate(
      { id: resident.id, ...body },
      {
        onSuccess: (saved) => {
          message.success(t('form.saved'));
          setConflict(null);
          setBase(saved);
          setFormKey((k) => k + 1);
        },
        onError: (err) => void fail(err),
      },
    );
  };

  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: token.marginLG }}
        items={[
          { key: 'id', label: t('detail.idNumber'), children: <Typography.Text code>{base.idMasked}</Typography.Text> },
          { key: 'sex', label: t('detail.sexAgeLabel'), children: t('detail.sexAge', { sex: t(`sex.${base.sex}`), age: base.age ?? base.ageBand }) },
          { key: 'phone', label: t('detail.phone'), children: base.phoneMasked ?? '—' },
          { key: 'community', label: t('detail.community'), children: base.communityName ?? '—' },
          { key: 'grid', label: t('detail.grid'), children: base.gridName ?? (base.gridId ? '—' : t('list.unplaced')) },
          { key: 'address', label: t('detail.address'), children: base.address ?? '—' },
          { key: 'pinyin', label: t('detail.pinyin'), children: base.namePinyin },
          { key: 'version', label: t('form.version'), children: base.version },
          { key: 'updated', label: t('form.updatedAt'), children: new Date(base.updatedAt).toLocaleString(lang) },
        ]}
      />
      {conflict === 'stale' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('conflict.title')}
          description={t('conflict.desc')}
          action={
            <Button type="primary" loading={reloading} onClick={() => void onReload()}>
              {t('conflict.reload')}
            </Button>
          }
          style={{ marginBottom: token.marginMD }}
        />
      )}
      {conflict === 'reloaded' && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          title={t('conflict.reloaded', { version: base.version })}
          style={{ marginBottom: token.marginMD }}
        />
      )}
      {!editable ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          aria-label={t('detail.tab.basic')}
          items={[
            { key: 'name', label: t('form.name'), children: base.name },
            { key: 'status', label: t('form.status'), children: label('residentStatus', base.status, lang) },
            { key: 'ethnicity', label: t('form.ethnicity'), children: base.ethnicity },
            { key: 'residenceType', label: t('form.residenceType'), children: label('residenceType', base.residenceType, lang) },
            { key: 'relation', label: t('form.relation'), children: label('relation', base.relationToHead, lang) || '—' },
            { key: 'education', label: t('form.education'), children: label('education', base.education, lang) || '—' },
            { key: 'political', label: t('form.politicalStatus'), children: label('political', base.politicalStatus, lang) || '—' },
            { key: 'marital', label: t('form.maritalStatus'), children: label('marital', base.maritalStatus, lang) || '—' },
            { key: 'employment', label: t('form.employmentStatus'), children: label('employment', base.employmentStatus, lang) || '—' },
            { key: 'notes', label: t('form.notes'), children: base.notes || '—' },
          ]}
        />
      ) : (
        <Form<Values>
          key={formKey}
          form={form}
          layout="vertical"
          initialValues={toValues(base)}
          onFinish={onFinish}
          onFinishFailed={() => message.warning(t('form.fixErrors'))}
          disabled={!editable || update.isPending}
          aria-label={t('detail.tab.basic')}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} xl={8}>
              <Form.Item label={t('form.name')} name="name" rules={nameRules(t)}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} xl={8}>
              <Form.Item label={t('form.status')} name="status">
                <Select options={options('residentStatus', lang, RESIDENT_STATUSES)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} xl={8}>
              <Form.Item
                label={t('form.idCorrection')}
                name="idNumber"
                rules={[idNumberRule(lang, false)]}
                extra={idNumber ? <IdDerived value={idNumber} /> : t('form.idCorrectionHint')}
              >
                <Input autoComplete="off" maxLength={18} placeholder={base.idMasked} style={{ fontFamily: token.fontFamilyCode }} />
              </Form.Item>
            </Col>
            {status && status !== base.status && (
              <>
                <Col xs={24} sm={12} xl={8}>
                  <Form.Item label={t('form.statusDate')} name="statusDate">
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} placeholder={dayjs().format('YYYY-MM-DD')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} xl={8}>
                  <Form.Item label={t('form.statusReason')} name="statusReason" rules={[{ max: 200 }]}>
                    <Input placeholder={t('form.statusReasonPlaceholder')} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
          <ResidentCommonFields wide phonePlaceholder={base.phoneMasked ?? undefined} phoneHint={t('form.keepHint')} />
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: token.marginMD }} />}
          {editable && (
            <Flex justify="flex-end" gap={token.marginXS}>
              <Button htmlType="button" onClick={() => (form.resetFields(), setConflict(null), clearProblem())}>
                {t('form.undo')}
              </Button>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {tt('common.save')}
              </Button>
            </Flex>
          )}
        </Form>
      )}
    </>
  );
}
