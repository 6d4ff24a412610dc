/** Text sources for export tests that build an EvaluationExport by hand. */
import type { BehaviourTextRow, ExportTexts, RhkTextRow } from '../../src/reports/export-texts.js';

/** Texts given in batches, as the database reader gives them. */
export function textsOf(rhk: RhkTextRow[][], behaviour: BehaviourTextRow[][] = []): ExportTexts {
  return {
    async *rhkRows() {
      for (const batch of rhk) yield await Promise.resolve(batch);
    },
    async *behaviourRows() {
      for (const batch of behaviour) yield await Promise.resolve(batch);
    },
  };
}

/** An export without texts. */
export const noTexts = textsOf([], []);
