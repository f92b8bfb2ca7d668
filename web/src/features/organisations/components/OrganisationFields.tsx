import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType } from '@shared/domain/organisations';
import { useI18n } from '../../../lib/i18n';
import { useOrganisationsT } from '../messages';
import { bi } from './communities';

/** What the organisation form holds (the create form adds the community). */
export interface OrganisationValues {
  type: OrganisationType;
  name: string;
  parentId?: string | null;
  foundedDate?: Dayjs | null;
  address?: string;
  contactPerson?: string;
  contactPhone?: string;
  contribution?: string;
  description?: string;
}

/** The fields a server's 400 may name (the create form adds communityId). */
export const ORGANISATION_FIELDS = [
  'type',
  'name',
  'parentId',
  'foundedDate',
  'address',
  'contactPerson',
  'contactPhone',
  'contribution',
  'description',
] as const;

const blank = (s?: string) => (s?.trim() ? s.trim() : null);

/** The form's fields as the API takes them, create and edit alike (empty text is null). */
export const organisationBody = (v: OrganisationValues) => ({
  type: v.type,
  name: v.name.trim(),
  parentId: v.parentId ?? null,
  foundedDate: v.foundedDate ? v.foundedDate.format('YYYY-MM-DD') : null,
  address: blank(v.address),
  contactPerson: blank(v.contactPerson),
  contactPhone: blank(v.contactPhone),
  contribution: blank(v.contribution),
  description: blank(v.description),
});

/**
 * An organisation's fields after its community, from the type to the description: one form body for
 * creating (drawer) and editing (modal). The contribution is asked of 驻区单位 only.
 */
export function OrganisationFields({
  type,
  parents,
  parentsDisabled,
}: {
  type: OrganisationType | undefined;
  /** The organisations that may be the parent. */
  parents: { id: string; name: string; type: OrganisationType }[];
  parentsDisabled?: boolean;
}) {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  return (
    <>
      <Form.Item label={t('form.type')} name="type" rules={[{ required: true, message: t('form.required') }]}>
        <Select aria-label={t('form.type')} options={ORGANISATION_TYPES.map((k) => ({ value: k, label: bi(ORGANISATION_TYPE_LABELS[k], lang) }))} />
      </Form.Item>
      <Form.Item label={t('form.name')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input aria-label={t('form.name')} maxLength={100} />
      </Form.Item>
      <Form.Item label={t('form.parentId')} name="parentId">
        <Select
          aria-label={t('form.parentId')}
          allowClear
          disabled={parentsDisabled}
          options={parents.map((o) => ({ value: o.id, label: `${o.name}（${bi(ORGANISATION_TYPE_LABELS[o.type], lang)}）` }))}
        />
      </Form.Item>
      <Form.Item label={t('form.foundedDate')} name="foundedDate">
        <DatePicker aria-label={t('form.foundedDate')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('form.contactPerson')} name="contactPerson">
        <Input aria-label={t('form.contactPerson')} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('form.contactPhone')} name="contactPhone">
        <Input aria-label={t('form.contactPhone')} maxLength={30} />
      </Form.Item>
      <Form.Item label={t('form.address')} name="address">
        <Input aria-label={t('form.address')} maxLength={200} />
      </Form.Item>
      {type === 'resident_unit' && (
        <Form.Item label={t('form.contribution')} name="contribution">
          <Input.TextArea aria-label={t('form.contribution')} maxLength={500} rows={3} />
        </Form.Item>
      )}
      <Form.Item label={t('form.description')} name="description">
        <Input.TextArea aria-label={t('form.description')} maxLength={1000} rows={3} />
      </Form.Item>
    </>
  );
}
