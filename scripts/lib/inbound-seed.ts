/**
 * The organisation of the inbound benchmark (scripts/bench-inbound.ts): `size` people in sections
 * of a dozen (a section head and eleven staff, so /tim has content), ten sections to a division,
 * imported through the real import service; everyone gets an agreed plan of two RHK with an
 * indicator for the current year (so /skp has content and /kendala and /realisasi offer RHK
 * buttons) and one piece of feedback from their supervisor, in set-based SQL; then one link code
 * each, issued by the real service.
 *
 * Nothing may message anyone on its own during the run, or "every update answered exactly once"
 * could not be checked: this week's check-in (and tomorrow's week, should the run cross a Sunday
 * midnight) is recorded as answered, so the bot's check-in catch-up finds nobody to prompt; plans
 * are agreed, so linking welcomes with one message and no pending plan.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../src/files/csv-write.js';
import { isoWeekKey, localDate } from '../../src/domain/time-zones.js';
import { issueLinkCodes } from '../../src/linking/link-codes.js';
import { runOrgImport } from '../../src/org-import/run.js';
import type { Database } from '../../src/storage/database.js';

const GIVEN = ['Agus', 'Budi', 'Dewi', 'Siti', 'Rina', 'Hendra', 'Yulia', 'Ahmad', 'Nur', 'Fajar', 'Wulan', 'Rizky', 'Dimas', 'Lina', 'Made', 'Ketut', 'Andi', 'Yohanes', 'Maria', 'Putu', 'Eko', 'Sri', 'Bambang', 'Indah', 'Teguh', 'Ratna', 'Joko', 'Ayu', 'Arif', 'Fitri'];
const FAMILY = ['Santoso', 'Rahmawati', 'Setiawan', 'Lestari', 'Marlina', 'Wijaya', 'Kartika', 'Fauzi', 'Aini', 'Nugroho', 'Sari', 'Pratama', 'Saputra', 'Wirawan', 'Ariani', 'Mappasomba', 'Tabuni', 'Kogoya', 'Hidayat', 'Susanto'];
const STAFF_PER_SECTION = 11;
const SECTIONS_PER_DIVISION = 10;
const TIME_ZONE = 'Asia/Jakarta';
const AGENCY = 'Dinas Uji Beban Masuk';

/** One person of the benchmark, linked later by their code. */
export interface SeededPerson {
  employeeId: string;
  name: string;
  code: string;
  /** Has direct reports (so /tim lists a team). */
  supervisor: boolean;
}

const two = (n: number) => String(n).padStart(2, '0');

/** CSV of the organisation in the import's columns; NIPs are unique by construction (index in the appointment year and sequence). */
export function inboundOrganisationCsv(size: number): string {
  const rows: string[][] = [];
  const add = (position: string, type: string, unit: string, parent: string, supervisorNip: string): string => {
    const i = rows.length;
    const nip = `${1970 + (i % 30)}${two(1 + (i % 12))}${two(1 + (i % 28))}${1990 + Math.floor(i / 1000)}${two(1 + (i % 12))}${1 + (i % 2)}${String(i % 1000).padStart(3, '0')}`;
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`;
    rows.push([nip, name, position, type, 'PNS', unit, parent, supervisorNip, `pegawai.${i}@contoh.go.id`, 'WIB', '']);
    return nip;
  };
  const root = AGENCY;
  const head = add('Kepala Dinas', 'JPT Pratama', root, '', '');
  for (let d = 1; rows.length < size; d++) {
    const division = `Bidang ${d}`;
    const divisionHead = add(`Kepala Bidang ${d}`, 'Administrator', division, root, head);
    for (let s = 1; s <= SECTIONS_PER_DIVISION && rows.length < size; s++) {
      const section = `Seksi ${s} Bidang ${d}`;
      const sectionHead = add(`Kepala Seksi ${s}`, 'Pengawas', section, division, divisionHead);
      for (let k = 0; k < STAFF_PER_SECTION && rows.length < size; k++) add('Pengadministrasi Umum', 'Pelaksana', section, division, sectionHead);
    }
  }
  const header = ['nip', 'nama', 'jabatan', 'jenis_jabatan', 'status', 'unit', 'unit_induk', 'nip_atasan', 'email', 'zona_waktu', 'telegram'];
  return toCsv(header, rows);
}

/** Imports and seeds the organisation into a migrated, empty database; returns everyone with their link code. */
export async function seedInboundOrganisation(db: Database, size: number, dir: string, now: Date): Promise<SeededPerson[]> {
  const file = join(dir, 'organisasi.csv');
  writeFileSync(file, inboundOrganisationCsv(size));
  const outcome = await runOrgImport(db.prisma, { file, agencyName: AGENCY, defaultTimeZone: TIME_ZONE, maxErrorRate: 0, force: false, dryRun: false, deactivateMissing: false });
  if (outcome.refusal || outcome.accepted !== size) throw new Error(`import failed: ${JSON.stringify(outcome.refusal ?? outcome.rejected.slice(0, 3))}`);

  const year = localDate(now, TIME_ZONE).year;
  await db.sql.query(
    `INSERT INTO "Plan" (id, "employeeId", "raterId", year, status, "positionTitle", "proposedAt", "agreedAt", "updatedAt")
     SELECT gen_random_uuid(), e.id, e."supervisorId", $1, 'AGREED', e.position, now(), now(), now() FROM "Employee" e`,
    [year],
  );
  await db.sql.exec(`
    INSERT INTO "ResultExpectation" (id, "planId", "lineageId", kind, text, position, "updatedAt")
      SELECT gen_random_uuid(), p.id, gen_random_uuid(), 'UTAMA',
             (ARRAY['Tersusunnya laporan kinerja triwulanan unit tepat waktu', 'Terlaksananya layanan administrasi perkantoran'])[n], n, now()
      FROM "Plan" p, generate_series(1, 2) n;
    INSERT INTO "Indicator" (id, "rhkId", aspect, text, "targetValue", "targetUnit", "updatedAt")
      SELECT gen_random_uuid(), r.id, 'KUANTITAS', 'Jumlah dokumen yang diselesaikan', 12, 'dokumen', now() FROM "ResultExpectation" r;
    INSERT INTO "Feedback" (id, "recipientId", "giverId", kind, text, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), e.id, e."supervisorId", 'APRESIASI', 'Laporannya rapi dan tepat waktu.', now() - interval '3 days', now()
      FROM "Employee" e WHERE e."supervisorId" IS NOT NULL;
  `);
  const weeks = [...new Set([isoWeekKey(now, TIME_ZONE), isoWeekKey(new Date(now.getTime() + 86_400_000), TIME_ZONE)])];
  await db.sql.query(
    `INSERT INTO "CheckinPrompt" (id, "employeeId", "weekKey", status, "promptedAt", "answeredAt", "updatedAt")
     SELECT gen_random_uuid(), e.id, w.key, 'ANSWERED', now(), now(), now() FROM "Employee" e, unnest($1::text[]) AS w(key)
     ON CONFLICT DO NOTHING`,
    [weeks],
  );
  await db.sql.exec('ANALYZE');

  const agency = await db.prisma.agency.findFirstOrThrow({ where: { name: AGENCY } });
  const issued = await issueLinkCodes(db.prisma, { agencyId: agency.id, ttlDays: 14, now });
  const supervisors = new Set(
    (await db.prisma.employee.findMany({ where: { supervisorId: { not: null } }, select: { supervisorId: true }, distinct: ['supervisorId'] })).map((e) => e.supervisorId),
  );
  return issued.codes.map((c) => ({ employeeId: c.employeeId, name: c.name, code: c.code, supervisor: supervisors.has(c.employeeId) }));
}
