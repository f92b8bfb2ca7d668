import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_STATUSES as CONTRACT_HOUSEHOLD_STATUSES } from '@shared/contracts/households';
import { RESIDENTS_EXPORT_CAP as CONTRACT_EXPORT_CAP, RESIDENTS_TOTAL_CAP as CONTRACT_TOTAL_CAP } from '@shared/contracts/residents';
import { CARE_GROUPS, RELATIONS } from '@shared/domain/registry';
import { HOUSEHOLD_STATUSES } from '../households/statuses';
import { RESIDENTS_EXPORT_CAP, RESIDENTS_TOTAL_CAP } from './limits';
import { label, options } from './labels';

describe('the registry screens', () => {
  it('use the same limits and statuses as the contracts (copied to keep zod out of the pages)', () => {
    expect(RESIDENTS_TOTAL_CAP).toBe(CONTRACT_TOTAL_CAP);
    expect(RESIDENTS_EXPORT_CAP).toBe(CONTRACT_EXPORT_CAP);
    expect([...HOUSEHOLD_STATUSES]).toEqual([...CONTRACT_HOUSEHOLD_STATUSES]);
  });

  it('label stored codes in Chinese and English, and show unknown codes as they are', () => {
    expect(label('relation', 'spouse', 'zh-CN')).toBe('配偶');
    expect(label('relation', 'spouse', 'en')).toBe('Spouse');
    expect(label('careGroup', 'dibao', 'zh-CN')).toBe('低保对象');
    expect(label('residenceType', 'something_new', 'zh-CN')).toBe('something_new');
    expect(label('relation', null, 'zh-CN')).toBe('');
  });

  it('build select options in the vocabulary order, optionally limited', () => {
    expect(options('relation', 'zh-CN').map((o) => o.value)).toEqual([...RELATIONS]);
    expect(options('careGroup', 'zh-CN', ['floating', 'dibao']).map((o) => o.label)).toEqual(['低保对象', '流动人口']);
    expect(options('careGroup', 'en').length).toBe(CARE_GROUPS.length);
  });
});
