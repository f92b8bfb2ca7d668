import { App, Col, DatePicker, Form, Input, Radio, Row, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { NoticeDetail } from '@shared/contracts/notices';
import { NOTICE_AUDIENCES, NOTICE_BODY_MAX, NOTICE_IMPORTANCE, NOTICE_TITLE_MAX, type NoticeAudience, type NoticeImportance } from '@shared/domain/notices';
import { useRegion } from '../../../app/region-context';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { toTreeData } from '../../regions/region-label';
import { useCreateNotice } from '../api/create-notice';
import { useUpdateNotice } from '../api/update-notice';
import { useNoticesT } from '../messages';

interface Values {
  regionId: string;
  title: string;
  body: string;
  audience: NoticeAudience;
  importance: NoticeImportance;
  publishFrom: Dayjs;
  publishUntil?: Dayjs | null;
  pinned: boolean;
}

/** The form's fields, where a server's 400 names one. */
const FIELDS = ['regionId', 'title', 'body', 'audience', 'importance', 'publishFrom', 'publishUntil', 'pinned'] as const;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * Publish a notice (then open it), or edit one at the version read: a 409 says so and closes; a 400 puts the
 * server's message under the field it names. Keyboard: the title has the focus, Tab walks the fields in
 * order, Enter in a one-line field or Ctrl+Enter (or ⌘+Enter) anywhere saves. Two columns from 768 px, one below.
 */
export function NoticeForm({ notice, onClose }: { notice?: NoticeDetail; onClose: () => void }) {
  const t = useNoticesT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { roots, regionId } = useRegion();
  const create = useCreateNotice();
  const update = useUpdateNotice();
  const [form] = Form.useForm<Values>();
  const initial: Partial<Values> = notice
    ? {
        regionId: notice.regionId,
        title: notice.title,
        body: notice.body,
        audience: notice.audience,
        importance: notice.importance,
        publishFrom: dayjs(notice.publishFrom),
        publishUntil: notice.publishUntil ? dayjs(notice.publishUntil) : null,
        pinned: notice.pinned,
      }
    : { regionId: regionId ?? undefined, audience: 'all', importance: 'normal', publishFrom: dayjs(), pinned: false };

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
    const body = {
      regionId: v.regionId,
      title: v.title.trim(),
      body: v.body.trim(),
      audience: v.audience,
      importance: v.importance,
      publishFrom: day(v.publishFrom)!,
      publishUntil: day(v.publishUntil),
      pinned: v.pinned,
    };
    if (notice) {
      update.mutate(
        { id: notice.id, version: notice.version, ...body },
        {
          onSuccess: () => {
            message.success(t('form.saved'));
            onClose();
          },
          onError: (err) => void fail(err),
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (n) => {
          message.success(t('form.saved'));
          onClose();
          navigate(`/notices/${n.id}`);
        },
        onError: (err) => void fail(err),
      });
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title={notice ? t('form.edit') : t('form.create')}
      onClose={onClose}
      onFinish={submit}
      initialValues={initial}
      saving={create.isPending || update.isPending}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      width="min(760px, 100vw)"
      problem={problem}
    >
      <Form.Item label={t('col.title')} name="title" rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: NOTICE_TITLE_MAX }]}>
        <Input autoFocus maxLength={NOTICE_TITLE_MAX} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('form.region')} name="regionId" rules={[{ required: true, message: t('form.required') }]}>
            <TreeSelect treeData={toTreeData(roots, lang)} treeDefaultExpandAll={false} showSearch treeNodeFilterProp="title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('col.audience')} name="audience" rules={[{ required: true, message: t('form.required') }]}>
            <Radio.Group options={NOTICE_AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('col.publishFrom')} name="publishFrom" extra={t('form.fromHint')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('col.publishUntil')} name="publishUntil" extra={t('form.untilHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('col.importance')} name="importance">
            <Radio.Group options={NOTICE_IMPORTANCE.map((i) => ({ value: i, label: t(`importance.${i}`) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('form.pinned')} name="pinned" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('form.body')}
        name="body"
        extra={t('form.bodyHint')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: NOTICE_BODY_MAX }]}
      >
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={NOTICE_BODY_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}
