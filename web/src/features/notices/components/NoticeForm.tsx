import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { NoticeDetail } from '@shared/contracts/notices';
import { NOTICE_AUDIENCES, NOTICE_BODY_MAX, NOTICE_IMPORTANCE, NOTICE_TITLE_MAX, type NoticeAudience, type NoticeImportance } from '@shared/domain/notices';
import { useRegion } from '../../../app/region-context';
import { isApiError } from '../../../lib/api';
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
 * order, Ctrl+Enter (or ⌘+Enter) saves from anywhere in the form. Two columns from 768 px, one below.
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

  const fail = (err: Error) => {
    if (isApiError(err) && err.status === 409) {
      message.warning(t('detail.stale'));
      onClose();
      return;
    }
    const details = isApiError(err) ? (err.details as { path?: string; message?: string }[] | undefined) : undefined;
    const fields = Array.isArray(details) ? details.filter((d) => d.path && (FIELDS as readonly string[]).includes(d.path)) : [];
    if (fields.length) form.setFields(fields.map((d) => ({ name: d.path as keyof Values, errors: [d.message ?? err.message] })));
    else message.error(err.message);
  };

  const submit = (v: Values) => {
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
          onError: fail,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (n) => {
          message.success(t('form.saved'));
          onClose();
          navigate(`/notices/${n.id}`);
        },
        onError: fail,
      });
    }
  };

  return (
    <Modal
      open
      title={notice ? t('form.edit') : t('form.create')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width="min(760px, 100vw)"
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
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
      </Form>
    </Modal>
  );
}
