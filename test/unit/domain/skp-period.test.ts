import { describe, expect, it } from 'vitest';
import { parseCivilDate, type CivilDate } from '../../../src/domain/civil-date.js';
import { creditPoints } from '../../../src/domain/follow-up.js';
import { annualPeriod, makePeriod } from '../../../src/domain/periods.js';
import { closingOf, creditMonths, isWholeYear, openPeriodStart, partialCreditPoints, skpPartsOf, skpPeriodsOfYear, type ClosedSkpPeriod } from '../../../src/domain/skp-period.js';

const d = (text: string): CivilDate => parseCivilDate(text)!;
// Moved on 1 June 2027: the first SKP period ran 1 January – 31 May.
const janToMay: ClosedSkpPeriod = { id: 'first', startsOn: d('2027-01-01'), endsOn: d('2027-05-31') };

describe('SKP periods of a year', () => {
  it('without a move, the period in force is the whole year', () => {
    expect(openPeriodStart(2027, [])).toEqual(d('2027-01-01'));
    expect(skpPeriodsOfYear(2027, [])).toEqual([{ part: '', from: d('2027-01-01'), to: d('2027-12-31') }]);
    expect(isWholeYear(skpPeriodsOfYear(2027, [])[0]!)).toBe(true);
  });

  it('a move ends the period in force the day before it takes effect, and the new one runs to 31 December', () => {
    expect(closingOf(d('2027-06-01'), [])).toEqual({ startsOn: d('2027-01-01'), endsOn: d('2027-05-31') });
    expect(skpPeriodsOfYear(2027, [janToMay])).toEqual([
      { part: 'first', from: d('2027-01-01'), to: d('2027-05-31') },
      { part: '', from: d('2027-06-01'), to: d('2027-12-31') },
    ]);
    // A second move in the same year closes the second period.
    const second: ClosedSkpPeriod = { id: 'second', startsOn: d('2027-06-01'), endsOn: d('2027-09-14') };
    expect(closingOf(d('2027-09-15'), [janToMay])).toEqual({ startsOn: d('2027-06-01'), endsOn: d('2027-09-14') });
    expect(openPeriodStart(2027, [janToMay, second])).toEqual(d('2027-09-15'));
  });

  it('an effective date on (or before) the first day of the period in force corrects data and closes nothing', () => {
    expect(closingOf(d('2027-01-01'), [])).toBeNull();
    expect(closingOf(d('2027-06-01'), [janToMay])).toBeNull();
    expect(closingOf(d('2027-04-01'), [janToMay])).toBeNull();
  });

  it('an evaluation period the move cuts has one part per SKP period, each cut to the days both share', () => {
    expect(skpPartsOf(makePeriod('QUARTER', 2027, 2), [janToMay])).toEqual([
      { part: 'first', from: d('2027-04-01'), to: d('2027-05-31') },
      { part: '', from: d('2027-06-01'), to: d('2027-06-30') },
    ]);
    expect(skpPartsOf(makePeriod('QUARTER', 2027, 1), [janToMay])).toEqual([{ part: 'first', from: d('2027-01-01'), to: d('2027-03-31') }]);
    expect(skpPartsOf(makePeriod('QUARTER', 2027, 3), [janToMay])).toEqual([{ part: '', from: d('2027-07-01'), to: d('2027-09-30') }]);
    expect(skpPartsOf(annualPeriod(2027), [janToMay]).map((p) => p.part)).toEqual(['first', '']);
  });

  it('another year’s closed periods do not touch this year', () => {
    expect(skpPeriodsOfYear(2028, [janToMay])).toEqual([{ part: '', from: d('2028-01-01'), to: d('2028-12-31') }]);
  });
});

describe('credit points for a partial year (BKN: months/12 × percentage × coefficient)', () => {
  it('counts each month for the SKP period holding its first day, so the parts add up to 12', () => {
    expect(creditMonths({ from: d('2027-01-01'), to: d('2027-05-31') })).toBe(5);
    expect(creditMonths({ from: d('2027-06-01'), to: d('2027-12-31') })).toBe(7);
    expect(creditMonths({ from: d('2027-01-01'), to: d('2027-06-09') })).toBe(6);
    expect(creditMonths({ from: d('2027-06-10'), to: d('2027-12-31') })).toBe(6);
    expect(creditMonths({ from: d('2027-01-01'), to: d('2027-12-31') })).toBe(12);
  });

  it('reproduces BKN’s example: January–February, Baik, Ahli Pertama (12,5) → 2,083', () => {
    const months = creditMonths({ from: d('2027-01-01'), to: d('2027-02-28') });
    expect(partialCreditPoints(creditPoints('BAIK', 12.5), months)).toBe(2.083);
  });
});
