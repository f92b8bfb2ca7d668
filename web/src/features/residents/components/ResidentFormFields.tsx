import { Col, Form, Input, Row, Select, Typography, type FormRule } from 'antd';
import { ageOn, ID_PROBLEM_MESSAGES, parseIdNumber } from '@shared/domain/id-number';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, MARITAL_STATUSES, POLITICAL_STATUSES, RELATIONS, RESIDENCE_TYPES } from '@shared/domain/registry';
import { useI18n, type Lang } from '../../../lib/i18n';
import { options } from '../labels';
import { useResidentsT } from '../messages';

/** The phone rule of the contract (mobile 11 digits, or a landline with its area code). */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** The name's rules of the contract: required, at most 50 characters. */
export function nameRules(t: ReturnType<typeof useResidentsT>): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('form.required', { field: t('form.name') }) },
    { max: 50, message: t('form.tooLong', { field: t('form.name'), n: 50 }) },
  ];
}

/** Checks an ID number with the same rules as the server (GB 11643 check digit, birth date, region). */
export function idNumberRule(lang: Lang, required: boolean): FormRule {
  return {
    validator(_, value: string | undefined) {
      if (!value?.trim()) return required ? Promise.reject(new Error(ID_PROBLEM_MESSAGES.empty[lang === 'en' ? 'en' : 'zh'])) : Promise.resolve();
      const r = parseIdNumber(value);
      return r.ok ? Promise.resolve() : Promise.reject(new Error(ID_PROBLEM_MESSAGES[r.problem][lang === 'en' ? 'en' : 'zh']));
    },
  };
}

/** What the typed ID number says: birth date, sex and age (or nothing while it is incomplete or wrong). */
export function IdDerived({ value }: { value?: string }) {
  const t = useResidentsT();
  if (!value?.trim()) return null;
  const r = parseIdNumber(value);
  if (!r.ok) return null;
  return (
    <Typography.Text type="success" data-testid="id-derived">
      {t('form.idDerived', { birth: r.value.birthDate, sex: t(`sex.${r.value.sex}`), age: ageOn(r.value.birthDate) })}
      {r.value.converted && <> · {t('form.idConverted', { number: r.value.number })}</>}
    </Typography.Text>
  );
}

/** The names of the fields ResidentCommonFields renders, but the phone (sent only when typed: the page never reads it back). */
export const COMMON_PLAIN_FIELDS = [
  'ethnicity',
  'residenceType',
  'relationToHead',
  'education',
  'politicalStatus',
  'maritalStatus',
  'employmentStatus',
  'notes',
] as const;

/** The facts a worker edits about a resident (everything except name, ID number and place). */
export function ResidentCommonFields({
  phonePlaceholder,
  phoneHint,
  wide,
}: {
  phonePlaceholder?: string;
  phoneHint?: string;
  /** Three columns on wide screens (a page); two otherwise (a drawer). */ wide?: boolean;
}) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const half = wide ? { xs: 24, sm: 12, xl: 8 } : { xs: 24, sm: 12 };
  const select = (list: Parameters<typeof options>[0], only: readonly string[]) => (
    <Select allowClear options={options(list, lang, only)} popupMatchSelectWidth={false} />
  );
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item
          label={t('form.ethnicity')}
          name="ethnicity"
          rules={[
            { required: true, whitespace: true, message: t('form.required', { field: t('form.ethnicity') }) },
            { max: 20, message: t('form.tooLong', { field: t('form.ethnicity'), n: 20 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={t('form.phone')} name="phone" extra={phoneHint} rules={[{ pattern: PHONE_PATTERN, message: t('form.phoneRule') }]}>
          <Input autoComplete="off" inputMode="tel" placeholder={phonePlaceholder ?? t('form.phoneRule')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          label={t('form.residenceType')}
          name="residenceType"
          rules={[{ required: true, message: t('form.requiredSelect', { field: t('form.residenceType') }) }]}
        >
          <Select options={options('residenceType', lang, RESIDENCE_TYPES)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={t('form.relation')} name="relationToHead">
          {select('relation', RELATIONS)}
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={t('form.education')} name="education">
          {select('education', EDUCATION_LEVELS)}
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={t('form.politicalStatus')} name="politicalStatus">
          {select('political', POLITICAL_STATUSES)}
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={t('form.maritalStatus')} name="maritalStatus">
          {select('marital', MARITAL_STATUSES)}
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={t('form.employmentStatus')} name="employmentStatus">
          {select('employment', EMPLOYMENT_STATUSES)}
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label={t('form.notes')} name="notes" rules={[{ max: 500, message: t('form.tooLong', { field: t('form.notes'), n: 500 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}
