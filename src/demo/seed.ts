/**
 * The demo organisation loaded on the first console run: a head of division, two section heads
 * and eight staff with realistic names and fake NIPs. The head's and one section head's plans
 * are already agreed, so /ekspektasi works at once; the other section head still needs a plan.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';

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
  return prisma.$transaction(async (tx) => {
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

    const agreed = async (employeeId: string, title: string, rhks: { text: string; indicator: string; value: number; unit: string; leader?: string }[]) => {
      const plan = await tx.plan.create({
        data: { employeeId, year, status: 'AGREED', positionTitle: title, proposedAt: new Date(), agreedAt: new Date() },
      });
      const ids: string[] = [];
      for (const [position, rhk] of rhks.entries()) {
        const created = await tx.resultExpectation.create({
          data: {
            planId: plan.id,
            lineageId: randomUUID(),
            kind: 'UTAMA',
            text: rhk.text,
            position,
            leaderRhkId: rhk.leader ?? null,
            indicators: { create: [{ aspect: 'KUANTITAS', text: rhk.indicator, targetValue: rhk.value, targetUnit: rhk.unit }] },
          },
        });
        ids.push(created.id);
      }
      return ids;
    };
    const headRhks = await agreed(head.id, HEAD.position, [
      { text: 'Meningkatnya layanan aplikasi daring yang andal bagi perangkat daerah', indicator: 'Persentase aplikasi dengan ketersediaan minimal 99%', value: 90, unit: '%' },
      { text: 'Terwujudnya tata kelola data yang terpadu (Satu Data)', indicator: 'Jumlah perangkat daerah yang datanya terintegrasi', value: 30, unit: 'perangkat daerah' },
    ]);
    await agreed(a.id, SUPERVISOR_A.position, [
      { text: 'Terselesaikannya pengembangan aplikasi layanan sesuai rencana', indicator: 'Jumlah aplikasi yang selesai dikembangkan', value: 6, unit: 'aplikasi', leader: headRhks[0] },
      { text: 'Terpantaunya ketersediaan aplikasi layanan', indicator: 'Jumlah laporan pemantauan ketersediaan', value: 12, unit: 'laporan', leader: headRhks[0] },
    ]);
    return { seeded: true, startAs: a.id };
  });
}
