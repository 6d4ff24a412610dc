/** Texts of the evaluation part of the cycle: unit predikat (more to come with the evaluation flow). */
import { catalogue } from './catalogue.js';

export const evaluationText = catalogue(
  {
    predikatTitle: 'Predikat kinerja unit',
    noUnits:
      'Anda tidak dapat menetapkan predikat unit mana pun. Predikat kinerja organisasi ditetapkan oleh pimpinan satu tingkat di atas pimpinan unit, atau oleh pengelola kinerja.',
    askUnit: 'Predikat kinerja unit mana yang akan ditetapkan?',
    askPeriod: (p: { unit: string }) => `Untuk periode apa predikat ${p.unit}?`,
    askPredikat: (p: { unit: string; period: string; current: string }) =>
      `Predikat kinerja ${p.unit} untuk ${p.period}?${p.current ? ` (Saat ini: ${p.current}.)` : ''} ` +
      'Bila pegawai yang dinilai memimpin unit ini, predikat ini menjadi dasar rating hasil kerjanya.',
    askNote: 'Catatan singkat alasannya (boleh dilewati)?',
    saved: (p: { unit: string; period: string; predikat: string }) => `Predikat kinerja ${p.unit} untuk ${p.period} ditetapkan: ${p.predikat}.`,
    toLeader: (p: { by: string; unit: string; period: string; predikat: string; note: string }) =>
      `${p.by} menetapkan predikat kinerja ${p.unit} untuk ${p.period}: ${p.predikat}.${p.note ? ` Catatan: ${p.note}` : ''} ` +
      'Sebagai pimpinan unit, predikat ini menjadi dasar rating hasil kerja Anda pada periode itu.',
  },
  {
    predikatTitle: 'Unit performance rating',
    noUnits: 'You cannot set the rating of any unit. A unit’s organisational performance rating is set by the leader one level above its head, or by HR.',
    askUnit: 'Which unit’s performance rating do you set?',
    askPeriod: (p) => `For which period is ${p.unit}’s rating?`,
    askPredikat: (p) =>
      `Performance rating of ${p.unit} for ${p.period}?${p.current ? ` (Now: ${p.current}.)` : ''} ` +
      'If the person being rated leads this unit, this rating sets their results rating.',
    askNote: 'A short note on why (may be skipped)?',
    saved: (p) => `Performance rating of ${p.unit} for ${p.period} set: ${p.predikat}.`,
    toLeader: (p) =>
      `${p.by} set the performance rating of ${p.unit} for ${p.period}: ${p.predikat}.${p.note ? ` Note: ${p.note}` : ''} ` +
      'As the unit’s head, this rating is the basis of your results rating for that period.',
  },
);
