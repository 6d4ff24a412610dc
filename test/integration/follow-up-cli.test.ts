/**
 * `follow-up list | decide` and `pak record | list` against PostgreSQL: HR records the authorised
 * official's decision on a rater's proposal with the document, and the Penetapan Angka Kredit of an
 * annual evaluation; bad input says what is wrong and changes nothing; the people concerned are told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { decideAndCommit } from '../../src/services/commit.js';
import { loadMember } from '../../src/services/people.js';
import { servicesFor } from '../../src/services/registry.js';
import { runCliOn } from '../support/cli.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();

const cli = (args: string[]) => runCliOn(db.url, args);

let evaluationId = '';
let followUpId = '';
const ANDI_NIP = '199003222015031002';

beforeAll(async () => {
  await seedDemoIfEmpty(db.prisma, 2026);
  const [andi, sri] = [await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } }), await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } })];
  const at = new Date('2026-11-20T03:00:00Z');
  ({ id: evaluationId } = await db.prisma.evaluation.create({
    data: { employeeId: andi.id, raterId: sri.id, kind: 'ANNUAL', year: 2026, periodKey: '2026', resultsRating: 'DI_ATAS', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'ACKNOWLEDGED', finalizedAt: at, deliveredAt: at },
  }));
  const rater = (await loadMember(db.prisma, sri.id))!;
  const { value } = await decideAndCommit(db.prisma, at, (work) =>
    servicesFor(db.prisma, work).followUps.recommend(rater, { employeeId: andi.id, evaluationId, kind: 'PENGHARGAAN', recommendation: 'Satyalancana Karya Satya' }),
  );
  if (!value.ok) throw new Error(JSON.stringify(value.refusal));
  followUpId = value.value.followUp.id;
});

describe('follow-up', () => {
  it('lists the waiting proposals and records the official’s decision with the document, once', async () => {
    expect((await cli(['follow-up', 'list'])).out).toMatch(new RegExp(`${followUpId}  ${ANDI_NIP}  Andi Pratama  Penghargaan  Tahun 2026: Satyalancana Karya Satya`));
    const missing = await cli(['follow-up', 'decide', '--id', followUpId, '--outcome', 'disetujui', '--number', '800/1/2026', '--on', '2026-11-30']);
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/^Pakai: follow-up decide/) });
    const badOutcome = await cli(['follow-up', 'decide', '--id', followUpId, '--outcome', 'ditunda', '--name', 'Kepala Dinas', '--number', '800/1/2026', '--on', '2026-11-30']);
    expect(badOutcome.err).toMatch(/disetujui atau ditolak/);
    expect(await db.prisma.evaluationFollowUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ decidedAt: null });

    const decided = await cli(['follow-up', 'decide', '--id', followUpId, '--outcome', 'disetujui', '--name', 'Ir. Bambang Wicaksono M.T., Kepala Dinas', '--number', '800/1/2026', '--on', '2026-11-30', '--tim', 'BA-TPK/3/2026']);
    expect(decided).toMatchObject({ code: 0, out: 'Keputusan atas usulan Penghargaan untuk Andi Pratama tercatat: Disetujui. Pejabat Penilai Kinerja dan pegawai diberi tahu.' });
    const row = await db.prisma.evaluationFollowUp.findUniqueOrThrow({ where: { id: followUpId } });
    expect(row).toMatchObject({ outcome: 'DISETUJUI', officialName: 'Ir. Bambang Wicaksono M.T., Kepala Dinas', documentNumber: '800/1/2026', considerationRef: 'BA-TPK/3/2026', decidedById: null });
    expect(row.decidedOn?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'followUp.decided' } })).toMatchObject({ actorLabel: 'cli', entityId: followUpId });
    expect((await cli(['follow-up', 'decide', '--id', followUpId, '--outcome', 'ditolak', '--name', 'X', '--number', 'Y', '--on', '2026-11-30'])).err).toMatch(/sudah tercatat/);
    expect((await cli(['follow-up', 'list'])).out).toBe('Tidak ada usulan tindak lanjut yang menunggu keputusan.');
  });
});

describe('pak', () => {
  it('records the PAK of the annual evaluation with its conversion, once, and lists it', async () => {
    const recorded = await cli(['pak', 'record', '--nip', ANDI_NIP, '--year', '2026', '--number', 'PAK/17/2026', '--on', '2026-11-30']);
    expect(recorded).toMatchObject({ code: 0, out: 'PAK PAK/17/2026 untuk Andi Pratama tercatat: 25 angka kredit (konversi: 25). Pegawai diberi tahu.' });
    expect(await db.prisma.creditPointAssessment.findUniqueOrThrow({ where: { evaluationId } })).toMatchObject({ number: 'PAK/17/2026', creditPoints: 25, coefficient: 25, share: 1, months: 12, positionLevel: 'Ahli Muda', predikat: 'BAIK' });
    expect((await cli(['pak', 'record', '--nip', ANDI_NIP, '--year', '2026', '--number', 'PAK/18/2026', '--on', '2026-11-30'])).err).toMatch(/tidak punya evaluasi tahunan 2026/);
    expect((await cli(['pak', 'list', '--nip', ANDI_NIP])).out).toBe('Tahun 2026  PAK PAK/17/2026 (30 Nov 2026)  25 AK  12/12  Ahli Muda');
    expect(await db.prisma.auditLog.count({ where: { action: 'creditPoints.recorded' } })).toBe(1);
  });

  it('refuses a structural position and a bad figure, changing nothing', async () => {
    expect((await cli(['pak', 'record', '--nip', ANDI_NIP, '--number', 'X', '--on', '2026-11-30', '--points', 'banyak'])).err).toMatch(/points/);
    const sri = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Sri Wahyuni' } });
    const hendra = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Hendra Gunawan' } });
    await db.prisma.evaluation.create({ data: { employeeId: sri.id, raterId: hendra.id, kind: 'ANNUAL', year: 2026, periodKey: '2026', predikat: 'BAIK', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', status: 'FINAL' } });
    expect((await cli(['pak', 'record', '--nip', sri.nip, '--year', '2026', '--number', 'X', '--on', '2026-11-30'])).err).toMatch(/bukan jabatan fungsional/);
    expect(await db.prisma.creditPointAssessment.count()).toBe(1);
  });
});
