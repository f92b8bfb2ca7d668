import { describe, expect, it } from 'vitest';
import { assessStaffing, DEFAULT_STAFFING, staffingCategory } from './staffing';

describe('assessStaffing', () => {
  it('finds no vacancy in a community staffed as the speech says (5 + 1 + 3)', () => {
    const a = assessStaffing(DEFAULT_STAFFING, 7493, { full_time: 5, part_time: 1, police: 3 });
    expect(a.vacancies).toEqual({ full_time: 0, part_time: 0, police: 0 });
    expect(a.totalVacancies).toBe(0);
  });

  it('counts the missing posts of each line separately: a surplus of police fills no cadre post', () => {
    const a = assessStaffing(DEFAULT_STAFFING, 5000, { full_time: 3, part_time: 0, police: 5 });
    expect(a.vacancies).toEqual({ full_time: 2, part_time: 1, police: 0 });
    expect(a.totalVacancies).toBe(3);
  });

  it('asks for 18 workers per 10,000 residents, rounded up, police not counted', () => {
    const a = assessStaffing(DEFAULT_STAFFING, 7493, { full_time: 5, part_time: 1, police: 3 });
    expect(a.ratioRequired).toBe(14); // 7493 × 18 / 10000 = 13.49 → 14
    expect(a.workers).toBe(6);
    expect(a.ratioShortfall).toBe(8);
  });

  it('reports no shortfall when the ratio is met, and none for a community without residents', () => {
    expect(assessStaffing(DEFAULT_STAFFING, 3000, { full_time: 5, part_time: 1 }).ratioShortfall).toBe(0);
    expect(assessStaffing(DEFAULT_STAFFING, 0, {}).ratioRequired).toBe(0);
  });

  it('follows a changed standard (a setting, not a literal)', () => {
    const a = assessStaffing({ fullTime: 7, partTime: 2, police: 1, workersPer10k: 10 }, 10_000, { full_time: 5, part_time: 1, police: 1 });
    expect(a.vacancies).toEqual({ full_time: 2, part_time: 1, police: 0 });
    expect(a.ratioRequired).toBe(10);
  });
});

describe('staffingCategory', () => {
  it('puts police and auxiliary police on the police line, part-time cadres on theirs, every other post on full-time', () => {
    expect(staffingCategory('auxiliary_police')).toBe('police');
    expect(staffingCategory('police_officer')).toBe('police');
    expect(staffingCategory('part_time_worker')).toBe('part_time');
    expect(staffingCategory('director_assistant')).toBe('full_time');
    expect(staffingCategory('secretary_director')).toBe('full_time');
  });
});
