import { describe, expect, it } from 'vitest';
import { OBJECTION_DAYS } from '../../../src/domain/evaluation-window.js';
import { awaitsRaterExplanation, KEBERATAN_DECISION, keberatanNudge } from '../../../src/domain/keberatan.js';

describe('keberatan (PP 30/2019 Pasal 59)', () => {
  it('gives every agency the law’s 14 days to object', () => {
    expect(OBJECTION_DAYS).toBe(14);
  });

  it('waits for the PPK’s explanation before the decision, unless nobody in the bot can give it', () => {
    expect(awaitsRaterExplanation({ raterExplanation: null, evaluation: { raterCanExplain: true } })).toBe(true);
    expect(awaitsRaterExplanation({ raterExplanation: '  ', evaluation: { raterCanExplain: true } })).toBe(true);
    expect(awaitsRaterExplanation({ raterExplanation: 'Modul dilaporkan terlambat.', evaluation: { raterCanExplain: true } })).toBe(false);
    expect(awaitsRaterExplanation({ raterExplanation: null, evaluation: { raterCanExplain: false } })).toBe(false);
  });

  it('reminds the decider on days 7 and 13 and escalates from day 15 (our default: the law sets no decision deadline)', () => {
    expect(KEBERATAN_DECISION.days).toBe(14);
    expect([0, 6, 7, 8, 12, 13, 14, 15, 30].map(keberatanNudge)).toEqual([null, null, 'REMIND', null, null, 'REMIND', null, 'ESCALATE', 'ESCALATE']);
  });
});
