import { describe, expect, it } from 'vitest';
import { LAW_VERSIONS, lawVersionOn } from './election-law';
import { addDays, addYears, daysBetween, electionTimeline } from './election-timeline';

describe('lawVersionOn', () => {
  it('applies the 2018 text to an election held before 2026', () => {
    expect(lawVersionOn('2025-12-31').code).toBe('2018');
  });

  it('applies the revision from its first day, 2026-01-01', () => {
    expect(lawVersionOn('2026-01-01').code).toBe('2026');
    expect(lawVersionOn('2031-06-01').code).toBe('2026');
  });

  it('changes the community size from 100–700 to 1,000–3,000 households and keeps the double majority', () => {
    const [old, next] = [lawVersionOn('2021-05-01'), lawVersionOn('2026-05-01')];
    expect([old.minHouseholds, old.maxHouseholds]).toEqual([100, 700]);
    expect([next.minHouseholds, next.maxHouseholds]).toEqual([1000, 3000]);
    for (const v of LAW_VERSIONS) expect([v.turnoutShare, v.winShare, v.runoffFloorShare, v.minMembers, v.maxMembers]).toEqual([1 / 2, 1 / 2, 1 / 3, 5, 9]);
  });

  it('uses the oldest version for a day before any took effect, and reads a custom list of versions', () => {
    expect(lawVersionOn('2000-01-01').code).toBe('2018');
    const local = [{ ...LAW_VERSIONS[1]!, code: 'local', effectiveFrom: '2027-03-01', voterListDaysBefore: 25 }, ...LAW_VERSIONS];
    expect(lawVersionOn('2027-03-01', local).voterListDaysBefore).toBe(25);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and a leap day', () => {
    expect(addDays('2026-03-01', -20)).toBe('2026-02-09');
    expect(addDays('2028-03-10', -20)).toBe('2028-02-19');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(daysBetween('2026-02-09', '2026-03-01')).toBe(20);
  });

  it('adds years, moving 29 February to 28 February in a common year', () => {
    expect(addYears('2026-05-16', 5)).toBe('2031-05-16');
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
  });
});

describe('electionTimeline', () => {
  const day = '2026-05-16';
  const tl = electionTimeline(day, lawVersionOn(day));
  const at = (k: string) => tl.find((d) => d.key === k)!.date;

  it('publishes the voter list 20 days before the vote', () => {
    expect(at('voterListPublished')).toBe('2026-04-26');
    expect(daysBetween(at('voterListPublished'), day)).toBe(20);
  });

  it('closes objections 5 days after publication and answers them within 3 more', () => {
    expect(at('objectionsClose')).toBe('2026-05-01');
    expect(at('objectionsAnswered')).toBe('2026-05-04');
  });

  it('publishes the candidate list 5 days before the vote', () => {
    expect(at('candidateListPublished')).toBe('2026-05-11');
  });

  it('hands over within 10 days, re-runs a void election within 30, and ends the term after 5 years', () => {
    expect(at('handover')).toBe('2026-05-26');
    expect(at('rerunIfVoid')).toBe('2026-06-15');
    expect(at('termEnds')).toBe('2031-05-16');
  });

  it('lists the deadlines in the order they fall, each with a rule in both languages', () => {
    const dates = tl.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    for (const d of tl) expect(d.basis.zh && d.basis.en && d.label.zh && d.label.en).toBeTruthy();
  });

  it('follows the numbers of the version it is given', () => {
    const local = { ...lawVersionOn(day), voterListDaysBefore: 30, handoverDays: 15 };
    const t = electionTimeline(day, local);
    expect(t.find((d) => d.key === 'voterListPublished')!.date).toBe('2026-04-16');
    expect(t.find((d) => d.key === 'handover')!.date).toBe('2026-05-31');
  });
});
