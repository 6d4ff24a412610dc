/**
 * Who rates whom: the Pejabat Penilai Kinerja (PPK) and the Atasan PPK of an employee.
 *
 * The PPK is "atasan langsung Pegawai dengan ketentuan paling rendah pejabat pengawas atau pejabat
 * lain yang diberi pendelegasian kewenangan" (PermenPANRB 6/2022 Pasal 1 angka 9). So a direct
 * superior who is a pelaksana or a fungsional – a ketua tim after penyetaraan jabatan – talks with
 * the team but is not their PPK: the PPK is the first eligible superior up the chain, unless HR has
 * recorded a delegation to a named official. When the PPK is *berhalangan tetap* (no longer active)
 * and nobody is Plt/Plh for them, authority passes to the next eligible superior, step by step
 * ("secara berjenjang", Permensos 4/2024 Pasal 13(3)), so nobody is left without a rater. When the
 * chain inside the bot ends, the officials outside it take over: the PPK and Atasan PPK HR recorded
 * for the top of the tree (a Gubernur, Bupati, Menteri – possibly the same person for both).
 */

/** Position types that may be PPK without a delegation: pejabat pengawas and above (Pasal 1 angka 9). */
export const PPK_POSITION_TYPES: readonly string[] = ['JPT', 'ADMINISTRATOR', 'PENGAWAS'];

/** Someone who might hold the PPK's authority: a person in the bot or an official outside it. */
export type Official = { readonly kind: 'EMPLOYEE'; readonly id: string } | { readonly kind: 'EXTERNAL'; readonly id: string };

/** One superior on the way up, nearest first. */
export interface RaterCandidate {
  readonly id: string;
  readonly positionType: string;
  readonly active: boolean;
  /** HR recorded a delegation of the PPK's authority to this person for the employee. */
  readonly delegated?: boolean;
  /** Someone is Plt/Plh for this person on the day in question. */
  readonly covered: boolean;
}

/** What the line is computed from: the superiors in the bot, then the officials outside it. */
export interface RaterChain {
  /** The delegate (if any), then the superiors, nearest first. */
  readonly candidates: readonly RaterCandidate[];
  /** The external PPK and Atasan PPK recorded for the top of the chain (or for the employee, at the top). */
  readonly externalPpkId: string | null;
  readonly externalAtasanPpkId: string | null;
}

/** The employee's PPK and Atasan PPK; null where none is recorded. */
export interface RatingLine {
  readonly ppk: Official | null;
  readonly atasanPpk: Official | null;
}

/** True when the candidate may hold a PPK's authority: eligible by position or by delegation. */
export function mayBePpk(candidate: Pick<RaterCandidate, 'positionType' | 'delegated'>): boolean {
  return candidate.delegated === true || PPK_POSITION_TYPES.includes(candidate.positionType);
}

/**
 * The rating line: the first two candidates who may be PPK and are there to act – active, or
 * covered by a Plt/Plh – then the external officials. An inactive PPK with a Plt stays the PPK (the
 * Plt acts for them); one without is passed over.
 */
export function ratingLineOf(chain: RaterChain): RatingLine {
  const line: Official[] = chain.candidates
    .filter((candidate) => mayBePpk(candidate) && (candidate.active || candidate.covered))
    .map((candidate) => ({ kind: 'EMPLOYEE', id: candidate.id }) as const);
  if (chain.externalPpkId) line.push({ kind: 'EXTERNAL', id: chain.externalPpkId });
  // An Atasan PPK is someone's superior: recorded without any PPK below them, they rate nobody.
  if (chain.externalAtasanPpkId && line.length > 0) line.push({ kind: 'EXTERNAL', id: chain.externalAtasanPpkId });
  return { ppk: line[0] ?? null, atasanPpk: line[1] ?? null };
}

/** An employee as the chain is built from. */
export interface ChainPerson {
  readonly id: string;
  readonly supervisorId: string | null;
  readonly positionType: string;
  readonly active: boolean;
  readonly ppkDelegateId: string | null;
  readonly externalPpkId: string | null;
  readonly externalAtasanPpkId: string | null;
}

/**
 * The chain of `employee` from people looked up by id: the delegate (then the delegate's superiors)
 * when HR recorded one, else the superiors; the external officials of whoever is at the top.
 * `covered(id)` says whether someone stands in for that person on the day.
 */
export function raterChainOf(employee: ChainPerson, personOf: (id: string) => ChainPerson | undefined, covered: (id: string) => boolean): RaterChain {
  const candidates: RaterCandidate[] = [];
  let top = employee;
  const seen = new Set([employee.id]);
  const first = employee.ppkDelegateId ?? employee.supervisorId;
  // Trees are shallow; `seen` stops at a corrupted cycle instead of looping.
  for (let person = first ? personOf(first) : undefined; person && !seen.has(person.id); person = person.supervisorId ? personOf(person.supervisorId) : undefined) {
    seen.add(person.id);
    candidates.push({ id: person.id, positionType: person.positionType, active: person.active, covered: covered(person.id), delegated: person.id === employee.ppkDelegateId });
    top = person;
  }
  return { candidates, externalPpkId: top.externalPpkId, externalAtasanPpkId: top.externalAtasanPpkId };
}

/** The employee id of an official, or null when they are outside the bot (or there is none). */
export function employeeIdOf(official: Official | null): string | null {
  return official?.kind === 'EMPLOYEE' ? official.id : null;
}

/** Everyone's rating line at once, from the whole agency (daily nudges); `covered`: people someone stands in for that day. */
export function ratingLinesOf(people: readonly ChainPerson[], covered: ReadonlySet<string>): Map<string, RatingLine> {
  const byId = new Map(people.map((person) => [person.id, person]));
  return new Map(people.map((person) => [person.id, ratingLineOf(raterChainOf(person, (id) => byId.get(id), (id) => covered.has(id)))]));
}
