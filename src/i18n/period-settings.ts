/** Texts of an agency's period settings, shared by `periods show|set` in the CLI and /periode in chat. */
import { countOf, catalogue } from './catalogue.js';

export const periodSettingsText = catalogue(
  {
    summary: (p: { agency: string; cadence: string; deadline: string; objectionDays: number; opens: number; closes: number; level: number; final: string }) =>
      `${p.agency}: evaluasi kinerja periodik ${p.cadence}; batas penetapan SKP ${p.deadline} (tanggal-bulan); keberatan dapat diajukan ${p.objectionDays} hari sejak hasil evaluasi diterima (PP 30/2019 Pasal 59, tidak dapat diubah); ` +
      `evaluasi suatu periode dibuka ${p.opens} hari sebelum periode berakhir dan ditutup ${p.closes} hari sesudahnya; ` +
      `Predikat Kinerja didistribusikan dan ditetapkan per unit organisasi tingkat ${p.level}${p.level === 1 ? ' (unit teratas: tiap OPD/unit kerja)' : ''}; ${p.final}.`,
    finalTAHUNAN: 'evaluasi tahunan terpisah dari evaluasi periodik',
    finalPERIODE_AKHIR: 'evaluasi periode terakhir (Triwulan IV-Akhir) menjadi evaluasi akhir tahun, tanpa evaluasi tahunan terpisah',
    cadenceQUARTERLY: 'triwulanan',
    cadenceMONTHLY: 'bulanan',
    title: 'Pengaturan evaluasi kinerja periodik',
    agencyWideOnly: 'Pengaturan periode berlaku untuk seluruh instansi, jadi hanya Pengelola Kinerja tingkat instansi yang dapat mengubahnya.',
    askCadence: 'Evaluasi kinerja periodik setiap triwulan (sesuai formulir peraturan) atau setiap bulan? Lewati untuk tetap.',
    askSkpDeadline: (p: { now: string }) => `Batas penetapan SKP (tanggal-bulan, mis. 31-01)? Sekarang ${p.now}. Lewati untuk tetap.`,
    badSkpDeadline: 'Itu bukan tanggal yang sah: tulis tanggal-bulan, mis. 31-01.',
    askOpens: (p: { now: number }) => `Evaluasi dibuka berapa hari sebelum periode berakhir? Sekarang ${p.now}. Lewati untuk tetap.`,
    askCloses: (p: { now: number }) => `Evaluasi ditutup berapa hari sesudah periode berakhir? Sekarang ${p.now}. Lewati untuk tetap.`,
    badDays: 'Tulis bilangan bulat 1 sampai 90 (hari).',
    confirm: (p: { summary: string }) => `Simpan pengaturan ini? ${p.summary}`,
    unchanged: 'Pengaturan periode tidak diubah.',
    saved: (p: { summary: string }) => `Tersimpan. ${p.summary}`,
  },
  {
    summary: (p) =>
      `${p.agency}: periodic performance evaluation ${p.cadence}; SKP deadline ${p.deadline} (day-month); a keberatan may be filed within ${countOf(p.objectionDays, 'day', 'days')} of receiving the evaluation (PP 30/2019 Article 59, not a setting); ` +
      `a period's evaluation opens ${countOf(p.opens, 'day', 'days')} before the period ends and closes ${countOf(p.closes, 'day', 'days')} after it; ` +
      `performance ratings are distributed and established per organisation unit at level ${p.level}${p.level === 1 ? ' (the top units: each OPD / unit kerja)' : ''}; ${p.final}.`,
    finalTAHUNAN: 'an annual evaluation separate from the periodic ones',
    finalPERIODE_AKHIR: 'the last periodic evaluation (Quarter 4, final) closes the year, with no separate annual evaluation',
    cadenceQUARTERLY: 'quarterly',
    cadenceMONTHLY: 'monthly',
    title: 'Periodic performance evaluation settings',
    agencyWideOnly: 'Period settings apply to the whole agency, so only agency-wide HR can change them.',
    askCadence: 'Periodic performance evaluation every quarter (as in the regulation’s forms) or every month? Skip to keep.',
    askSkpDeadline: (p) => `SKP deadline (day-month, e.g. 31-01)? Now ${p.now}. Skip to keep.`,
    badSkpDeadline: 'That is not a real date: write day-month, e.g. 31-01.',
    askOpens: (p) => `Open the evaluation how many days before a period ends? Now ${p.now}. Skip to keep.`,
    askCloses: (p) => `Close the evaluation how many days after a period ends? Now ${p.now}. Skip to keep.`,
    badDays: 'Write a whole number from 1 to 90 (days).',
    confirm: (p) => `Save these settings? ${p.summary}`,
    unchanged: 'The period settings are unchanged.',
    saved: (p) => `Saved. ${p.summary}`,
  },
);
