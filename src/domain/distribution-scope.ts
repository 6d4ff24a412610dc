/**
 * Which employees share one distribution of predikat (kurva distribusi) and one penetapan.
 *
 * Sources (verify; the SE's PDF could not be retrieved here, see README "Evaluation"):
 * - PP 30/2019 Pasal 41 ayat 7: predikat are "didistribusikan pada seluruh PNS pada Instansi Pemerintah".
 * - SE MenPANRB 3/2023: the Capaian Kinerja Organisasi of a satuan organisasi sets the pola distribusi
 *   of its employees, and the pimpinan yang berwenang establishes the organisation's predikat and the
 *   distribution of its employees' predikat ("Format Penetapan Predikat Kinerja").
 * - Practice (regulation-audit §1.2a): BKPSDM / Biro SDM check the distribution per OPD or satker,
 *   never per rater's team.
 *
 * The agency chooses the level as a depth in its unit tree (Agency.distributionLevel): 1 = the top
 * units of the organisation file (in a file per OPD, the OPD itself; in a province's file without a
 * common root, each OPD), 2 = the units under those (bidang / bagian), and so on. Our default, 1, is
 * the OPD / unit kerja. A unit above the chosen depth is its own organisation.
 */

/** Default depth: the top units of the import (each OPD / unit kerja). */
export const DEFAULT_DISTRIBUTION_LEVEL = 1;

/** A unit as the tree needs it. */
export interface UnitNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** The path from the top of the tree down to the unit (ids), stopping at a corrupted cycle. */
function pathOf(unitId: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const path: string[] = [];
  for (let current: string | null | undefined = unitId; current && parentOf.has(current) && !path.includes(current); current = parentOf.get(current)) path.unshift(current);
  return path;
}

/** The organisation a unit's employees are distributed with: its ancestor at `level` (itself when the unit is shallower). */
export function organisationOf(unitId: string, units: readonly UnitNode[], level: number): string {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const path = pathOf(unitId, parentOf);
  return path[Math.max(1, level) - 1] ?? path[path.length - 1] ?? unitId;
}

/** The units whose employees belong to the organisation `organisationId` at `level` (itself and the units under it). */
export function unitsOfOrganisation(organisationId: string, units: readonly UnitNode[], level: number): string[] {
  return units.filter((unit) => organisationOf(unit.id, units, level) === organisationId).map((unit) => unit.id);
}

/** The organisations at `level`: the units that are their own organisation. */
export function organisationsAt(units: readonly UnitNode[], level: number): string[] {
  return units.filter((unit) => organisationOf(unit.id, units, level) === unit.id).map((unit) => unit.id);
}

/** A unit with its leader, for `membershipOf`. */
export interface LedUnit extends UnitNode {
  readonly leaderId: string | null;
}

/**
 * Who is in an organisation's distribution: the people of its units, except its own leader (rated one
 * level up, so in the organisation above), plus the leaders of the organisations just below.
 */
export function membershipOf(organisationId: string, units: readonly LedUnit[], level: number): { unitIds: string[]; leaderId: string | null; alsoIds: string[] } {
  const isOrganisation = (id: string) => organisationOf(id, units, level) === id;
  const alsoIds = units
    .filter((u) => u.id !== organisationId && u.leaderId && u.parentId && isOrganisation(u.id) && organisationOf(u.parentId, units, level) === organisationId)
    .map((u) => u.leaderId ?? '');
  return { unitIds: unitsOfOrganisation(organisationId, units, level), leaderId: units.find((u) => u.id === organisationId)?.leaderId ?? null, alsoIds };
}
