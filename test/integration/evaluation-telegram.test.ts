/** The evaluation cycle end to end on Telegram: the real telegraf bot against the fake Bot API. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { playEvaluationCycle, seedUnitOfFive, type Clock } from '../support/evaluation-scenario.js';
import { pdfText } from '../support/pdf.js';
import { evidenceLinksIn, xlsxCells } from '../support/xlsx.js';

const db = await useTestDatabase();
const clock: Clock = { now: new Date('2026-11-27T03:00:00Z') };
let bot: TelegramBot;
beforeAll(async () => {
  await seedUnitOfFive(db, 2026);
  bot = await startTelegramBot(db, { now: () => clock.now });
});
afterAll(() => bot.stop());

describe('evaluation cycle on Telegram', () => {
  it('evaluates a unit of five, explains and fixes a curve violation, and decides an objection', async () => {
    await playEvaluationCycle(bot.driver, db, clock);
  });

  it('sends each employee their Dokumen Evaluasi Kinerja Pegawai as a PDF document, and again with the keberatan decision', async () => {
    const documentsTo = (name: string) => bot.fake.messagesTo(bot.users.get(name)!.id).filter((m) => m.method === 'sendDocument' && m.document?.file_name?.startsWith('dokumen-evaluasi-'));
    const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Andi Pratama' } });
    await vi.waitFor(() => expect(documentsTo('Andi Pratama')).toHaveLength(1), { timeout: 10_000 });
    const [sent] = documentsTo('Andi Pratama');
    expect(sent!.document!.file_name).toBe(`dokumen-evaluasi-2026-Q4-${andi.nip}-andi-pratama.pdf`);
    const text = pdfText(sent!.upload!.content);
    expect(text).toMatch(/DOKUMEN EVALUASI KINERJA PEGAWAI/);
    expect(text).toMatch(/PEJABAT PENILAI KINERJA[\s\S]*Sri Wahyuni/);
    expect(text).toMatch(/CAPAIAN KINERJA ORGANISASI\s+Baik \(Seksi Pengembangan Aplikasi\)/);
    expect(text).toMatch(/PREDIKAT KINERJA PEGAWAI\s+Sangat Baik/);
    // Ratna objected: her second document carries the keberatan, the PPK's explanation and the decision.
    await vi.waitFor(() => expect(documentsTo('Ratna Sari Dewi')).toHaveLength(2), { timeout: 10_000 });
    const decided = pdfText(documentsTo('Ratna Sari Dewi')[1]!.upload!.content);
    expect(decided).toMatch(/dua modul tambahan di luar target/);
    expect(decided).toMatch(/dilaporkan setelah saya menilai/);
    expect(decided).toMatch(/Hasil evaluasi diubah\./);
    expect(decided).toMatch(/Atasan Pejabat Penilai Kinerja,[\s\S]*Hendra Gunawan/);
  });

  it('sends the leader who established the Bidang its Penetapan Predikat Kinerja as a PDF, with all twelve and his reason', async () => {
    const documents = () => bot.fake.messagesTo(bot.users.get('Hendra Gunawan')!.id).filter((m) => m.method === 'sendDocument' && m.document?.file_name?.startsWith('penetapan-predikat-kinerja-'));
    await vi.waitFor(() => expect(documents()).toHaveLength(1), { timeout: 10_000 });
    const [sent] = documents();
    expect(sent!.document!.file_name).toBe('penetapan-predikat-kinerja-2026-Q4-bidang-aplikasi-informatika.pdf');
    const text = pdfText(sent!.upload!.content);
    expect(text).toMatch(/PENETAPAN PREDIKAT KINERJA PEGAWAI/);
    expect(text).toMatch(/CAPAIAN KINERJA ORGANISASI\s+Baik/);
    expect(text).toMatch(/Baik paling banyak 70% dari 12 pegawai = 8 orang; diusulkan 9 orang/);
    expect(text).toMatch(/ALASAN PIMPINAN ATAS PENYIMPANGAN DARI KURVA DISTRIBUSI\s+Sembilan pegawai memenuhi seluruh target/);
    expect(text).toMatch(/Fitri Handayani[\s\S]*Sangat Baik/);
    expect(text).toMatch(/Pimpinan Bidang Aplikasi Informatika[\s\S]*Hendra Gunawan/);
  });

  it('keeps the evidence attached during the year in the bot’s store and links it from HR’s export, where the link opens it', async () => {
    // Mid-December, before the quarter's evaluation: Sri logs a realisasi and attaches the test report.
    clock.now = new Date('2026-12-15T03:00:00Z');
    await bot.driver.as('Sri Wahyuni');
    await bot.driver.say('/realisasi');
    await bot.driver.say('1');
    expect(await bot.driver.say('Modul perizinan selesai diuji.')).toMatch(/bukti dukung/i);
    const bytes = Buffer.from('%PDF-1.7 laporan uji modul perizinan\n'.repeat(300));
    const update = bot.fake.sendDocument(bot.users.get('Sri Wahyuni')!, { fileName: 'laporan-uji-perizinan.pdf', mimeType: 'application/pdf', content: bytes });
    await bot.settle(update.update_id);
    await vi.waitFor(async () => expect((await db.prisma.evidence.findFirstOrThrow({ where: { fileName: 'laporan-uji-perizinan.pdf' } })).storageStatus).toBe('STORED'), { timeout: 15_000 });
    // HR exports the section for the quarter in chat.
    const hr = await db.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await db.prisma.hrRole.create({ data: { employeeId: hr.id, agencyId: hr.agencyId } });
    await bot.driver.as('Dewi Anggraini');
    await bot.driver.say('/ekspor');
    await bot.driver.press('3'); // Seksi Pengembangan Aplikasi, third by name
    await bot.driver.press('Triwulan IV 2026');
    await bot.driver.press('1');
    const exported = bot.fake.messagesTo(bot.users.get('Dewi Anggraini')!.id).find((m) => m.method === 'sendDocument' && m.document?.file_name?.startsWith('ekspor-'));
    const link = evidenceLinksIn(await xlsxCells(exported!.upload!.content)).find((line) => line.includes('/lampiran/'));
    const opened = await fetch(link!);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
