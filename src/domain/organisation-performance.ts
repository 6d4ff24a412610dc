/**
 * Capaian Kinerja Organisasi (SE MenPANRB 3/2023, on PP 30/2019 Pasal 41): the pimpinan of the
 * organisation one level up establishes a unit's capaian, and with it the distribution of its
 * employees' predikat. They "dapat mempertimbangkan rekomendasi dari satuan organisasi yang membidangi
 * perencanaan kinerja organisasi, kepegawaian, dan/atau pengawasan" – HR recommends, it does not decide;
 * it records the leader's decision only with the document. The basis differs by period.
 *
 * Sources: merdeka.com and jpnn.com summaries of SE MenPANRB 3/2023 (the SE's PDF could not be
 * retrieved on this machine: *verify* against it); ../shared/research/regulation-audit.md §1.3.
 */
import type { Period } from './periods.js';

/** What the capaian is measured against. */
export type CapaianBasis = 'RENCANA_AKSI' | 'PERJANJIAN_KINERJA';

/** Periodic: the rencana aksi against the period's targets. Annual: the Perjanjian Kinerja (with the organisation's ekspektasi). */
export function capaianBasisOf(period: Pick<Period, 'kind'>): CapaianBasis {
  return period.kind === 'YEAR' ? 'PERJANJIAN_KINERJA' : 'RENCANA_AKSI';
}
