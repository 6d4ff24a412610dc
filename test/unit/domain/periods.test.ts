import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SKP_DEADLINE,
  addDays,
  isoWeekday,
  isoWeeksInYear,
  annualPeriod,
  compareCivilDates,
  daysUntilSkpDeadline,
  instantFromLocal,
  isoWeekKey,
  localDate,
  localParts,
  nextPeriod,
  parsePeriodKey,
  parseTimeZone,
  periodContains,
  periodLabel,
  periodOf,
  periodsOfYear,
  previousPeriod,
  skpDeadline,
  zoneLabel,
  type Period,
  type PeriodCadence,
} from '../../../src/domain/periods.js';

const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
// Zones without DST since 1970 (half- and quarter-hour offsets included).
const FIXED_ZONES = [...INDONESIAN_ZONES, 'UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Singapore'] as const;
const DST_ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Sao_Paulo', 'Australia/Lord_Howe'] as const;

// 1970–2100, on whole minutes.
const instant = fc.integer({ min: 0, max: 4_102_444_800_000 / 60_000 }).map((minutes) => new Date(minutes * 60_000));
const cadence = fc.constantFrom<PeriodCadence>('QUARTERLY', 'MONTHLY');

describe('local time in Indonesian zones', () => {
  it('maps Friday 14:00 local to 07:00Z in WIB, 06:00Z in WITA and 05:00Z in WIT', () => {
    const friday = { year: 2026, month: 11, day: 27, hour: 14, minute: 0 };
    expect(instantFromLocal(friday, 'Asia/Jakarta').toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(instantFromLocal(friday, 'Asia/Makassar').toISOString()).toBe('2026-11-27T06:00:00.000Z');
    expect(instantFromLocal(friday, 'Asia/Jayapura').toISOString()).toBe('2026-11-27T05:00:00.000Z');
  });

  it('reads the wall clock of an instant, with midnight as hour 0 and an ISO weekday', () => {
    expect(localParts(new Date('2026-11-29T17:00:00.250Z'), 'Asia/Jakarta')).toEqual({
      year: 2026, month: 11, day: 30, hour: 0, minute: 0, second: 0, millisecond: 250, weekday: 1,
    });
  });

  it('refuses a local time that does not exist on the calendar', () => {
    expect(() => instantFromLocal({ year: 2026, month: 2, day: 29, hour: 9, minute: 0 }, 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => instantFromLocal({ year: 2026, month: 2, day: 1, hour: 24, minute: 0 }, 'Asia/Jakarta')).toThrow(RangeError);
  });

  it('labels the three Indonesian zones and leaves other zones as they are', () => {
    expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
    expect(zoneLabel('Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('reads WIB, WITA and WIT in any case, and IANA names in canonical spelling', () => {
    expect(parseTimeZone('WIB')).toBe('Asia/Jakarta');
    expect(parseTimeZone(' wita ')).toBe('Asia/Makassar');
    expect(parseTimeZone('Wit')).toBe('Asia/Jayapura');
    expect(parseTimeZone('asia/makassar')).toBe('Asia/Makassar');
    expect(parseTimeZone('Mars/Olympus')).toBeNull();
    expect(parseTimeZone('')).toBeNull();
  });
});

describe('time zones with daylight saving time', () => {
  it('round-trips Berlin summer and winter times', () => {
    const summer = instantFromLocal({ year: 2026, month: 7, day: 1, hour: 9, minute: 30 }, 'Europe/Berlin');
    expect(summer.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    const winter = instantFromLocal({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 }, 'Europe/Berlin');
    expect(winter.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(localParts(summer, 'Europe/Berlin')).toMatchObject({ hour: 9, minute: 30 });
    expect(localParts(winter, 'Europe/Berlin')).toMatchObject({ hour: 9, minute: 30 });
  });

  it('moves a time skipped by spring-forward later by the gap', () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST.
    const skipped = instantFromLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin');
    expect(skipped.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localParts(skipped, 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('takes the earlier of two instants in the fall-back hour', () => {
    const ambiguous = instantFromLocal({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin');
    expect(ambiguous.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('is the identity on whole minutes in zones without DST', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...FIXED_ZONES), (t, zone) => {
        expect(instantFromLocal(localParts(t, zone), zone).getTime()).toBe(t.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the same wall time, at the same or an earlier instant, in DST zones', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...DST_ZONES), (t, zone) => {
        const local = localParts(t, zone);
        const back = instantFromLocal(local, zone);
        expect(localParts(back, zone)).toEqual(local);
        // Only the second pass through a fall-back hour maps to the earlier instant.
        expect(back.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime() - back.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ISO week keys in the employee time zone', () => {
  it.each([
    ['2026-01-01T05:00:00Z', '2026-W01'],
    ['2027-01-01T05:00:00Z', '2026-W53'],
    ['2021-01-03T05:00:00Z', '2020-W53'],
  ])('%s is week %s in WIB', (iso, key) => {
    expect(isoWeekKey(new Date(iso), 'Asia/Jakarta')).toBe(key);
  });

  it('puts Sunday 23:30 WIB and Monday 01:30 WIT, the same instant, in different weeks', () => {
    const t = new Date('2026-11-29T16:30:00Z');
    expect(localParts(t, 'Asia/Jakarta')).toMatchObject({ weekday: 7, hour: 23, minute: 30 });
    expect(localParts(t, 'Asia/Jayapura')).toMatchObject({ weekday: 1, hour: 1, minute: 30 });
    expect(isoWeekKey(t, 'Asia/Jakarta')).toBe('2026-W48');
    expect(isoWeekKey(t, 'Asia/Makassar')).toBe('2026-W49');
    expect(isoWeekKey(t, 'Asia/Jayapura')).toBe('2026-W49');
  });

  it('never goes back as time moves forward within a zone', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...FIXED_ZONES, ...DST_ZONES), (a, b, zone) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(isoWeekKey(early, zone) <= isoWeekKey(late, zone)).toBe(true);
      }),
    );
  });

  it('advances by exactly one week from one Monday noon to the next, into week 1 after the last week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2099 }), fc.nat(365), fc.constantFrom(...INDONESIAN_ZONES, ...DST_ZONES), (year, offset, zone) => {
        const date = addDays({ year, month: 1, day: 1 }, offset);
        const monday = addDays(date, 1 - isoWeekday(date));
        const key = isoWeekKey(instantFromLocal({ ...monday, hour: 12, minute: 0 }, zone), zone);
        const nextKey = isoWeekKey(instantFromLocal({ ...addDays(monday, 7), hour: 12, minute: 0 }, zone), zone);
        const [y, w] = key.split('-W').map(Number) as [number, number];
        const expected = w === isoWeeksInYear(y) ? `${y + 1}-W01` : `${y}-W${String(w + 1).padStart(2, '0')}`;
        expect(nextKey).toBe(expected);
      }),
    );
  });
});

describe('performance periods', () => {
  it('names quarters, months and the year by key', () => {
    expect(periodsOfYear(2026, 'QUARTERLY').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear(2026, 'MONTHLY').map((p) => p.key)).toEqual([
      '2026-M01', '2026-M02', '2026-M03', '2026-M04', '2026-M05', '2026-M06',
      '2026-M07', '2026-M08', '2026-M09', '2026-M10', '2026-M11', '2026-M12',
    ]);
    expect(annualPeriod(2026).key).toBe('2026');
  });

  it('spans each quarter from its first to its last civil day', () => {
    expect(periodsOfYear(2024, 'QUARTERLY').map((p) => [p.start, p.end])).toEqual([
      [{ year: 2024, month: 1, day: 1 }, { year: 2024, month: 3, day: 31 }],
      [{ year: 2024, month: 4, day: 1 }, { year: 2024, month: 6, day: 30 }],
      [{ year: 2024, month: 7, day: 1 }, { year: 2024, month: 9, day: 30 }],
      [{ year: 2024, month: 10, day: 1 }, { year: 2024, month: 12, day: 31 }],
    ]);
    expect(periodsOfYear(2024, 'MONTHLY')[1]?.end).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('places an instant by the civil date in the employee zone', () => {
    const newYearInJakarta = new Date('2025-12-31T17:30:00Z');
    expect(periodOf(newYearInJakarta, 'QUARTERLY', 'Asia/Jakarta').key).toBe('2026-Q1');
    expect(periodOf(newYearInJakarta, 'QUARTERLY', 'UTC').key).toBe('2025-Q4');
    expect(periodOf(newYearInJakarta, 'MONTHLY', 'Asia/Jayapura')).toMatchObject({ key: '2026-M01', kind: 'MONTH', year: 2026, index: 1 });
  });

  it('steps to the previous and next period across years', () => {
    expect(previousPeriod(parsePeriodKey('2026-Q1') as Period).key).toBe('2025-Q4');
    expect(nextPeriod(parsePeriodKey('2026-Q4') as Period).key).toBe('2027-Q1');
    expect(previousPeriod(parsePeriodKey('2026-M01') as Period).key).toBe('2025-M12');
    expect(nextPeriod(parsePeriodKey('2026-M12') as Period).key).toBe('2027-M01');
    expect(nextPeriod(annualPeriod(2026)).key).toBe('2027');
  });

  it('parses only well-formed period keys', () => {
    expect(parsePeriodKey('2026-Q3')).toEqual(periodsOfYear(2026, 'QUARTERLY')[2]);
    expect(parsePeriodKey('2026-M07')).toEqual(periodsOfYear(2026, 'MONTHLY')[6]);
    expect(parsePeriodKey('2026')).toEqual(annualPeriod(2026));
    for (const bad of ['2026-Q5', '2026-Q0', '2026-M13', '2026-M7', '2026-W48', '26-Q1', '']) expect(parsePeriodKey(bad)).toBeNull();
  });

  it('labels periods in Indonesian and English', () => {
    expect(periodLabel(parsePeriodKey('2026-Q1') as Period, 'id')).toBe('Triwulan I 2026');
    expect(periodLabel(parsePeriodKey('2026-Q4') as Period, 'id')).toBe('Triwulan IV 2026');
    expect(periodLabel(parsePeriodKey('2026-Q1') as Period, 'en')).toBe('Quarter 1 2026');
    expect(periodLabel(parsePeriodKey('2026-M01') as Period, 'id')).toBe('Januari 2026');
    expect(periodLabel(parsePeriodKey('2026-M08') as Period, 'id')).toBe('Agustus 2026');
    expect(periodLabel(parsePeriodKey('2026-M01') as Period, 'en')).toBe('January 2026');
    expect(periodLabel(annualPeriod(2026), 'id')).toBe('Tahun 2026');
  });

  it('puts every instant in exactly one quarter and one month, the month inside the quarter', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...FIXED_ZONES, ...DST_ZONES), (t, zone) => {
        const date = localDate(t, zone);
        const quarter = periodOf(t, 'QUARTERLY', zone);
        const month = periodOf(t, 'MONTHLY', zone);
        expect(periodsOfYear(date.year, 'QUARTERLY').filter((p) => periodContains(p, date))).toEqual([quarter]);
        expect(periodsOfYear(date.year, 'MONTHLY').filter((p) => periodContains(p, date))).toEqual([month]);
        expect(compareCivilDates(quarter.start, month.start)).toBeLessThanOrEqual(0);
        expect(compareCivilDates(month.end, quarter.end)).toBeLessThanOrEqual(0);
        expect(periodContains(annualPeriod(date.year), date)).toBe(true);
      }),
    );
  });

  it('makes consecutive periods touch: the next one starts the day after this one ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2100 }), cadence, fc.nat(11), (year, c, i) => {
        const periods = periodsOfYear(year, c);
        const p = periods[i % periods.length] as Period;
        expect(compareCivilDates(nextPeriod(p).start, p.end)).toBe(1);
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
        expect(parsePeriodKey(p.key)).toEqual(p);
      }),
    );
  });
});

describe('SKP deadline', () => {
  it('defaults to the end of January', () => {
    expect(DEFAULT_SKP_DEADLINE).toEqual({ month: 1, day: 31 });
  });

  it('ends at 23:59:59.999 local time in each Indonesian zone', () => {
    expect(skpDeadline(2026, DEFAULT_SKP_DEADLINE, 'Asia/Jakarta').toISOString()).toBe('2026-01-31T16:59:59.999Z');
    expect(skpDeadline(2026, DEFAULT_SKP_DEADLINE, 'Asia/Makassar').toISOString()).toBe('2026-01-31T15:59:59.999Z');
    expect(skpDeadline(2026, DEFAULT_SKP_DEADLINE, 'Asia/Jayapura').toISOString()).toBe('2026-01-31T14:59:59.999Z');
  });

  it('ends at local 23:59:59.999 even when the next day starts with a DST gap at midnight', () => {
    // São Paulo skipped 2018-11-04 00:00–01:00.
    const deadline = skpDeadline(2018, { month: 11, day: 3 }, 'America/Sao_Paulo');
    expect(localParts(deadline, 'America/Sao_Paulo')).toMatchObject({ year: 2018, month: 11, day: 3, hour: 23, minute: 59, second: 59, millisecond: 999 });
  });

  it('counts civil days to the deadline in the employee zone: 1 the day before, 0 on the day, negative after', () => {
    const zone = 'Asia/Jakarta';
    expect(daysUntilSkpDeadline(new Date('2026-01-30T16:59:00Z'), 2026, DEFAULT_SKP_DEADLINE, zone)).toBe(1);
    expect(daysUntilSkpDeadline(new Date('2026-01-30T17:00:00Z'), 2026, DEFAULT_SKP_DEADLINE, zone)).toBe(0);
    expect(daysUntilSkpDeadline(new Date('2026-01-31T17:00:00Z'), 2026, DEFAULT_SKP_DEADLINE, zone)).toBe(-1);
    expect(daysUntilSkpDeadline(new Date('2026-01-01T00:00:00Z'), 2026, DEFAULT_SKP_DEADLINE, zone)).toBe(30);
  });

  it('counts the same instant differently in WIB and WIT near midnight', () => {
    const t = new Date('2026-01-30T15:30:00Z'); // 22:30 WIB, 00:30 WIT on 31 January
    expect(daysUntilSkpDeadline(t, 2026, DEFAULT_SKP_DEADLINE, 'Asia/Jakarta')).toBe(1);
    expect(daysUntilSkpDeadline(t, 2026, DEFAULT_SKP_DEADLINE, 'Asia/Jayapura')).toBe(0);
  });

  it('refuses a deadline that is not a real date', () => {
    expect(() => daysUntilSkpDeadline(new Date('2026-01-01T00:00:00Z'), 2026, { month: 2, day: 30 }, 'Asia/Jakarta')).toThrow(RangeError);
  });
});
