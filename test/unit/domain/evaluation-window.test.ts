/** Evaluation windows and the keberatan deadline: day 14 accepted, day 15 refused, in the employee's zone. */
import { describe, expect, it } from 'vitest';
import { daysSinceReceipt, evaluationWindow, objectionLastDay, objectionOpen, openEvaluationPeriods, windowState } from '../../../src/domain/evaluation-window.js';
import { annualPeriod, makePeriod } from '../../../src/domain/periods.js';

describe('evaluation window', () => {
  it('opens 14 days before the period ends and closes 30 days after, by default', () => {
    const q4 = makePeriod('QUARTER', 2026, 4);
    expect(evaluationWindow(q4)).toEqual({ opens: { year: 2026, month: 12, day: 18 }, closes: { year: 2027, month: 1, day: 30 } });
    expect(windowState(q4, { year: 2026, month: 12, day: 17 })).toBe('NOT_YET');
    expect(windowState(q4, { year: 2026, month: 12, day: 18 })).toBe('OPEN');
    expect(windowState(q4, { year: 2027, month: 1, day: 30 })).toBe('OPEN');
    expect(windowState(q4, { year: 2027, month: 1, day: 31 })).toBe('CLOSED');
  });

  it('follows the agency setting, for months and the year too', () => {
    const november = makePeriod('MONTH', 2026, 11);
    expect(evaluationWindow(november, { opensBeforeEnd: 5, closesAfterEnd: 10 })).toEqual({
      opens: { year: 2026, month: 11, day: 26 },
      closes: { year: 2026, month: 12, day: 10 },
    });
    expect(evaluationWindow(annualPeriod(2026)).closes).toEqual({ year: 2027, month: 1, day: 30 });
  });
});

describe('open evaluation periods', () => {
  it('keeps every earlier month whose window is still open', () => {
    const setting = { opensBeforeEnd: 14, closesAfterEnd: 60 };
    // Windows close 60 days after the period: December and the year 2026 on 1 March, January on 1 April.
    expect(openEvaluationPeriods({ year: 2027, month: 3, day: 1 }, 'MONTHLY', setting).map((p) => p.key)).toEqual(['2026-M12', '2027-M01', '2027-M02', '2026']);
    expect(openEvaluationPeriods({ year: 2027, month: 3, day: 2 }, 'MONTHLY', setting).map((p) => p.key)).toEqual(['2027-M01', '2027-M02']);
    expect(openEvaluationPeriods({ year: 2027, month: 4, day: 2 }, 'MONTHLY', setting).map((p) => p.key)).toEqual(['2027-M02', '2027-M03']);
  });

  it('opens the last quarter and the year together in December', () => {
    expect(openEvaluationPeriods({ year: 2026, month: 12, day: 28 }, 'QUARTERLY').map((p) => p.key)).toEqual(['2026-Q4', '2026']);
    expect(openEvaluationPeriods({ year: 2026, month: 11, day: 27 }, 'QUARTERLY')).toEqual([]);
  });
});

describe('keberatan deadline', () => {
  // Delivered 2 December 2026 at 16:30 WIB (09:30 UTC).
  const received = new Date('2026-12-02T09:30:00Z');
  const at = (iso: string) => new Date(iso);

  it('accepts day 14 and refuses day 15', () => {
    expect(daysSinceReceipt(received, at('2026-12-16T16:59:00Z'), 'Asia/Jakarta')).toBe(14);
    expect(objectionOpen(received, at('2026-12-16T16:59:00Z'), 'Asia/Jakarta')).toBe(true);
    expect(objectionOpen(received, at('2026-12-16T17:00:00Z'), 'Asia/Jakarta')).toBe(false);
    expect(objectionLastDay(received, 'Asia/Jakarta')).toEqual({ year: 2026, month: 12, day: 16 });
  });

  it('counts days in the employee’s own zone (WIT ends two hours before WIB)', () => {
    expect(objectionOpen(received, at('2026-12-16T14:59:00Z'), 'Asia/Jayapura')).toBe(true);
    expect(objectionOpen(received, at('2026-12-16T15:00:00Z'), 'Asia/Jayapura')).toBe(false);
  });

  it('uses the agency’s number of days', () => {
    expect(objectionOpen(received, at('2026-12-09T10:00:00Z'), 'Asia/Jakarta', 7)).toBe(true);
    expect(objectionOpen(received, at('2026-12-10T10:00:00Z'), 'Asia/Jakarta', 7)).toBe(false);
  });
});
