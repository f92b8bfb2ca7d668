import { describe, expect, it } from 'vitest';
import { ageBand, redactIdentifiers } from './identity';

describe('redactIdentifiers (search terms and usernames bound for the audit log)', () => {
  it('masks an ID number like the masked display and keeps the first 3 digits of a phone', () => {
    expect(redactIdentifiers('341881198005010013')).toBe('341881********0013');
    expect(redactIdentifiers('34188119800501001x')).toBe('341881********001x');
    expect(redactIdentifiers('341881800501001')).toBe('341881*****1001');
    expect(redactIdentifiers('13812345678')).toBe('138********');
    expect(redactIdentifiers('1381234')).toBe('138****');
  });

  it('masks full-width digits too, and leaves names, addresses and short numbers alone', () => {
    expect(redactIdentifiers('３４１８８１１９８００５０１００１Ｘ')).toBe('341881********001X');
    expect(redactIdentifiers('王小明 幸福路88号 1234')).toBe('王小明 幸福路88号 1234');
    expect(redactIdentifiers('找 13812345678 的人')).toBe('找 138******** 的人');
  });
});

describe('ageBand', () => {
  it('gives the 5-year band of the statistics, 100+ at the top', () => {
    expect([0, 4, 35, 39, 40, 99, 100, 104].map(ageBand)).toEqual(['0–4', '0–4', '35–39', '35–39', '40–44', '95–99', '100+', '100+']);
  });
});
