import { describe, expect, it } from 'vitest';
import { actingProblem, type ActingPeriod } from '../../../src/domain/acting.js';
import { parseCivilDate } from '../../../src/domain/civil-date.js';

const d = (text: string) => parseCivilDate(text)!;
const period = (actingId: string, forId: string, start: string, end: string): ActingPeriod => ({ actingId, forId, start: d(start), end: d(end) });

describe('Plt and Plh', () => {
  it('refuses acting for oneself and an end before the start; a single day is fine', () => {
    expect(actingProblem(period('a', 'a', '2027-01-01', '2027-01-31'), [])).toBe('SELF');
    expect(actingProblem(period('a', 'b', '2027-01-31', '2027-01-01'), [])).toBe('END_BEFORE_START');
    expect(actingProblem(period('a', 'b', '2027-01-31', '2027-01-31'), [])).toBeNull();
  });

  it('allows one person at a time for an official: an overlap by one day is refused, the day after is fine', () => {
    const existing = [period('c', 'b', '2027-01-01', '2027-01-15')];
    expect(actingProblem(period('a', 'b', '2027-01-15', '2027-01-31'), existing)).toBe('OFFICIAL_ALREADY_COVERED');
    expect(actingProblem(period('a', 'b', '2027-01-16', '2027-01-31'), existing)).toBeNull();
    // The same person acting for two officials at once is allowed (a Plh for two absent heads).
    expect(actingProblem(period('c', 'x', '2027-01-01', '2027-01-15'), existing)).toBeNull();
  });

  it('refuses two people acting for each other on the same days', () => {
    const existing = [period('b', 'a', '2027-01-10', '2027-01-20')];
    expect(actingProblem(period('a', 'b', '2027-01-01', '2027-01-10'), existing)).toBe('CYCLE');
    expect(actingProblem(period('a', 'b', '2027-01-21', '2027-01-31'), existing)).toBeNull();
  });
});
