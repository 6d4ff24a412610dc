/** Texts of the Penetapan Predikat Kinerja: the organisation's leader establishing its distribution, and what raters hear. */
import { countOf, catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const penetapanText = catalogue(
  {
    title: 'Penetapan Predikat Kinerja',
    noOrganisations:
      'Penetapan Predikat Kinerja dilakukan oleh pimpinan unit organisasi (atau Plt./Plh.-nya) atas seluruh pegawainya; pengelola kinerja mencatatnya bila pimpinan berada di luar bot. Anda tidak memimpin unit organisasi di Dialog Kinerja.',
    askOrganisation: 'Unit organisasi mana?',
    askPeriod: (p: { organisation: string }) => `Penetapan ${p.organisation} untuk periode apa?`,
    heading: (p: { organisation: string; period: string }) => `Penetapan Predikat Kinerja ${p.organisation} – ${p.period}`,
    capaian: (p: { predikat: string }) => `Capaian Kinerja Organisasi: ${p.predikat}.`,
    counts: (p: { line: string; total: number }) => `Distribusi usulan ${p.total} pegawai: ${p.line}.`,
    entryProposed: (p: { name: string; predikat: string; rater: string }) => `• ${p.name} – ${p.predikat} (diusulkan ${p.rater})`,
    entryEstablished: (p: { name: string; predikat: string }) => `• ${p.name} – ${p.predikat} (sudah ditetapkan)`,
    entryDraft: (p: { name: string; rater: string }) => `• ${p.name} – masih draf ${p.rater}`,
    entryUnrated: (p: { name: string }) => `• ${p.name} – belum dinilai`,
    more: (p: { count: number }) => `… dan ${p.count} pegawai lainnya (daftar lengkap: ${cmd('ekspor')}).`,
    notEnded: (p: { period: string; from: string }) => `Hasil ${p.period} dapat ditetapkan mulai ${p.from}, setelah periode berakhir.`,
    noCapaian: (p: { organisation: string; period: string }) =>
      `Capaian Kinerja Organisasi ${p.organisation} untuk ${p.period} belum ditetapkan, sehingga pola distribusinya belum diketahui. Pimpinan satu tingkat di atas menetapkannya dengan ${cmd('predikatunit')} (pengelola kinerja mencatatnya bila pimpinan itu di luar bot).`,
    notAllProposed: (p: { names: string }) => `Belum diusulkan penilainya: ${p.names}. Penetapan dapat dilakukan setelah semua hasil diusulkan.`,
    nothingProposed: (p: { period: string }) => `Tidak ada usulan hasil evaluasi ${p.period} yang menunggu penetapan.`,
    askAction: 'Apa yang Anda lakukan?',
    establishButton: 'Tetapkan',
    returnButton: 'Kembalikan satu usulan',
    closeButton: 'Selesai',
    askReturnWho: 'Usulan siapa yang dikembalikan kepada penilainya?',
    askReturnNote: 'Catatan untuk penilai: apa yang perlu ditinjau?',
    returned: (p: { name: string; rater: string }) => `Usulan ${p.name} dikembalikan kepada ${p.rater} dengan catatan Anda. Penetapan dapat dilakukan setelah diusulkan lagi.`,
    askReason:
      'Distribusi ini belum sesuai dengan Kurva Distribusi. Bila tetap ditetapkan, tuliskan alasan Anda sebagai pimpinan (dicatat pada penetapan dan pada setiap hasil). Atau kembalikan usulan kepada penilainya.',
    recordingFor: (p: { organisation: string }) =>
      `Pimpinan ${p.organisation} berada di luar bot: Anda mencatat penetapan yang ditandatanganinya, dengan nomor dan tanggal dokumennya.`,
    askDocumentNumber: 'Nomor dokumen penetapan predikat kinerja yang ditandatangani pimpinan:',
    askDecidedOn: 'Tanggal dokumen penetapan:',
    confirm: (p: { count: number; period: string; organisation: string }) =>
      `Tetapkan ${p.count} hasil evaluasi ${p.period} untuk ${p.organisation}? Setiap pegawai menerima hasilnya, dan masa keberatan 14 hari dimulai saat hasil diterima.`,
    established: (p: { count: number; period: string; organisation: string }) =>
      `Predikat Kinerja ${p.organisation} untuk ${p.period} ditetapkan: ${p.count} hasil evaluasi final dan dikirim kepada pegawai.`,
    closed: 'Tidak ada yang diubah.',
    changed: `Usulan berubah sejak Anda membuka penetapan. Tidak ada yang ditetapkan; buka ${cmd('tetapkanpredikat')} lagi untuk memeriksa ulang.`,
    reasonRequired: 'Distribusi ini menyimpang dari Kurva Distribusi: penetapan memerlukan alasan tertulis pimpinan.',
    documentRequired: 'Penetapan atas nama pimpinan di luar bot dicatat hanya dengan nomor dokumennya.',
    decidedLater: 'Tanggal dokumen belum tiba. Tulis tanggal dokumen penetapan yang sudah ditandatangani.',
    denied: 'Anda tidak berwenang menetapkan predikat kinerja unit organisasi ini.',
    notProposed: 'Usulan itu tidak lagi menunggu penetapan (sudah dikembalikan atau ditetapkan).',
    toRaterReturned: (p: { by: string; name: string; period: string; note: string }) =>
      `${p.by} mengembalikan usulan evaluasi ${p.name} untuk ${p.period} kepada Anda dengan catatan: "${p.note}". Nilai ulang dengan ${cmd('evaluasi')}, lalu ajukan lagi.`,
    toRaterEstablished: (p: { by: string; organisation: string; period: string; count: number }) =>
      `${p.by} menetapkan Predikat Kinerja ${p.organisation} untuk ${p.period}: ${p.count} hasil yang Anda usulkan kini final dan dikirim kepada pegawai.`,
    proposedTo: (p: { leader: string; organisation: string }) => `${p.leader}, pimpinan ${p.organisation}`,
    proposedToUnknown: (p: { organisation: string }) => `pimpinan ${p.organisation}`,
  },
  {
    title: 'Establishing performance ratings (Penetapan Predikat Kinerja)',
    noOrganisations:
      'Performance ratings are established by the leader of the organisation unit (or their acting official) for all its employees; HR records it when the leader is outside the bot. You do not lead an organisation unit in Dialog Kinerja.',
    askOrganisation: 'Which organisation unit?',
    askPeriod: (p) => `Which period for ${p.organisation}?`,
    heading: (p) => `Establishing performance ratings: ${p.organisation} – ${p.period}`,
    capaian: (p) => `Organisation performance (Capaian Kinerja Organisasi): ${p.predikat}.`,
    counts: (p) => `Proposed distribution of ${countOf(p.total, 'employee', 'employees')}: ${p.line}.`,
    entryProposed: (p) => `• ${p.name} – ${p.predikat} (proposed by ${p.rater})`,
    entryEstablished: (p) => `• ${p.name} – ${p.predikat} (already established)`,
    entryDraft: (p) => `• ${p.name} – still a draft by ${p.rater}`,
    entryUnrated: (p) => `• ${p.name} – not rated yet`,
    more: (p) => `… and ${countOf(p.count, 'other employee', 'other employees')} (full list: ${cmd('ekspor')}).`,
    notEnded: (p) => `Results for ${p.period} can be established from ${p.from}, once the period is over.`,
    noCapaian: (p) =>
      `The organisation performance of ${p.organisation} for ${p.period} is not set yet, so its distribution is unknown. The leader one level up sets it with ${cmd('predikatunit')} (HR records it when that leader is outside the bot).`,
    notAllProposed: (p) => `Not proposed by their raters yet: ${p.names}. The ratings can be established once every result is proposed.`,
    nothingProposed: (p) => `No proposed evaluation of ${p.period} is waiting to be established.`,
    askAction: 'What would you like to do?',
    establishButton: 'Establish',
    returnButton: 'Send one proposal back',
    closeButton: 'Done',
    askReturnWho: 'Whose proposal goes back to its rater?',
    askReturnNote: 'A note for the rater: what should be reviewed?',
    returned: (p) => `${p.name}'s proposal went back to ${p.rater} with your note. The ratings can be established once it is proposed again.`,
    askReason:
      'This distribution does not fit the distribution curve. To establish it anyway, write your reason as the leader (kept with the penetapan and every result). Or send proposals back to their raters.',
    recordingFor: (p) => `The leader of ${p.organisation} is outside the bot: you record the penetapan they signed, with its document number and date.`,
    askDocumentNumber: 'Number of the signed penetapan document:',
    askDecidedOn: 'Date of the penetapan document:',
    confirm: (p) =>
      `Establish ${countOf(p.count, 'evaluation result', 'evaluation results')} of ${p.period} for ${p.organisation}? Each employee receives their result, and the 14-day objection period starts when they receive it.`,
    established: (p) => `Performance ratings of ${p.organisation} for ${p.period} established: ${countOf(p.count, 'result', 'results')} final and sent to the employees.`,
    closed: 'Nothing was changed.',
    changed: `The proposals changed since you opened the penetapan. Nothing was established; open ${cmd('tetapkanpredikat')} again to check again.`,
    reasonRequired: 'This distribution departs from the distribution curve: establishing it needs the leader’s written reason.',
    documentRequired: 'A penetapan for a leader outside the bot is recorded only with its document number.',
    decidedLater: 'That date is in the future. Give the date of the signed penetapan document.',
    denied: 'You may not establish the performance ratings of this organisation unit.',
    notProposed: 'That proposal is no longer waiting (it was sent back or established).',
    toRaterReturned: (p) => `${p.by} sent your proposed evaluation of ${p.name} for ${p.period} back with this note: "${p.note}". Evaluate again with ${cmd('evaluasi')}, then propose it again.`,
    toRaterEstablished: (p) => `${p.by} established the performance ratings of ${p.organisation} for ${p.period}: ${countOf(p.count, 'result', 'results')} you proposed are final and sent to the employees.`,
    proposedTo: (p) => `${p.leader}, leader of ${p.organisation}`,
    proposedToUnknown: (p) => `the leader of ${p.organisation}`,
  },
);
