/** Texts of /catatevaluasi: HR records the evaluation an official outside the bot decided. */
import { catalogue } from './catalogue.js';

export const evaluationRecordText = catalogue(
  {
    title: 'Catat evaluasi oleh pejabat di luar bot',
    nobody: 'Tidak ada pegawai yang Pejabat Penilai Kinerja-nya pejabat di luar bot (mis. Gubernur). Catat pejabat itu dulu dengan kolom ppk_luar atau `official set`.',
    nothingOpen: 'Belum ada periode evaluasi yang dapat dicatat: masa evaluasi belum dibuka.',
    askPerson: 'Evaluasi siapa yang dicatat?',
    personOption: (p: { name: string; official: string }) => `${p.name} – dinilai ${p.official}`,
    askPeriod: 'Evaluasi periode apa?',
    askResults: (p: { official: string }) => `Rating hasil kerja menurut ${p.official}?`,
    askBehaviour: 'Rating perilaku kerja?',
    askNotes: 'Catatan Pejabat Penilai Kinerja pada dokumen (boleh dilewati)?',
    askFeedback: 'Umpan balik pada dokumen (boleh dilewati)?',
    askDocumentNumber: (p: { official: string }) => `Nomor dokumen evaluasi oleh ${p.official}?`,
    askDecidedOn: 'Tanggal dokumen (mis. 2027-01-15 atau 15-01-2027)?',
    askConfirm: (p: { name: string; period: string; official: string; predikat: string; number: string; date: string }) =>
      `Catat evaluasi ${p.name} untuk ${p.period} oleh ${p.official}: predikat ${p.predikat}, dokumen ${p.number} tanggal ${p.date}? Hasilnya langsung final dan dikirim kepadanya.`,
    cancelled: 'Tidak dicatat.',
    recorded: (p: { name: string; period: string; official: string; predikat: string }) =>
      `Evaluasi ${p.name} untuk ${p.period} oleh ${p.official} tercatat: ${p.predikat}. Hasilnya sudah dikirim kepadanya.`,
    recordedWaiting: (p: { name: string; period: string; official: string; predikat: string }) =>
      `Evaluasi ${p.name} untuk ${p.period} oleh ${p.official} tercatat: ${p.predikat}. ${p.name} belum dapat dihubungi lewat chat; hasilnya dikirim begitu ia menghubungi bot.`,
  },
  {
    title: 'Record an evaluation by an official outside the bot',
    nobody: "Nobody's Pejabat Penilai Kinerja is an official outside the bot (e.g. the Gubernur). Record that official first with the ppk_luar column or `official set`.",
    nothingOpen: 'No evaluation period can be recorded yet: no evaluation window has opened.',
    askPerson: 'Whose evaluation do you record?',
    personOption: (p) => `${p.name} – rated by ${p.official}`,
    askPeriod: 'Which period?',
    askResults: (p) => `Results rating given by ${p.official}?`,
    askBehaviour: 'Behaviour rating?',
    askNotes: "The rater's notes on the document (may be skipped)?",
    askFeedback: 'Feedback on the document (may be skipped)?',
    askDocumentNumber: (p) => `Number of ${p.official}'s evaluation document?`,
    askDecidedOn: "The document's date (e.g. 2027-01-15 or 15-01-2027)?",
    askConfirm: (p) => `Record ${p.name}'s evaluation for ${p.period} by ${p.official}: ${p.predikat}, document ${p.number} dated ${p.date}? It is final at once and sent to them.`,
    cancelled: 'Nothing recorded.',
    recorded: (p) => `${p.name}'s evaluation for ${p.period} by ${p.official} is recorded: ${p.predikat}. The result has been sent to them.`,
    recordedWaiting: (p) => `${p.name}'s evaluation for ${p.period} by ${p.official} is recorded: ${p.predikat}. ${p.name} cannot be reached in chat yet; the result goes out as soon as they talk to the bot.`,
  },
);
