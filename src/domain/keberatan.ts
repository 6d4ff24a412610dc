/**
 * Keberatan (PP 30/2019 Pasal 59): the employee objects to the Atasan Pejabat Penilai Kinerja within
 * 14 days of receiving the result (OBJECTION_DAYS in evaluation-window.ts); the Atasan PPK "meminta
 * penjelasan kepada Pejabat Penilai Kinerja PNS dan PNS yang dinilai" (ayat 3) and "berdasarkan
 * penjelasan" may change and establish the result, finally (ayat 4). So the PPK's explanation comes
 * before the decision; the employee's written reasons stand as their explanation, and the Atasan PPK
 * may ask them for more.
 */

/** A keberatan as the rule reads it. */
export interface KeberatanState {
  raterExplanation: string | null;
  evaluation: {
    /** False when the PPK has left, or the result was recorded by HR for an official outside the bot: nobody in the bot can explain it. */
    raterCanExplain: boolean;
  };
}

/** True while the decision must wait for the PPK's explanation. */
export function awaitsRaterExplanation(keberatan: KeberatanState): boolean {
  return keberatan.evaluation.raterCanExplain && !keberatan.raterExplanation?.trim();
}

/**
 * How long the Atasan PPK has to decide, and when they are reminded. PP 30/2019 sets no deadline for
 * the decision, but allowances, credit points and kenaikan pangkat wait on it (regulation-audit
 * §1.7c); these days are our default, not the law: a reminder on day 7 and day 13 after filing, and
 * from day 15 the pengelola kinerja covering the employee are told it is overdue (once).
 */
export const KEBERATAN_DECISION = { days: 14, remindOn: [7, 13], escalateFrom: 15 } as const;

/** What a keberatan still undecided on `daysSinceFiling` calls for. */
export function keberatanNudge(daysSinceFiling: number): 'REMIND' | 'ESCALATE' | null {
  if (daysSinceFiling >= KEBERATAN_DECISION.escalateFrom) return 'ESCALATE';
  return (KEBERATAN_DECISION.remindOn as readonly number[]).includes(daysSinceFiling) ? 'REMIND' : null;
}
