import { describe, expect, it } from 'vitest';
import { addYears, trainingDue } from './training';

describe('trainingDue', () => {
  it('asks a director to be trained every year and a committee member every two years', () => {
    expect(trainingDue('director', '2025-03-01', '2020-01-01', '2025-06-01')).toEqual({ dueDate: '2026-03-01', status: 'ok', intervalYears: 1 });
    expect(trainingDue('committee_member', '2025-03-01', '2020-01-01', '2025-06-01').dueDate).toBe('2027-03-01');
  });

  it('puts a party secretary trained more than a year ago on the overdue list', () => {
    expect(trainingDue('party_secretary', '2024-05-01', '2020-01-01', '2025-06-01')).toMatchObject({ dueDate: '2025-05-01', status: 'overdue' });
    expect(trainingDue('secretary_director', '2024-05-01', '2020-01-01', '2025-06-01').status).toBe('overdue');
  });

  it('shows a training falling due within 60 days as due, not yet overdue', () => {
    expect(trainingDue('full_time_worker', '2023-07-15', '2020-01-01', '2025-06-01')).toMatchObject({ dueDate: '2025-07-15', status: 'due' });
    expect(trainingDue('full_time_worker', '2023-06-01', '2020-01-01', '2025-06-01').status).toBe('due');
    expect(trainingDue('full_time_worker', '2023-05-31', '2020-01-01', '2025-06-01').status).toBe('overdue');
  });

  it('counts from the day a cadre took the post when there has been no training', () => {
    expect(trainingDue('auxiliary_police', null, '2025-01-10', '2025-06-01')).toMatchObject({ dueDate: '2027-01-10', status: 'ok' });
    expect(trainingDue('director', null, '2023-01-10', '2025-06-01')).toMatchObject({ dueDate: '2024-01-10', status: 'overdue' });
  });

  it('follows a changed cadence (a setting)', () => {
    expect(trainingDue('director', '2025-01-01', '2020-01-01', '2025-06-01', { leaderYears: 2, otherYears: 3 }).dueDate).toBe('2027-01-01');
    expect(trainingDue('committee_member', '2025-01-01', '2020-01-01', '2025-06-01', { leaderYears: 2, otherYears: 3 }).dueDate).toBe('2028-01-01');
  });
});

describe('addYears', () => {
  it('keeps the day, and turns 29 February into 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-12-31', 2)).toBe('2027-12-31');
  });
});
