import { describe, expect, it } from 'vitest';
import { checkinOfWeek, cronOf, DEFAULT_SCHEDULE } from '../../src/checkins/schedules.js';

describe('weekly check-in times', () => {
  it('puts Friday 14:00 at 07:00, 06:00 and 05:00 UTC for WIB, WITA and WIT', () => {
    const now = new Date('2026-12-02T10:00:00Z'); // a Wednesday
    expect(checkinOfWeek(DEFAULT_SCHEDULE, now, 'Asia/Jakarta').at.toISOString()).toBe('2026-12-04T07:00:00.000Z');
    expect(checkinOfWeek(DEFAULT_SCHEDULE, now, 'Asia/Makassar').at.toISOString()).toBe('2026-12-04T06:00:00.000Z');
    expect(checkinOfWeek(DEFAULT_SCHEDULE, now, 'Asia/Jayapura').at.toISOString()).toBe('2026-12-04T05:00:00.000Z');
  });

  it('names the ISO week in the person’s own zone, which can differ around midnight on Sunday', () => {
    const sundayNightWib = new Date('2026-11-29T16:30:00Z'); // Sunday 23:30 WIB, Monday 01:30 WIT
    expect(checkinOfWeek(DEFAULT_SCHEDULE, sundayNightWib, 'Asia/Jakarta').weekKey).toBe('2026-W48');
    expect(checkinOfWeek(DEFAULT_SCHEDULE, sundayNightWib, 'Asia/Jayapura').weekKey).toBe('2026-W49');
  });

  it('turns a schedule into the cron pattern BullMQ runs (Sunday is 0)', () => {
    expect(cronOf(DEFAULT_SCHEDULE)).toBe('0 14 * * 5');
    expect(cronOf({ ...DEFAULT_SCHEDULE, weekday: 7, minuteOfDay: 8 * 60 + 30 })).toBe('30 8 * * 0');
  });
});
