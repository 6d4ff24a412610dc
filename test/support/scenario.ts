/**
 * A supervisor (Sri Wahyuni) and an employee (Andi Pratama) of the demo organisation play every
 * flow to the end – expectations, clarification, agreement, feedback and reply, a feedback
 * request, progress with evidence, an obstacle and its response – through any channel driver;
 * then the database must hold the results. Run on the console and on Telegram.
 */
import { expect } from 'vitest';
import type { TestDatabase } from './database.js';
import type { ChatDriver } from './drivers.js';

const SUPERVISOR = 'Sri Wahyuni';
const EMPLOYEE = 'Andi Pratama';

export async function playEveryFlow(bot: ChatDriver, db: TestDatabase): Promise<void> {
  // 1. Expectations, with a wrong answer, a /kembali and two RHK (the second with two indicators).
  await bot.as(SUPERVISOR);
  expect(await bot.say('/ekspektasi')).toMatch(/Untuk siapa ekspektasi ini\?/);
  expect(await bot.say(EMPLOYEE)).toMatch(/RHK ke-1 untuk Andi Pratama: utama atau tambahan\?/);
  expect(await bot.say('Utama')).toMatch(/Tulis rencana hasil kerjanya/);
  await bot.say('Tersedianya aplikasi perizinan daring yang teruji');
  await bot.say('Kuantitas');
  await bot.say('Jumlah modul aplikasi yang selesai diuji');
  expect(await bot.say('4 modul')).toMatch(/Tambah indikator lain untuk RHK ini\?/);
  expect(await bot.say('mungkin')).toMatch(/Jawab dengan tombol, atau ketik "ya" atau "tidak"[\s\S]*Tambah indikator lain/);
  expect(await bot.say('ya')).toMatch(/Indikator ke-2/);
  await bot.say('Waktu');
  await bot.say('Waktu penyelesaian pengujian setiap modul');
  await bot.say('10 hari kerja');
  expect(await bot.say('/kembali')).toMatch(/Targetnya\?/);
  await bot.say('8 hari kerja');
  await bot.press('Tidak');
  expect(await bot.say('1')).toMatch(/Tambah RHK lain\?/);
  await bot.press('Ya');
  await bot.press('Tambahan');
  await bot.say('Terdokumentasinya panduan pengguna aplikasi perizinan');
  await bot.say('Kualitas');
  await bot.say('Panduan disetujui Kepala Seksi tanpa revisi besar');
  await bot.say('100 %');
  await bot.press('Tidak');
  await bot.say('2');
  expect(await bot.press('Tidak')).toMatch(/Berorientasi Pelayanan[\s\S]*Memahami dan memenuhi kebutuhan masyarakat/i);
  await bot.say('Menanggapi keluhan pengguna aplikasi paling lambat satu hari kerja');
  for (let i = 0; i < 5; i++) await bot.say('-');
  expect(await bot.press('Lewati')).toMatch(/Lampiran SKP – dukungan sumber daya/);
  expect(await bot.say('-')).toMatch(/Bagian Lampiran SKP ini wajib diisi/);
  await bot.say('Akses server uji dan satu penguji');
  await bot.say('Laporan bulanan kepada Kepala Seksi');
  const review = await bot.say('Sesuai ketentuan tunjangan kinerja');
  expect(review).toMatch(/Lampiran SKP[\s\S]*Skema pertanggungjawaban: Laporan bulanan kepada Kepala Seksi/);
  expect(review).toMatch(/Kirim rencana ini kepada Andi Pratama\?/);
  expect(review).toMatch(/Waktu penyelesaian pengujian setiap modul – target 8 hari kerja/);
  expect(await bot.press('Kirim')).toMatch(/Rencana SKP 2026 versi 1 terkirim kepada Andi Pratama/);
  const proposal = await bot.inbox(EMPLOYEE);
  expect(proposal).toMatch(/Sri Wahyuni menetapkan ekspektasi kinerja untuk Anda/);
  expect(proposal).toMatch(/\[Tambahan\] Terdokumentasinya panduan pengguna/);

  // 2. Clarification, answered, then agreement.
  await bot.as(EMPLOYEE);
  expect(await bot.press('Minta klarifikasi')).toMatch(/Apa yang perlu diklarifikasi\?/);
  expect(await bot.say('Apakah 4 modul termasuk modul pembayaran?')).toMatch(/Pertanyaan Anda terkirim kepada Sri Wahyuni/);
  await bot.as(SUPERVISOR);
  expect(await bot.inbox(SUPERVISOR)).toMatch(/Andi Pratama meminta klarifikasi atas rencana SKP versi 1[\s\S]*modul pembayaran/);
  await bot.press('Jawab');
  expect(await bot.say('Ya, modul pembayaran termasuk; modul pelaporan tidak.')).toMatch(/Jawaban terkirim kepada Andi Pratama/);
  await bot.as(EMPLOYEE);
  expect(await bot.inbox(EMPLOYEE)).toMatch(/Sri Wahyuni menjawab pertanyaan Anda[\s\S]*modul pelaporan tidak/);
  expect(await bot.press('Setuju')).toMatch(/Rencana SKP 2026 versi 1 telah ditetapkan/);
  await bot.as(SUPERVISOR);
  expect(await bot.inbox(SUPERVISOR)).toMatch(/Andi Pratama menyetujui rencana SKP 2026 versi 1/);

  // 3. Feedback on an RHK, and the reply.
  expect(await bot.say('/umpanbalik')).toMatch(/Umpan balik untuk siapa\?/);
  expect(await bot.say(EMPLOYEE)).toMatch(/Tentang apa umpan balik untuk Andi Pratama\?/);
  await bot.say('1');
  await bot.press('Apresiasi');
  expect(await bot.say('Pengujian modul pendaftaran rapi dan tepat waktu. Pertahankan!')).toMatch(/Umpan balik terkirim kepada Andi Pratama/);
  await bot.as(EMPLOYEE);
  expect(await bot.inbox(EMPLOYEE)).toMatch(/Apresiasi dari Sri Wahyuni tentang RHK: Tersedianya aplikasi perizinan[\s\S]*Pertahankan!/);
  await bot.press('Balas');
  expect(await bot.say('Terima kasih, Bu. Modul berikutnya saya targetkan minggu depan.')).toMatch(/Balasan terkirim kepada Sri Wahyuni/);

  // 4. A feedback request, answered through its button.
  expect(await bot.say('/mintaumpanbalik')).toMatch(/Umpan balik tentang apa yang Anda minta\?/);
  await bot.say('2');
  expect(await bot.say('Apakah struktur panduan pengguna sudah sesuai harapan?')).toMatch(/Permintaan umpan balik terkirim kepada Sri Wahyuni/);
  await bot.as(SUPERVISOR);
  const request = await bot.inbox(SUPERVISOR);
  expect(request).toMatch(/membalas umpan balik Anda[\s\S]*minggu depan/);
  expect(request).toMatch(/Andi Pratama meminta umpan balik tentang RHK: Terdokumentasinya panduan/);
  expect(await bot.press('Beri umpan balik')).toMatch(/Jenis umpan baliknya\?/);
  await bot.press('Saran perbaikan');
  await bot.say('Tambahkan bagian tanya-jawab untuk pengguna pemula.');
  await bot.as(EMPLOYEE);
  expect(await bot.inbox(EMPLOYEE)).toMatch(/Saran perbaikan dari Sri Wahyuni tentang RHK: Terdokumentasinya panduan/);

  // 5. Progress with evidence; a sticker where text is expected is asked again.
  expect(await bot.say('/realisasi')).toMatch(/Realisasi untuk RHK yang mana\?/);
  await bot.say('1');
  expect(await bot.sendSticker()).toMatch(/Apa yang sudah dicapai\?/);
  await bot.say('Modul pendaftaran dan pembayaran selesai diuji.');
  expect(await bot.sendEvidence()).toMatch(/Realisasi untuk “Tersedianya aplikasi perizinan daring yang teruji” tercatat dengan bukti dukung/);

  // 6. An obstacle, the response, and resolution.
  expect(await bot.say('/kendala')).toMatch(/Kendala ini terkait RHK yang mana\?/);
  await bot.say('1');
  await bot.say('Server uji sering mati sejak Senin sehingga pengujian tertunda.');
  expect(await bot.say('Mohon bantuan koordinasi dengan tim infrastruktur.')).toMatch(/Kendala terkirim kepada Sri Wahyuni/);
  await bot.as(SUPERVISOR);
  expect(await bot.inbox(SUPERVISOR)).toMatch(/Kendala dari Andi Pratama \(RHK: Tersedianya aplikasi[\s\S]*Server uji sering mati[\s\S]*tim infrastruktur/);
  await bot.press('Tanggapi');
  expect(await bot.say('Sudah saya sampaikan ke tim infrastruktur; server cadangan siap besok.')).toMatch(/Tanggapan terkirim kepada Andi Pratama/);
  await bot.as(EMPLOYEE);
  expect(await bot.inbox(EMPLOYEE)).toMatch(/Sri Wahyuni menanggapi kendala Anda[\s\S]*server cadangan/);
  expect(await bot.press('Tandai selesai')).toMatch(/Kendala ditandai selesai/);

  // 7. The team view, who am I, language.
  await bot.as(SUPERVISOR);
  expect(await bot.inbox(SUPERVISOR)).toMatch(/Kendala ditandai selesai oleh Andi Pratama/);
  const team = await bot.say('/tim');
  expect(team).toMatch(/Andi Pratama[\s\S]*SKP: ditetapkan \(v1\)[\s\S]*Dialog terakhir: [\s\S]*Kendala terbuka: 0[\s\S]*Realisasi terakhir/);
  expect(team).toMatch(/Ratna Sari Dewi[\s\S]*SKP: belum ada/);
  expect(await bot.say('/saya')).toMatch(/NIP\/NI PPPK: 198209172006042002[\s\S]*Pangkat\/golongan: Penata Tk\. I, III\/d[\s\S]*Atasan langsung: Hendra Gunawan[\s\S]*Pejabat Penilai Kinerja: Hendra Gunawan[\s\S]*Atasan Pejabat Penilai Kinerja: Ir\. Bambang Wicaksono/);
  expect(await bot.say('/bahasa en')).toMatch(/Language changed to English/);
  expect(await bot.say('/skp')).toMatch(/Performance plan \(SKP\) 2026 – Sri Wahyuni \(version 1\)[\s\S]*Status: established \(ditetapkan\)/);
  expect(await bot.say('/bahasa id')).toMatch(/Bahasa diganti ke Bahasa Indonesia/);

  // The database holds the results.
  const andi = await db.prisma.employee.findFirstOrThrow({ where: { name: EMPLOYEE } });
  const plan = await db.prisma.plan.findFirstOrThrow({
    where: { employeeId: andi.id },
    include: { resultExpectations: { include: { indicators: true }, orderBy: { position: 'asc' } }, clarifications: true, behaviourExpectations: true },
  });
  expect(plan).toMatchObject({ status: 'AGREED', version: 1, year: 2026 });
  expect(plan.resultExpectations.map((r) => [r.kind, r.indicators.length])).toEqual([
    ['UTAMA', 2],
    ['TAMBAHAN', 1],
  ]);
  expect(plan.resultExpectations[0]?.indicators[1]).toMatchObject({ aspect: 'WAKTU', targetUnit: 'hari kerja' });
  expect(Number(plan.resultExpectations[0]?.indicators[1]?.targetValue)).toBe(8);
  expect(plan.resultExpectations.every((r) => r.leaderRhkId !== null)).toBe(true);
  expect(plan.behaviourExpectations.map((b) => b.coreValue)).toEqual(['pelayanan']);
  expect(plan.clarifications).toEqual([expect.objectContaining({ question: 'Apakah 4 modul termasuk modul pembayaran?', answeredAt: expect.any(Date) })]);

  const feedback = await db.prisma.feedback.findMany({ where: { recipientId: andi.id }, orderBy: { createdAt: 'asc' } });
  expect(feedback.map((f) => [f.kind, f.reply !== null, f.requestId !== null])).toEqual([
    ['APRESIASI', true, false],
    ['PERBAIKAN', false, true],
  ]);
  expect(await db.prisma.feedbackRequest.findFirstOrThrow({ where: { requesterId: andi.id } })).toMatchObject({ status: 'ANSWERED' });
  const progress = await db.prisma.progressEntry.findFirstOrThrow({ where: { employeeId: andi.id }, include: { evidence: true } });
  expect(progress.evidence).toHaveLength(1);
  const obstacle = await db.prisma.obstacle.findFirstOrThrow({ where: { employeeId: andi.id } });
  expect(obstacle).toMatchObject({ status: 'RESOLVED', supportNeeded: 'Mohon bantuan koordinasi dengan tim infrastruktur.' });
  const actions = (await db.prisma.auditLog.findMany({ where: { actor: { name: { in: [SUPERVISOR, EMPLOYEE] } } } })).map((a) => a.action);
  for (const action of ['plan.proposed', 'plan.clarificationRequested', 'plan.clarificationAnswered', 'plan.agreed', 'feedback.given', 'feedback.replied', 'feedback.requested', 'progress.logged', 'obstacle.reported', 'obstacle.answered', 'obstacle.resolved']) {
    expect(actions, action).toContain(action);
  }
}
