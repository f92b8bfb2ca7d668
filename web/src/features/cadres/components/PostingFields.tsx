import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EducationLevel } from '@shared/domain/recruitment';
import { EDUCATION_LABELS, EDUCATION_LEVELS } from '@shared/domain/registry';
import { CADRE_POST_LABELS, CADRE_POSTS, type CadrePost } from '@shared/domain/staffing';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';
import { useCadresT } from '../messages';

/** What the posting form holds (the create form adds the community). */
export interface PostingValues {
  title: string;
  post: CadrePost;
  quota: number;
  ageMax?: number | null;
  educationMin?: EducationLevel | null;
  otherConditions?: string;
  window: [Dayjs, Dayjs];
  writtenWeight: number;
  shortlistRatio: number;
  noticeDays: number;
}

/** The fields of the posting form a 400 may name. */
export const POSTING_FIELDS = [
  'title',
  'post',
  'quota',
  'ageMax',
  'educationMin',
  'otherConditions',
  'window',
  'writtenWeight',
  'shortlistRatio',
  'noticeDays',
];

/** Server paths shown under another field: the two weights share one slider, the two days one range. */
export const POSTING_RENAME = { interviewWeight: 'writtenWeight', opensOn: 'window', closesOn: 'window' };

/** The posting's fields as the API takes them (create and edit alike); the interview weight is the rest of 100. */
export const postingBody = (v: PostingValues) => ({
  title: v.title.trim(),
  post: v.post,
  quota: v.quota,
  ageMax: v.ageMax ?? null,
  educationMin: v.educationMin ?? null,
  otherConditions: v.otherConditions?.trim() || null,
  opensOn: v.window[0].format('YYYY-MM-DD'),
  closesOn: v.window[1].format('YYYY-MM-DD'),
  writtenWeight: v.writtenWeight,
  interviewWeight: 100 - v.writtenWeight,
  shortlistRatio: v.shortlistRatio,
  noticeDays: v.noticeDays,
});

/** 招聘公告's fields, from the title to the notice days: one form body for creating and for editing a posting. */
export function PostingFields() {
  const t = useCadresT();
  const { lang } = useI18n();
  return (
    <>
      <Form.Item label={t('rec.title')} name="title" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input aria-label={t('rec.title')} maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('col.post')} name="post">
          <Select aria-label={t('col.post')} style={{ width: 220 }} options={CADRE_POSTS.map((k) => ({ value: k, label: bi(CADRE_POST_LABELS[k], lang) }))} />
        </Form.Item>
        <Form.Item label={t('rec.quota')} name="quota" rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber aria-label={t('rec.quota')} min={1} max={50} />
        </Form.Item>
        <Form.Item label={t('rec.ageMax')} name="ageMax">
          <InputNumber aria-label={t('rec.ageMax')} min={18} max={70} />
        </Form.Item>
        <Form.Item label={t('rec.educationMin')} name="educationMin">
          <Select
            aria-label={t('rec.educationMin')}
            allowClear
            style={{ width: 160 }}
            options={EDUCATION_LEVELS.map((e) => ({ value: e, label: bi(EDUCATION_LABELS[e], lang) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('rec.otherConditions')} name="otherConditions">
        <Input.TextArea aria-label={t('rec.otherConditions')} maxLength={1000} rows={2} />
      </Form.Item>
      <Form.Item label={t('rec.window')} name="window" rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker.RangePicker aria-label={t('rec.window')} />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('rec.writtenWeight')} name="writtenWeight" extra={t('rec.weightsHint')}>
          <InputNumber aria-label={t('rec.writtenWeight')} min={0} max={100} />
        </Form.Item>
        <Form.Item label={t('rec.ratio')} name="shortlistRatio">
          <InputNumber aria-label={t('rec.ratio')} min={1} max={5} step={0.1} />
        </Form.Item>
        <Form.Item label={t('rec.noticeDays')} name="noticeDays">
          <InputNumber aria-label={t('rec.noticeDays')} min={1} max={30} />
        </Form.Item>
      </Space>
    </>
  );
}
