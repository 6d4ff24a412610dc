/**
 * The demo organisation loaded on the first console run: a head of division, two section heads
 * and eight staff with realistic names and fake NIPs. Its SKPs are established the real way, not
 * written into the tables: the head's comes in through the SKP import (as from e-Kinerja), with
 * the Kepala Dinas outside the bot as their PPK; one section head drafts theirs and the head
 * establishes it through the same service /susunskp and *Tetapkan* use. So /ekspektasi works at
 * once; the other section head still needs an SKP.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.js';
import { decideAndCommit } from '../services/commit.js';
import { loadMember } from '../services/people.js';
import { agreedPlan } from '../services/plans.js';
import { servicesFor } from '../services/registry.js';
import { runSkpImport } from '../skp-import/run.js';

export const DEMO_AGENCY = 'Pemerintah Provinsi Contoh (demo)';

interface Person {
  nip: string;
  name: string;
  position: string;
  type: 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
  level?: string;
  status?: 'PNS' | 'PPPK';
  unit: 'head' | 'a' | 'b';
  zone?: string;
  /** Pangkat/golongan ruang (PNS) or golongan (PPPK). */
  rank: string;
}

const HEAD: Person = { nip: '197604122000121003', name: 'Hendra Gunawan', position: 'Kepala Bidang Aplikasi Informatika', type: 'ADMINISTRATOR', unit: 'head', rank: 'Pembina, IV/a' };
const SUPERVISOR_A: Person = { nip: '198209172006042002', name: 'Sri Wahyuni', position: 'Kepala Seksi Pengembangan Aplikasi', type: 'PENGAWAS', unit: 'a', rank: 'Penata Tk. I, III/d' };
const SUPERVISOR_B: Person = { nip: '198105302008011005', name: 'Bambang Sutrisno', position: 'Kepala Seksi Tata Kelola Data', type: 'PENGAWAS', unit: 'b', rank: 'Penata Tk. I, III/d' };
const STAFF: Person[] = [
  { nip: '199003222015031002', name: 'Andi Pratama', position: 'Pranata Komputer Ahli Muda', type: 'FUNGSIONAL', level: 'Ahli Muda', unit: 'a', rank: 'Penata, III/c' },
  { nip: '199207152019032004', name: 'Ratna Sari Dewi', position: 'Pranata Komputer Ahli Pertama', type: 'FUNGSIONAL', level: 'Ahli Pertama', unit: 'a', rank: 'Penata Muda Tk. I, III/b' },
  { nip: '199511082022211006', name: 'Yohanes Kristianto', position: 'Pengembang Aplikasi', type: 'PELAKSANA', status: 'PPPK', unit: 'a', rank: 'VII' },
  { nip: '199806282023212003', name: 'Ni Luh Putu Ayu', position: 'Penguji Perangkat Lunak', type: 'PELAKSANA', status: 'PPPK', unit: 'a', zone: 'Asia/Makassar', rank: 'VII' },
  { nip: '198908302014022001', name: 'Fitri Handayani', position: 'Statistisi Ahli Muda', type: 'FUNGSIONAL', level: 'Ahli Muda', unit: 'b', rank: 'Penata, III/c' },
  { nip: '199301192017031007', name: 'Muhammad Rizal', position: 'Analis Data', type: 'PELAKSANA', unit: 'b', rank: 'Pengatur Tk. I, II/d' },
  { nip: '199604042020122005', name: 'Dewi Anggraini', position: 'Pengelola Basis Data', type: 'PELAKSANA', unit: 'b', rank: 'Pengatur, II/c' },
  { nip: '199710112023211002', name: 'Rudi Hartono', position: 'Pengadministrasi Data', type: 'PELAKSANA', status: 'PPPK', unit: 'b', rank: 'V' },
];

/** Creates the demo organisation when the database has no agency; returns the person to start as. */
export async function seedDemoIfEmpty(prisma: PrismaClient, year: number): Promise<{ seeded: boolean; startAs: string | undefined }> {
  if ((await prisma.agency.count()) > 0) {
    const first = await prisma.employee.findFirst({ where: { active: true, reports: { some: {} } }, orderBy: { name: 'asc' } });
    return { seeded: false, startAs: first?.id };
  }
  const created = await prisma.$transaction(async (tx) => {
    const agency = await tx.agency.create({ data: { name: DEMO_AGENCY } });
    const division = await tx.unit.create({ data: { agencyId: agency.id, name: 'Bidang Aplikasi Informatika' } });
    const sectionA = await tx.unit.create({ data: { agencyId: agency.id, name: 'Seksi Pengembangan Aplikasi', parentId: division.id } });
    const sectionB = await tx.unit.create({ data: { agencyId: agency.id, name: 'Seksi Tata Kelola Data', parentId: division.id } });
    const unitOf = { head: division.id, a: sectionA.id, b: sectionB.id };
    // Everyone in the demo can receive messages in the console from the start.
    const create = (person: Person, supervisorId: string | null) =>
      tx.employee.create({
        data: {
          agencyId: agency.id,
          unitId: unitOf[person.unit],
          nip: person.nip,
          name: person.name,
          position: person.position,
          positionType: person.type,
          positionLevel: person.level ?? null,
          employmentStatus: person.status ?? 'PNS',
          rank: person.rank,
          supervisorId,
          email: `${person.name.toLowerCase().replace(/[^a-z]+/g, '.')}@contoh.go.id`,
          timeZone: person.zone ?? 'Asia/Jakarta',
          chatIdentities: { create: { platform: 'CONSOLE', externalUserId: person.nip, dmChannelId: person.nip } },
        },
      });
    const head = await create(HEAD, null);
    const a = await create(SUPERVISOR_A, head.id);
    const b = await create(SUPERVISOR_B, head.id);
    for (const person of STAFF) await create(person, person.unit === 'a' ? a.id : b.id);
    await tx.unit.update({ where: { id: division.id }, data: { leaderId: head.id } });
    await tx.unit.update({ where: { id: sectionA.id }, data: { leaderId: a.id } });
    await tx.unit.update({ where: { id: sectionB.id }, data: { leaderId: b.id } });

    const kepalaDinas = await tx.externalOfficial.create({ data: { agencyId: agency.id, name: 'Ir. Bambang Wicaksono M.T.', title: 'Kepala Dinas Komunikasi dan Informatika' } });
    await tx.employee.update({ where: { id: head.id }, data: { externalPpkId: kepalaDinas.id, externalAtasanPpkId: kepalaDinas.id } });
    return { headId: head.id, sectionHeadId: a.id };
  });
  await establishDemoSkps(prisma, year, created);
  return { seeded: true, startAs: created.sectionHeadId };
}

/** The head's SKP through the SKP import; the section head's submitted and established through the SKP service. */
async function establishDemoSkps(prisma: PrismaClient, year: number, people: { headId: string; sectionHeadId: string }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dialog-kinerja-demo-'));
  try {
    const file = join(dir, 'skp-demo.csv');
    await writeFile(file, headSkpCsv(year));
    const imported = await runSkpImport(prisma, { file, agencyName: DEMO_AGENCY, dryRun: false, now: new Date() });
    if (imported.refusal || imported.rejected.length > 0) throw new Error(`demo SKP import refused: ${JSON.stringify(imported.refusal ?? imported.rejected)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const leaderRhk = (await agreedPlan(prisma, people.headId, year))?.resultExpectations[0]?.id ?? null;
  const sectionHead = await loadMember(prisma, people.sectionHeadId);
  const head = await loadMember(prisma, people.headId);
  if (!sectionHead || !head || !leaderRhk) throw new Error('demo organisation incomplete');
  const rhk = (text: string, indicator: string, value: number, unit: string) => ({
    kind: 'UTAMA' as const,
    text,
    leaderRhkId: leaderRhk,
    indicators: [{ aspect: 'KUANTITAS' as const, text: indicator, targetValue: value, targetUnit: unit, targetText: null }],
  });
  const { value: submitted } = await decideAndCommit(prisma, new Date(), (work) =>
    servicesFor(prisma, work).skp.submit(sectionHead, {
      year,
      rhks: [
        rhk('Terselesaikannya pengembangan aplikasi layanan sesuai rencana', 'Jumlah aplikasi yang selesai dikembangkan', 6, 'aplikasi'),
        rhk('Terpantaunya ketersediaan aplikasi layanan', 'Jumlah laporan pemantauan ketersediaan', 12, 'laporan'),
      ],
      behaviours: [],
      lampiran: { resourceSupport: 'Server pengembangan dan dua pranata komputer', accountability: 'Laporan bulanan kepada Kepala Bidang', consequences: 'Sesuai ketentuan tunjangan kinerja daerah' },
    }),
  );
  if (!submitted.ok) throw new Error(`demo SKP not submitted: ${JSON.stringify(submitted.refusal)}`);
  const { value: established } = await decideAndCommit(prisma, new Date(), (work) => servicesFor(prisma, work).skp.establish(head, submitted.value.content.id));
  if (!established.ok) throw new Error(`demo SKP not established: ${JSON.stringify(established.refusal)}`);
}

/** The head's SKP as e-Kinerja would export it (one row per indicator). */
function headSkpCsv(year: number): string {
  return [
    'nip,tahun,jenis_rhk,rhk,aspek,indikator,target,tanggal_penetapan,nomor_dokumen',
    `${HEAD.nip},${year},utama,Meningkatnya layanan aplikasi daring yang andal bagi perangkat daerah,kuantitas,Persentase aplikasi dengan ketersediaan minimal 99%,90%,${year}-01-05,800.1.3/007/Diskominfo/${year}`,
    `${HEAD.nip},${year},utama,Terwujudnya tata kelola data yang terpadu (Satu Data),kuantitas,Jumlah perangkat daerah yang datanya terintegrasi,30 perangkat daerah,${year}-01-05,`,
  ].join('\n');
}
