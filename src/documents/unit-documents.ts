/**
 * A unit's documents for a period, for HR: every Dokumen Evaluasi Kinerja Pegawai of the period that
 * is established, every SKP of the period's year that is ditetapkan (the newest version of each SKP
 * period), for the people of the unit and its sub-units (or the whole agency), and the Penetapan
 * Predikat Kinerja of the organisations there, in one ZIP.
 */
import { ESTABLISHED_STATUSES } from '../services/penetapan-service.js';
import type { Period } from '../domain/periods.js';
import { unitSubtree } from '../linking/link-codes.js';
import type { Reader } from '../services/db.js';
import { renderEvaluationDocument } from './evaluation-document.js';
import { readEvaluationDocument, readSkpDocument } from './read.js';
import { renderSkpDocument } from './skp-document.js';
import { renderPenetapanDocument } from './penetapan-document.js';
import { readPenetapanDocument } from './read-penetapan.js';
import { zip, type ZipEntry } from './zip.js';

export const ZIP_MIME_TYPE = 'application/zip';

export interface UnitDocuments {
  bytes: Buffer;
  evaluations: number;
  skps: number;
  /** Penetapan Predikat Kinerja of organisations in scope. */
  penetapans: number;
  /** More documents than asked for at most: nothing was rendered (`bytes` is empty). */
  tooMany: boolean;
}

/** A name safe in any file system: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'pegawai'
  );
}

/** The file name of one person's Dokumen Evaluasi; `part` numbers a second SKP period of the same period. */
export function evaluationFileName(person: { nip: string; name: string }, periodKey: string, part = 0): string {
  return `dokumen-evaluasi-${periodKey}-${person.nip}-${fileSlug(person.name)}${part > 0 ? `-${part + 1}` : ''}.pdf`;
}

export function penetapanFileName(organisation: string, periodKey: string, part = 0): string {
  return `penetapan-predikat-kinerja-${periodKey}-${fileSlug(organisation)}${part > 0 ? `-${part + 1}` : ''}.pdf`;
}

export function skpFileName(person: { nip: string; name: string }, year: number, version: number): string {
  return `skp-${year}-${person.nip}-${fileSlug(person.name)}-v${version}.pdf`;
}

/** The ZIP of a unit's (or, with unitId null, the agency's) documents for `period`; none rendered when there are more than `maxDocuments`. */
export async function unitDocuments(db: Reader, scope: { agencyId: string; unitId: string | null; period: Period }, now: Date, maxDocuments = Infinity): Promise<UnitDocuments> {
  const { agencyId, unitId, period } = scope;
  const employee = unitId ? { agencyId, unitId: { in: await unitSubtree(db, agencyId, unitId) } } : { agencyId };
  const evaluations = await db.evaluation.findMany({
    where: { periodKey: period.key, status: { in: [...ESTABLISHED_STATUSES] }, employee },
    orderBy: [{ employee: { nip: 'asc' } }, { skpPart: 'asc' }],
    select: { id: true, employee: { select: { nip: true, name: true } } },
  });
  // The newest ditetapkan version of each SKP period (periodEnd null: the one in force).
  const plans = await db.plan.findMany({
    where: { year: period.year, status: 'AGREED', employee },
    orderBy: [{ employee: { nip: 'asc' } }, { version: 'desc' }],
    select: { id: true, version: true, periodEnd: true, employeeId: true, employee: { select: { nip: true, name: true } } },
  });
  const newest = new Map<string, (typeof plans)[number]>();
  for (const plan of plans) {
    const key = `${plan.employeeId}|${plan.periodEnd?.toISOString() ?? ''}`;
    if (!newest.has(key)) newest.set(key, plan);
  }
  const penetapans = await db.predikatPenetapan.findMany({
    where: { periodKey: period.key, unit: unitId ? { agencyId, id: { in: await unitSubtree(db, agencyId, unitId) } } : { agencyId } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, unit: { select: { name: true } } },
  });
  if (evaluations.length + newest.size + penetapans.length > maxDocuments) return { bytes: Buffer.alloc(0), evaluations: evaluations.length, skps: newest.size, penetapans: penetapans.length, tooMany: true };

  const entries: ZipEntry[] = [];
  const seen = new Map<string, number>();
  for (const evaluation of evaluations) {
    const data = await readEvaluationDocument(db, evaluation.id, now);
    if (!data) continue;
    const part = seen.get(evaluation.employee.nip) ?? 0;
    seen.set(evaluation.employee.nip, part + 1);
    entries.push({ name: evaluationFileName(evaluation.employee, period.key, part), bytes: await renderEvaluationDocument(data, now) });
  }
  let skps = 0;
  for (const plan of newest.values()) {
    const data = await readSkpDocument(db, plan.id);
    if (!data) continue;
    entries.push({ name: skpFileName(plan.employee, period.year, plan.version), bytes: await renderSkpDocument(data, now) });
    skps++;
  }
  // An organisation established twice (a late proposal) has two penetapan: numbered, oldest first.
  const penetapanParts = new Map<string, number>();
  for (const penetapan of penetapans) {
    const data = await readPenetapanDocument(db, penetapan.id);
    if (!data) continue;
    const part = penetapanParts.get(penetapan.unit.name) ?? 0;
    penetapanParts.set(penetapan.unit.name, part + 1);
    entries.push({ name: penetapanFileName(penetapan.unit.name, period.key, part), bytes: await renderPenetapanDocument(data, now) });
  }
  const penetapanCount = [...penetapanParts.values()].reduce((sum, n) => sum + n, 0);
  return { bytes: entries.length > 0 ? zip(entries, now) : Buffer.alloc(0), evaluations: entries.length - skps - penetapanCount, skps, penetapans: penetapanCount, tooMany: false };
}
