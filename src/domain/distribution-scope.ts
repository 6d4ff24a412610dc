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
import { unitPathsOf } from './access.js';

/** Default depth: the top units of the import (each OPD / unit kerja). */
export const DEFAULT_DISTRIBUTION_LEVEL = 1;

/** A unit as the tree needs it. */
export interface UnitNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** The organisation of a unit whose path from the top of the tree is `path`: its ancestor at `level` (itself when shallower). */
function organisationOnPath(path: readonly string[], unitId: string, level: number): string {
  return path[Math.max(1, level) - 1] ?? path[path.length - 1] ?? unitId;
}

/** The organisation a unit's employees are distributed with: its ancestor at `level` (itself when the unit is shallower). */
export function organisationOf(unitId: string, units: readonly UnitNode[], level: number): string {
  return organisationFinder(units, level)(unitId);
}

/** `organisationOf` for many units of one tree: the paths are read once. */
export function organisationFinder(units: readonly UnitNode[], level: number): (unitId: string) => string {
  const paths = unitPathsOf(units);
  return (unitId) => organisationOnPath(paths.get(unitId) ?? [], unitId, level);
}

/** The units whose employees belong to the organisation `organisationId` at `level` (itself and the units under it). */
export function unitsOfOrganisation(organisationId: string, units: readonly UnitNode[], level: number): string[] {
  // Every unit's path read once: an agency of a thousand units is a thousand lookups, not a million.
  const organisation = organisationFinder(units, level);
  return units.filter((unit) => organisation(unit.id) === organisationId).map((unit) => unit.id);
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
  const organisation = organisationFinder(units, level);
  const alsoIds = units
    .filter((u) => u.id !== organisationId && u.leaderId && u.parentId && organisation(u.id) === u.id && organisation(u.parentId) === organisationId)
    .map((u) => u.leaderId ?? '');
  return { unitIds: unitsOfOrganisation(organisationId, units, level), leaderId: units.find((u) => u.id === organisationId)?.leaderId ?? null, alsoIds };
}
