import { describe, expect, it } from 'vitest';
import { appraisalText } from '../../../src/i18n/appraisal.js';
import { countOf } from '../../../src/i18n/catalogue.js';
import { digestText } from '../../../src/i18n/digest.js';
import { orgImportText } from '../../../src/i18n/org-import.js';

describe('English counts', () => {
  it('agree in number and group their digits', () => {
    expect([countOf(0, 'day', 'days'), countOf(1, 'day', 'days'), countOf(2, 'day', 'days'), countOf(30000, 'employee', 'employees')]).toEqual(['0 days', '1 day', '2 days', '30,000 employees']);
  });

  it('read naturally in the messages people get', () => {
    expect(digestText.en.noDialogue({ name: 'Andi', days: 1 })).toMatch(/^No performance dialogue with Andi for 1 day /);
    expect(digestText.en.reportsWithoutPlan({ year: 2027, count: 1, days: 1 })).toMatch(/^1 of your reports has no 2027 performance plan\. .*\(deadline in 1 day\)\./);
    expect(appraisalText.en.confirmFinalize({ count: 1, period: 'Q4 2026', to: 'Rina' })).toMatch(/^Propose 1 evaluation of Q4 2026 to Rina/);
    expect(orgImportText.en.rowsRead({ total: 50000, accepted: 49990, rejected: 10 })).toBe('50,000 rows read: 49990 accepted, 10 rejected.');
    // Indonesian nouns do not change with number.
    expect(digestText.id.noDialogue({ name: 'Andi', days: 1 })).toMatch(/^Sudah 1 hari tidak ada dialog kinerja dengan Andi/);
  });
});
