import { describe, expect, it } from 'vitest';
import { addDays, isOverdue, shortcutsFor, sortTodos } from './workbench';

describe('sortTodos', () => {
  it('puts the overdue first, then today, then later, ties by id', () => {
    const todos = [
      { id: 'b', dueDate: '2026-12-01' },
      { id: 'z', dueDate: '2026-11-01' },
      { id: 'a', dueDate: '2026-12-01' },
      { id: 'm', dueDate: '2026-11-29' },
    ];
    expect(sortTodos(todos).map((t) => t.id)).toEqual(['z', 'm', 'a', 'b']);
    expect(todos[0].id).toBe('b');
  });
});

describe('isOverdue', () => {
  it('is overdue the day after the due date, not on it', () => {
    expect(isOverdue('2026-11-28', '2026-11-29')).toBe(true);
    expect(isOverdue('2026-11-29', '2026-11-29')).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-11-29', 7)).toBe('2026-12-06');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('shortcutsFor', () => {
  it('gives a resident only their own page and a community worker the look-up first', () => {
    expect(shortcutsFor(['self.read']).map((s) => s.key)).toEqual(['self']);
    const worker = shortcutsFor(['residents.read', 'residents.write', 'households.read', 'residents.import']).map((s) => s.key);
    expect(worker).toEqual(['findResident', 'registerResident', 'households', 'import']);
  });

  it('gives a read-only role no action that changes the register', () => {
    expect(shortcutsFor(['residents.read', 'stats.read']).map((s) => s.key)).toEqual(['findResident', 'statistics']);
  });
});
