/**
 * The annual evaluation and what follows it, on the console: the record holds the year's numbers
 * and the periodic results as input; the rater proposes, and – in this agency each seksi is an
 * organisation (distribution level 2) – the seksi's leader establishes a set that breaks the curve
 * only with her written reason, kept with every evaluation; a final evaluation cannot be redone; the
 * unit-leader rule; a follow-up proposal shows the credit-point conversion, HR records the authorised
 * official's decision with its document and the employee sees its status under /hasil; a
 * Kurang/Misconduct result points to the disciplinary route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAndCommit } from '../../src/services/commit.js';
import { welcome } from '../../src/bot/router.js';
import { plainText } from '../../src/conversation/reply.js';
import { useTestDatabase } from '../support/database.js';
import { consoleDriver, type ChatDriver } from '../support/drivers.js';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';
import { FIFTH, seedUnitOfFive } from '../support/evaluation-scenario.js';

const db = await useTestDatabase();
// Monday 4 January 2027: 2026 is over, its annual evaluation open until 30 January.
const NOW = new Date('2027-01-04T03:00:00Z');
let session: ConsoleSession;
let bot: ChatDriver;
const TEAM = ['Andi Pratama', 'Ratna Sari Dewi', 'Yohanes Kristianto', 'Ni Luh Putu Ayu', FIFTH.name];

beforeAll(async () => {
  await seedUnitOfFive(db, 2026, { console: true });
  const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
  const [sri, hendra, andi] = [await person('Sri Wahyuni'), await person('Hendra Gunawan'), await person('Andi Pratama')];
  const section = await db.prisma.unit.findFirstOrThrow({ where: { leaderId: sri.id } });
  await db.prisma.unitPredikat.create({ data: { unitId: section.id, periodKey: '2026', predikat: 'BAIK', setById: hendra.id } });
  // This agency distributes predikat per seksi (Agency.distributionLevel 2): Sri leads the organisation of her five.
  await db.prisma.agency.updateMany({ data: { distributionLevel: 2 } });
  // Andi's Q4 periodic result, the input the annual evaluation shows.
  await db.prisma.evaluation.create({
    data: { employeeId: andi.id, raterId: sri.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q4', resultsRating: 'DI_ATAS', behaviourRating: 'DI_ATAS', predikat: 'SANGAT_BAIK', status: 'ACKNOWLEDGED', finalizedAt: NOW, deliveredAt: NOW },
  });
  // Sri's own record: progress with a piece of evidence on her first RHK, an answered check-in, feedback from Hendra.
  const plan = await db.prisma.plan.findFirstOrThrow({ where: { employeeId: sri.id }, include: { resultExpectations: { orderBy: { position: 'asc' }, include: { indicators: true } } } });
  const rhk = plan.resultExpectations[0]!;
  await db.prisma.progressEntry.create({
    data: { employeeId: sri.id, rhkId: rhk.id, indicatorId: rhk.indicators[0]!.id, text: 'Aplikasi perizinan dan aplikasi pengaduan selesai', value: 2, occurredOn: new Date('2026-11-20T00:00:00Z'), evidence: { create: { kind: 'LINK', url: 'https://drive.contoh.go.id/ba-serah-terima.pdf' } } },
  });
  await db.prisma.checkinPrompt.create({ data: { employeeId: sri.id, weekKey: '2026-W47', status: 'ANSWERED', createdAt: new Date('2026-11-20T07:00:00Z'), answeredAt: new Date('2026-11-20T08:00:00Z') } });
  await db.prisma.feedback.create({ data: { recipientId: sri.id, giverId: hendra.id, kind: 'APRESIASI', text: 'Serah terima aplikasi tepat waktu.', createdAt: new Date('2026-11-21T02:00:00Z') } });
  session = await startConsoleBot(db.url, { now: () => NOW });
  bot = consoleDriver(session, db);
});
afterAll(() => session.stop());

describe('annual evaluation', () => {
  it('shows the periodic results as input, and finalises a set that breaks the curve only with a written reason', async () => {
    await bot.as('Sri Wahyuni');
    await bot.say('/evaluasi Andi Pratama');
    const record = await bot.press('Tahun 2026');
    expect(record).toMatch(/Catatan kinerja Andi Pratama – Tahun 2026 \(1 Jan 2026 s\.d\. 31 Des 2026\)/);
    expect(record).toMatch(/Hasil evaluasi periodik tahun ini \(masukan, tanpa rumus\):[\s\S]*Triwulan IV 2026: Sangat Baik/);
    await bot.say('/batal');
    for (const name of TEAM) {
      await bot.say(`/evaluasi ${name}`);
      await bot.press('Tahun 2026');
      await bot.press('Sesuai Ekspektasi');
      await bot.press('Sesuai Ekspektasi');
      await bot.say('-');
      await bot.say('-');
    }
    // Ni Luh reads the bot in English: her result comes in English.
    await db.prisma.employee.updateMany({ where: { name: 'Ni Luh Putu Ayu' }, data: { locale: 'en' } });
    // Bayu has not linked a chat account, and Ratna's account cannot be reached: their results wait.
    await db.prisma.chatIdentity.deleteMany({ where: { employee: { name: FIFTH.name } } });
    await db.prisma.chatIdentity.updateMany({ where: { employee: { name: 'Ratna Sari Dewi' } }, data: { reachable: false } });
    // Her team alone is only a preview: she proposes without a reason.
    expect(await bot.press('Ajukan')).toMatch(/Baik paling banyak 70% dari 5 pegawai = 3 orang; diusulkan 5 orang \(100%\)[\s\S]*Ini gambaran tim Anda saja[\s\S]*Ajukan 5 evaluasi Tahun 2026 kepada Sri Wahyuni, pimpinan Seksi Pengembangan Aplikasi untuk ditetapkan\?/);
    expect(await bot.press('Ya')).toMatch(/5 usulan evaluasi Tahun 2026 diajukan kepada Sri Wahyuni, pimpinan Seksi Pengembangan Aplikasi/);
    expect(await db.prisma.evaluation.count({ where: { periodKey: '2026', status: 'PROPOSED' } })).toBe(5);
    // As the seksi's leader she establishes the distribution; breaking the curve needs her reason as leader.
    const view = await bot.say('/tetapkanpredikat');
    expect(view).toMatch(/Penetapan Seksi Pengembangan Aplikasi untuk periode apa\?/);
    const distribution = await bot.press('Tahun 2026');
    expect(distribution).toMatch(/Penetapan Predikat Kinerja Seksi Pengembangan Aplikasi – Tahun 2026[\s\S]*Capaian Kinerja Organisasi: Baik\.[\s\S]*Distribusi usulan 5 pegawai: Sangat Baik 0 · Baik 5/);
    expect(distribution).toMatch(/Baik paling banyak 70% dari 5 pegawai = 3 orang; diusulkan 5 orang \(100%\)/);
    expect(distribution).not.toMatch(/hanya saran/);
    expect(await bot.press('Tetapkan')).toMatch(/tuliskan alasan Anda sebagai pimpinan/);
    expect(await bot.say('Seluruh seksi mencapai target tahunan; kinerja merata dan terdokumentasi.')).toMatch(/Tetapkan 5 hasil evaluasi Tahun 2026 untuk Seksi Pengembangan Aplikasi\?/);
    expect(await bot.press('Ya')).toMatch(/Predikat Kinerja Seksi Pengembangan Aplikasi untuk Tahun 2026 ditetapkan: 5 hasil evaluasi final[\s\S]*Belum terhubung atau tidak dapat dihubungi lewat chat: (Bayu Saputra, Ratna Sari Dewi|Ratna Sari Dewi, Bayu Saputra)\. Hasilnya dikirim begitu mereka menghubungi bot/);
    const annual = await db.prisma.evaluation.findMany({ where: { periodKey: '2026', kind: 'ANNUAL' } });
    expect(annual).toHaveLength(5);
    expect(annual.every((e) => e.status === 'FINAL' && e.curveDeviationReason === 'Seluruh seksi mencapai target tahunan; kinerja merata dan terdokumentasi.')).toBe(true);
    expect(await bot.inbox('Ni Luh Putu Ayu')).toMatch(
      /Your performance evaluation for Year 2026 from Sri Wahyuni\. You may accept it, or file an objection \(keberatan\) with Hendra Gunawan \(your rater’s superior\) by 18 Jan 2027[\s\S]*Results rating: Meets Expectations[\s\S]*Predikat: Good \(Baik\)/,
    );
    const bayu = await db.prisma.evaluation.findFirstOrThrow({ where: { periodKey: '2026', employee: { name: FIFTH.name } } });
    expect(bayu.deliveredAt).toBeNull();
    expect(annual.filter((e) => e.deliveredAt?.getTime() === NOW.getTime())).toHaveLength(3);
    // Ratna's account works again and she writes to the bot: the result reaches her private chat.
    await db.prisma.chatIdentity.updateMany({ where: { employee: { name: 'Ratna Sari Dewi' } }, data: { reachable: true } });
    await bot.as('Ratna Sari Dewi');
    await bot.say('/saya');
    expect(await bot.inbox('Ratna Sari Dewi')).toMatch(/Hasil evaluasi kinerja Tahun 2026 dari Sri Wahyuni/);
    expect((await db.prisma.evaluation.findFirstOrThrow({ where: { periodKey: '2026', employee: { name: 'Ratna Sari Dewi' } } })).deliveredAt).toEqual(NOW);
    // When he links (a week later), the welcome carries the result and his 14 days start then.
    const linkedAt = new Date('2027-01-11T03:00:00Z');
    const greeting = (await decideAndCommit(db.prisma, linkedAt, (work) => welcome(db.prisma, work, bayu.employeeId, linkedAt))).value.map(plainText).join('\n');
    expect(greeting).toMatch(/Hasil evaluasi kinerja Tahun 2026 dari Sri Wahyuni[\s\S]*paling lambat 25 Jan 2027[\s\S]*Predikat: Baik/);
    expect((await db.prisma.evaluation.findUniqueOrThrow({ where: { id: bayu.id } })).deliveredAt).toEqual(linkedAt);

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'penetapan.established' } });
    expect(audit.details).toMatchObject({ periodKey: '2026', count: 5, unitPredikat: 'BAIK', as: 'LEADER', violations: ['baik.baik.max', 'baik.butuh-perbaikan-or-kurang.min'] });
    expect(await db.prisma.predikatPenetapan.findFirstOrThrow()).toMatchObject({ periodKey: '2026', unitPredikat: 'BAIK', deviationReason: 'Seluruh seksi mencapai target tahunan; kinerja merata dan terdokumentasi.' });
  });

  it('does not redo a final evaluation', async () => {
    await bot.as('Sri Wahyuni');
    await bot.say('/evaluasi Andi Pratama');
    expect(await bot.press('Tahun 2026')).toMatch(/Evaluasi Andi Pratama untuk Tahun 2026 sudah diajukan atau ditetapkan dan tidak dapat diubah lagi/);
    await bot.say('/batal');
  });

  it('fixes a unit leader’s results rating by the unit’s predikat and shows the year’s numbers', async () => {
    await bot.as('Hendra Gunawan');
    await bot.say('/evaluasi Sri Wahyuni');
    const record = await bot.press('Tahun 2026');
    expect(record).toMatch(/RHK 1 \[Utama\] Terselesaikannya pengembangan aplikasi layanan sesuai rencana[\s\S]*1 realisasi, 1 bukti dukung[\s\S]*target 6 aplikasi; terakhir dilaporkan 2 aplikasi/);
    expect(record).toMatch(/Check-in mingguan: 1 dijawab, 0 terlewat/);
    expect(record).toMatch(/Umpan balik: 1 apresiasi, 0 saran perbaikan/);
    // The record holds what the Permen evaluates: the realisasi and the feedback themselves, not only counts.
    expect(record).toMatch(/realisasi 20 Nov 2026: Aplikasi perizinan dan aplikasi pengaduan selesai \(1 bukti dukung\)/);
    expect(record).toMatch(/Apresiasi dari Hendra Gunawan, 21 Nov 2026: Serah terima aplikasi tepat waktu\./);
    expect(record).toMatch(/Predikat Kinerja unit \(Baik\) menjadi Rating Hasil Kerjanya: Sesuai Ekspektasi[\s\S]*Rating perilaku kerja\?/);
    await bot.press('Di Atas Ekspektasi');
    await bot.say('-');
    expect(await bot.say('-')).toMatch(/Rating hasil kerja: Sesuai Ekspektasi\. Rating perilaku kerja: Di Atas Ekspektasi\. Predikat: Baik/);
    expect(await db.prisma.evaluation.findFirstOrThrow({ where: { employee: { name: 'Sri Wahyuni' } } })).toMatchObject({ resultsRating: 'SESUAI', predikat: 'BAIK', status: 'DRAFT' });
  });
});

describe('a keberatan while the superior is away', () => {
  it('is decided by whoever acts for the superior (Plt), never by the rater', async () => {
    await bot.as('Andi Pratama');
    expect(await bot.say('/hasil')).toMatch(/Tahun 2026 – dinilai Sri Wahyuni – menunggu tanggapan Anda[\s\S]*Terima, atau ajukan keberatan paling lambat 18 Jan 2027/);
    await bot.press('Ajukan keberatan');
    await bot.say('Target tahunan saya terlampaui dua modul.');
    expect(await bot.press('Ya')).toMatch(/diteruskan kepada Hendra Gunawan/);
    // Hendra is on leave; Bambang is his Plt this week.
    const [hendra, bambang] = [await db.prisma.employee.findFirstOrThrow({ where: { name: 'Hendra Gunawan' } }), await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } })];
    await db.prisma.actingAssignment.create({ data: { employeeId: bambang.id, actingForId: hendra.id, kind: 'PLT', startsOn: new Date('2026-12-21T00:00:00Z'), endsOn: new Date('2027-01-08T00:00:00Z') } });
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/keberatan')).toMatch(/Tidak ada keberatan yang menunggu keputusan Anda/);
    // Even acting for the superior, the employee is never offered their own keberatan.
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    await db.prisma.actingAssignment.create({ data: { employeeId: andi.id, actingForId: hendra.id, kind: 'PLH', startsOn: new Date('2027-01-04T00:00:00Z'), endsOn: new Date('2027-01-04T00:00:00Z') } });
    await bot.as('Andi Pratama');
    expect(await bot.say('/keberatan')).toMatch(/Tidak ada keberatan yang menunggu keputusan Anda/);
    await bot.as('Bambang Sutrisno');
    expect(await bot.say('/keberatan')).toMatch(/Andi Pratama mengajukan keberatan atas evaluasi Tahun 2026 oleh Sri Wahyuni[\s\S]*Target tahunan saya terlampaui/);
    // Not before the PPK has explained (PP 30/2019 Pasal 59 ayat 3–4): the way to ask comes with the refusal.
    expect(await bot.press('Putuskan')).toMatch(/Keputusan menunggu penjelasan Sri Wahyuni \(Pejabat Penilai Kinerja\): PP 30\/2019 Pasal 59/);
    expect(await bot.press('Minta penjelasan penilai')).toMatch(/Permintaan penjelasan dikirim kepada Sri Wahyuni/);
    await bot.as('Sri Wahyuni');
    await bot.press('Beri penjelasan');
    expect(await bot.say('Dua modul itu belum dilaporkan sebagai realisasi.')).toMatch(/diteruskan kepada/);
    // The explanation goes to Hendra, whom the keberatan was sent to; his Plt finds it with /keberatan.
    await bot.as('Bambang Sutrisno');
    expect(await bot.say('/keberatan')).toMatch(/Andi Pratama mengajukan keberatan atas evaluasi Tahun 2026/);
    expect(await bot.press('Putuskan')).toMatch(/Penjelasan dari Sri Wahyuni[\s\S]*Keputusan Anda\?/);
    await bot.press('Pertahankan hasil');
    expect(await bot.say('Bukti dua modul tambahan belum ada.')).toMatch(/Keputusan tersimpan/);
    expect(await db.prisma.objection.findFirstOrThrow({ where: { evaluation: { employee: { name: 'Andi Pratama' }, periodKey: '2026' } } })).toMatchObject({ status: 'DECIDED', decision: 'UPHELD', deciderId: bambang.id });
    expect(await bot.inbox('Andi Pratama')).toMatch(/oleh Bambang Sutrisno: hasil evaluasi dipertahankan\. Keputusan ini final/);
  });
});

describe('/tindaklanjut', () => {
  it('records a proposal with the credit-point conversion; HR records the official’s decision with its document; the employee sees the status', async () => {
    const dewi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/tindaklanjut Andi Pratama')).toMatch(/Evaluasi Andi Pratama yang mana\?[\s\S]*Triwulan IV 2026: Sangat Baik[\s\S]*Tahun 2026: Baik/);
    const kind = await bot.say('Tahun 2026: Baik');
    expect(kind).toMatch(/Predikat Andi Pratama: Baik\. Jenis tindak lanjut yang Anda usulkan\? Anda mengusulkan; keputusan ada pada Pejabat Pembina Kepegawaian atau pejabat yang berwenang atas pertimbangan Tim Penilai Kinerja PNS/);
    expect(kind).toMatch(/Konversi angka kredit \(jabatan fungsional Ahli Muda\): 100% dari koefisien tahunan 25 = 25\./);
    expect(kind).not.toMatch(/Sanksi|jalur disiplin/);
    await bot.say('2');
    expect(await bot.say('Pelatihan pengujian otomatis (30 JP) pada semester I 2027.')).toMatch(/Usulan Pengembangan kompetensi untuk Andi Pratama tercatat\. Keputusannya diambil oleh Pejabat Pembina Kepegawaian/);
    // Not the rater's superior: Hendra gets nothing to decide.
    expect(await bot.inbox('Hendra Gunawan')).not.toMatch(/mengusulkan/);

    await bot.as('Dewi Anggraini');
    expect(await bot.inbox('Dewi Anggraini')).toMatch(/Sri Wahyuni mengusulkan Pengembangan kompetensi untuk Andi Pratama \(evaluasi Tahun 2026\)[\s\S]*Pelatihan pengujian otomatis/);
    expect(await bot.press('Catat keputusan')).toMatch(/Keputusan pejabat yang berwenang\?/);
    expect(await bot.press('Disetujui')).toMatch(/Pejabat yang memutuskan/);
    expect(await bot.say('Ir. Bambang Wicaksono M.T., Kepala Dinas')).toMatch(/Tim Penilai Kinerja PNS/);
    expect(await bot.say('BA-TPK/02/2027')).toMatch(/Nomor dokumen keputusan\?/);
    expect(await bot.say('800/12/Diskominfo/2027')).toMatch(/Tanggal dokumen keputusan\?/);
    expect(await bot.say('05-01-2027')).toMatch(/Tanggal itu belum lewat/);
    expect(await bot.say('04-01-2027')).toMatch(/Catatan/);
    expect(await bot.say('Diklat Maret 2027.')).toMatch(/Keputusan tindak lanjut tercatat/);
    expect(await db.prisma.evaluationFollowUp.findFirstOrThrow()).toMatchObject({
      kind: 'PENGEMBANGAN',
      outcome: 'DISETUJUI',
      officialName: 'Ir. Bambang Wicaksono M.T., Kepala Dinas',
      considerationRef: 'BA-TPK/02/2027',
      documentNumber: '800/12/Diskominfo/2027',
      decision: 'Diklat Maret 2027.',
      decidedById: dewi.id,
      decidedAt: NOW,
    });
    expect(await bot.inbox('Andi Pratama')).toMatch(/Keputusan atas usulan Pengembangan kompetensi untuk Andi Pratama: Disetujui, oleh Ir\. Bambang Wicaksono M\.T\., Kepala Dinas \(dokumen 800\/12\/Diskominfo\/2027, 4 Jan 2027\)/);

    // HR records the Penetapan Angka Kredit of Andi's annual result from the document.
    expect(await bot.say('/catatpak Andi Pratama')).toMatch(/PAK Andi Pratama untuk evaluasi yang mana\?[\s\S]*Tahun 2026: konversi 25 AK/);
    expect(await bot.say('1')).toMatch(/Nomor PAK\?/);
    expect(await bot.say('PAK/800/3/2027')).toMatch(/Tanggal PAK\?/);
    expect(await bot.say('04-01-2027')).toMatch(/bila berbeda dari konversi/);
    expect(await bot.say('dua puluh')).toMatch(/Tulis angka, mis\. 12,5/);
    expect(await bot.press('Lewati')).toMatch(/PAK PAK\/800\/3\/2027 untuk Andi Pratama tercatat: 25 angka kredit/);
    expect(await db.prisma.creditPointAssessment.findFirstOrThrow()).toMatchObject({ number: 'PAK/800/3/2027', creditPoints: 25, months: 12, recordedById: dewi.id });
    expect(await bot.say('/catatpak Andi Pratama')).toMatch(/tidak punya evaluasi tahunan jabatan fungsional yang menunggu/);
    // Only HR records it.
    await bot.as('Sri Wahyuni');
    expect(await bot.say('/catatpak Andi Pratama')).toMatch(/Tidak bisa: Hanya Pengelola Kinerja yang dapat melakukan ini/);

    await bot.as('Andi Pratama');
    const results = await bot.say('/hasil');
    expect(results).toMatch(/Usulan Pengembangan kompetensi: Disetujui oleh Ir\. Bambang Wicaksono M\.T\., Kepala Dinas \(dokumen 800\/12\/Diskominfo\/2027, 4 Jan 2027\)/);
    expect(results).toMatch(/Penetapan Angka Kredit PAK\/800\/3\/2027 \(4 Jan 2027\): 25 angka kredit, 12\/12 tahun, jabatan fungsional Ahli Muda/);

    // The rater sees what was proposed on the evaluation already, with its status.
    await bot.as('Sri Wahyuni');
    await bot.say('/tindaklanjut Andi Pratama');
    expect(await bot.say('Tahun 2026: Baik')).toMatch(/Usulan Pengembangan kompetensi: Disetujui oleh Ir\. Bambang Wicaksono M\.T\., Kepala Dinas/);
    await bot.say('/batal');

    // A quarter's result shows no credit points: they follow the annual result.
    await bot.say('/tindaklanjut Andi Pratama');
    expect(await bot.say('Triwulan IV 2026: Sangat Baik')).not.toMatch(/Konversi angka kredit/);
    await bot.say('/batal');

    // A PPPK employee sees the contract-extension basis instead.
    await bot.say('/tindaklanjut Yohanes Kristianto');
    expect(await bot.say('Tahun 2026: Baik')).toMatch(/PPPK: perpanjangan perjanjian kerja didasarkan pada capaian kinerja, kesesuaian kompetensi dan kebutuhan instansi[\s\S]*PP 49\/2018 Pasal 37\); tidak ada batas predikat minimal/);
    await bot.say('/batal');
  });

  it('points a Kurang/Misconduct result to the disciplinary route, with no sanksi to choose', async () => {
    const [fitri, bambang] = [await db.prisma.employee.findFirstOrThrow({ where: { name: 'Fitri Handayani' } }), await db.prisma.employee.findFirstOrThrow({ where: { name: 'Bambang Sutrisno' } })];
    await db.prisma.evaluation.create({
      data: { employeeId: fitri.id, raterId: bambang.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q3', resultsRating: 'SESUAI', behaviourRating: 'DI_BAWAH', predikat: 'KURANG', status: 'FINAL', finalizedAt: NOW, deliveredAt: NOW },
    });
    await bot.as('Bambang Sutrisno');
    await bot.say('/tindaklanjut Fitri Handayani');
    const kind = await bot.say('1');
    expect(kind).toMatch(/berarti perilaku kerja di bawah ekspektasi\. Dugaan pelanggaran disiplin tidak ditindaklanjuti dengan "sanksi" di sini, tetapi melalui jalur disiplin PNS \(PP 94\/2021\): atasan langsung memanggil pegawai secara tertulis untuk pemeriksaan \(Pasal 26\)/);
    expect(kind).toMatch(/Penghargaan[\s\S]*Pengembangan kompetensi[\s\S]*Penempatan \(mutasi\/promosi\/demosi\)/);
    expect(kind).not.toMatch(/Sanksi/);
    await bot.say('/batal');
  });
});
