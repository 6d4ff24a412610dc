import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  civilFromEpochDay,
  compareCivilDates,
  daysInMonth,
  epochDay,
  formatCivilDate,
  isValidCivilDate,
  isoWeekOf,
  isoWeekday,
  isoWeeksInYear,
  parseCivilDate,
} from '../../../src/domain/civil-date.js';
import type { CivilDate } from '../../../src/domain/civil-date.js';

const civilDate = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(isValidCivilDate);

describe('civil dates', () => {
  it('knows leap years', () => {
    expect(isValidCivilDate({ year: 2024, month: 2, day: 29 })).toBe(true);
    expect(isValidCivilDate({ year: 2026, month: 2, day: 29 })).toBe(false);
    expect(isValidCivilDate({ year: 2000, month: 2, day: 29 })).toBe(true);
    expect(isValidCivilDate({ year: 2100, month: 2, day: 29 })).toBe(false);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('rejects months and days out of range', () => {
    expect(isValidCivilDate({ year: 2026, month: 13, day: 1 })).toBe(false);
    expect(isValidCivilDate({ year: 2026, month: 4, day: 31 })).toBe(false);
    expect(isValidCivilDate({ year: 2026, month: 1, day: 0 })).toBe(false);
    expect(isValidCivilDate({ year: 2026, month: 1.5, day: 1 })).toBe(false);
  });

  it('parses and formats YYYY-MM-DD, refusing impossible dates', () => {
    expect(parseCivilDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
    expect(parseCivilDate('2026-02-30')).toBeNull();
    expect(parseCivilDate('2026-3-9')).toBeNull();
    expect(formatCivilDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
  });

  it('adds days across month and year ends', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('round-trips every date through its epoch day, including years below 100', () => {
    fc.assert(
      fc.property(civilDate, (date) => {
        expect(civilFromEpochDay(epochDay(date))).toEqual(date);
        expect(parseCivilDate(formatCivilDate(date))).toEqual(date);
      }),
    );
  });

  it('orders dates like their formatted strings', () => {
    fc.assert(
      fc.property(civilDate, civilDate, (a, b) => {
        expect(Math.sign(compareCivilDates(a, b))).toBe(Math.sign(formatCivilDate(a).localeCompare(formatCivilDate(b))));
      }),
    );
  });

  it('gives ISO weekdays, Monday = 1', () => {
    expect(isoWeekday({ year: 2026, month: 11, day: 30 })).toBe(1);
    expect(isoWeekday({ year: 2026, month: 11, day: 29 })).toBe(7);
    expect(isoWeekday({ year: 1970, month: 1, day: 1 })).toBe(4);
  });
});

describe('ISO-8601 weeks', () => {
  it.each<[string, number, number]>([
    ['2026-01-01', 2026, 1], // a Thursday: week 1 of its own year
    ['2027-01-01', 2026, 53], // a Friday: the last week of the year before
    ['2021-01-03', 2020, 53], // a Sunday closing 2020's 53rd week
    ['2021-01-04', 2021, 1],
    ['2024-12-30', 2025, 1], // a Monday whose Thursday is in 2025
    ['2026-11-30', 2026, 49],
  ])('%s is in week %i-W%i', (text, year, week) => {
    expect(isoWeekOf(parseCivilDate(text) as CivilDate)).toEqual({ year, week });
  });

  it('counts 53 weeks in long years only', () => {
    expect([2015, 2020, 2021, 2025, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 52, 52, 53, 53]);
  });

  it('moves consecutive Mondays forward by exactly one week', () => {
    const monday = civilDate.map((d) => addDays(d, 1 - isoWeekday(d))).filter((d) => d.year >= 2);
    fc.assert(
      fc.property(monday, (m) => {
        const week = isoWeekOf(m);
        const next = isoWeekOf(addDays(m, 7));
        if (week.week === isoWeeksInYear(week.year)) expect(next).toEqual({ year: week.year + 1, week: 1 });
        else expect(next).toEqual({ year: week.year, week: week.week + 1 });
      }),
    );
  });

  it('keeps all seven days from Monday to Sunday in one week', () => {
    fc.assert(
      fc.property(civilDate.filter((d) => d.year >= 2 && d.year <= 9998), (d) => {
        const monday = addDays(d, 1 - isoWeekday(d));
        const weeks = [0, 1, 2, 3, 4, 5, 6].map((i) => isoWeekOf(addDays(monday, i)));
        for (const w of weeks) expect(w).toEqual(weeks[0]);
      }),
    );
  });
});
