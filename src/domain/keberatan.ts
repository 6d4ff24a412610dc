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
