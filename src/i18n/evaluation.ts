/** Texts of the evaluation part of the cycle: unit predikat (more to come with the evaluation flow). */
import { catalogue } from './catalogue.js';

export const evaluationText = catalogue(
  {
    predikatTitle: 'Capaian Kinerja Organisasi',
    noUnits:
      'Anda tidak dapat menetapkan Capaian Kinerja Organisasi unit mana pun. Capaian Kinerja Organisasi ditetapkan oleh pimpinan satu tingkat di atas pimpinan unit (atau Plt./Plh.-nya); Pengelola Kinerja hanya mencatat keputusan itu dengan nomor dan tanggal dokumennya.',
    askUnit: 'Capaian Kinerja Organisasi unit mana yang akan ditetapkan?',
    askPeriod: (p: { unit: string }) => `Untuk periode apa Capaian Kinerja Organisasi ${p.unit}?`,
    askPredikat: (p: { unit: string; period: string; current: string }) =>
      `Capaian Kinerja Organisasi ${p.unit} untuk ${p.period}?${p.current ? ` (Saat ini: ${p.current}.)` : ''} ` +
      'Bila pegawai yang dinilai memimpin unit ini, capaian ini menjadi dasar rating hasil kerjanya.',
    askNote: 'Catatan singkat alasannya (boleh dilewati)?',
    basisRENCANA_AKSI: 'Dasarnya: capaian rencana aksi unit terhadap target periode ini (SE MenPANRB 3/2023).',
    basisPERJANJIAN_KINERJA: 'Dasarnya: capaian Perjanjian Kinerja unit beserta ekspektasi organisasi (SE MenPANRB 3/2023).',
    recordingFor: (p: { leader: string }) =>
      `Anda mencatat keputusan ${p.leader} (pimpinan satu tingkat di atas); Pengelola Kinerja dapat memberi rekomendasi, tetapi tidak memutuskan.`,
    leaderOutside: 'pimpinan satu tingkat di atas (di luar bot)',
    askDocumentNumber: 'Nomor dokumen keputusan pimpinan itu?',
    askDecidedOn: 'Tanggal dokumen (mis. 2027-01-15 atau 15-01-2027)?',
    recordedSaved: (p: { unit: string; period: string; predikat: string; number: string }) =>
      `Capaian Kinerja Organisasi ${p.unit} untuk ${p.period} dicatat: ${p.predikat} (dokumen ${p.number}).`,
    documentRequired: 'Keputusan pimpinan dicatat dengan nomor dan tanggal dokumennya.',
    badPeriod: 'Periode itu tidak dikenal.',
    saved: (p: { unit: string; period: string; predikat: string }) => `Capaian Kinerja Organisasi ${p.unit} untuk ${p.period} ditetapkan: ${p.predikat}.`,
    toLeader: (p: { by: string; unit: string; period: string; predikat: string; note: string }) =>
      `${p.by} menetapkan Capaian Kinerja Organisasi ${p.unit} untuk ${p.period}: ${p.predikat}.${p.note ? ` Catatan: ${p.note}` : ''} ` +
      'Sebagai pimpinan unit, capaian ini menjadi dasar rating hasil kerja Anda pada periode itu.',
    developmentTitle: 'Bimbingan kinerja',
    askDevelopmentReport: 'Sesi bimbingan dengan siapa?',
    askDevelopmentKind: (p: { name: string }) => `Jenis sesi dengan ${p.name}?`,
    kindCOACHING: 'Coaching',
    kindMENTORING: 'Mentoring',
    kindKONSELING: 'Konseling',
    askDevelopmentDate: 'Kapan sesinya? (tanggal, mis. 26-11-2026)',
    developmentInFuture: 'Tanggal itu belum lewat: catat sesi yang sudah berlangsung.',
    askDevelopmentTopic: 'Topik yang dibahas?',
    askDevelopmentFollowUp: 'Tindak lanjut yang disepakati (boleh dilewati)?',
    developmentSaved: (p: { kind: string; name: string; date: string }) => `Sesi ${p.kind} dengan ${p.name} (${p.date}) tercatat. ${p.name} diminta memberi umpan balik atas sesi ini.`,
    developmentToEmployee: (p: { kind: string; leader: string; date: string; topic: string; followUp: string }) =>
      `${p.leader} mencatat sesi ${p.kind} dengan Anda (${p.date}). Topik: ${p.topic}.${p.followUp ? ` Tindak lanjut: ${p.followUp}.` : ''} ` +
      'Bagaimana sesi itu bagi Anda? Umpan balik Anda membantu atasan membimbing lebih baik.',
    rateButton: 'Beri umpan balik',
    ratingTitle: 'Umpan balik bimbingan kinerja',
    ratingIntro: (p: { leader: string; date: string }) => `Sesi dengan ${p.leader} (${p.date}). Seberapa setuju Anda (1 = sangat tidak setuju, 5 = sangat setuju)?`,
    statementHEARD: 'Saya merasa didengarkan.',
    statementFREE: 'Saya merasa bebas menyampaikan pendapat dan kendala.',
    statementEXPECTED: 'Saya memahami apa yang diharapkan dari saya.',
    statementNEXT: 'Saya tahu apa yang harus saya lakukan selanjutnya.',
    statementUSEFUL: 'Sesi ini bermanfaat bagi pengembangan saya.',
    ratingNotYours: 'Umpan balik ini diisi oleh pegawai yang dibimbing.',
    ratingDone: 'Umpan balik atas sesi ini sudah Anda berikan. Terima kasih.',
    ratingSaved: 'Terima kasih, umpan balik Anda tersimpan dan diteruskan kepada atasan Anda.',
    ratingToLeader: (p: { name: string; date: string; average: string }) => `Umpan balik ${p.name} atas sesi bimbingan ${p.date}: rata-rata ${p.average} dari 5.`,
  },
  {
    predikatTitle: 'Organisational performance (Capaian Kinerja Organisasi)',
    noUnits: "You cannot set the rating of any unit. A unit's Capaian Kinerja Organisasi is decided by the leader one level above its head (or their Plt./Plh.); HR only records that decision with the document's number and date.",
    askUnit: 'Which unit’s Capaian Kinerja Organisasi do you set?',
    askPeriod: (p) => `For which period is ${p.unit}’s rating?`,
    askPredikat: (p) =>
      `Capaian Kinerja Organisasi of ${p.unit} for ${p.period}?${p.current ? ` (Now: ${p.current}.)` : ''} ` +
      'If the person being rated leads this unit, this rating sets their results rating.',
    askNote: 'A short note on why (may be skipped)?',
    basisRENCANA_AKSI: "Its basis: the unit's rencana aksi against this period's targets (SE MenPANRB 3/2023).",
    basisPERJANJIAN_KINERJA: "Its basis: the unit's Perjanjian Kinerja with the organisation's expectations (SE MenPANRB 3/2023).",
    recordingFor: (p) => `You record the decision of ${p.leader} (the leader one level up); HR may recommend, but does not decide.`,
    leaderOutside: 'the leader one level up (outside the bot)',
    askDocumentNumber: "The number of that leader's decision document?",
    askDecidedOn: "The document's date (e.g. 2027-01-15 or 15-01-2027)?",
    recordedSaved: (p) => `Capaian Kinerja Organisasi of ${p.unit} for ${p.period} recorded: ${p.predikat} (document ${p.number}).`,
    documentRequired: "The leader's decision is recorded with its document number and date.",
    badPeriod: 'That period is unknown.',
    saved: (p) => `Capaian Kinerja Organisasi of ${p.unit} for ${p.period} set: ${p.predikat}.`,
    toLeader: (p) =>
      `${p.by} set the Capaian Kinerja Organisasi of ${p.unit} for ${p.period}: ${p.predikat}.${p.note ? ` Note: ${p.note}` : ''} ` +
      'As the unit’s head, this rating is the basis of your results rating for that period.',
    developmentTitle: 'Performance guidance',
    askDevelopmentReport: 'A guidance session with whom?',
    askDevelopmentKind: (p) => `What kind of session with ${p.name}?`,
    kindCOACHING: 'Coaching',
    kindMENTORING: 'Mentoring',
    kindKONSELING: 'Counselling',
    askDevelopmentDate: 'When was it? (a date, e.g. 26-11-2026)',
    developmentInFuture: 'That date has not passed yet: record sessions that took place.',
    askDevelopmentTopic: 'What was discussed?',
    askDevelopmentFollowUp: 'The follow-up you agreed (may be skipped)?',
    developmentSaved: (p) => `The ${p.kind} session with ${p.name} (${p.date}) is recorded. ${p.name} is asked to rate it.`,
    developmentToEmployee: (p) =>
      `${p.leader} recorded a ${p.kind} session with you (${p.date}). Topic: ${p.topic}.${p.followUp ? ` Follow-up: ${p.followUp}.` : ''} ` +
      'How was it for you? Your rating helps your supervisor guide better.',
    rateButton: 'Give feedback',
    ratingTitle: 'Feedback on performance guidance',
    ratingIntro: (p) => `The session with ${p.leader} (${p.date}). How much do you agree (1 = strongly disagree, 5 = strongly agree)?`,
    statementHEARD: 'I felt heard.',
    statementFREE: 'I felt free to speak about my views and obstacles.',
    statementEXPECTED: 'I understand what is expected of me.',
    statementNEXT: 'I know what to do next.',
    statementUSEFUL: 'The session was useful for my development.',
    ratingNotYours: 'This rating is for the employee who was guided.',
    ratingDone: 'You have rated this session already. Thank you.',
    ratingSaved: 'Thank you, your rating is saved and passed on to your supervisor.',
    ratingToLeader: (p) => `${p.name} rated the guidance session of ${p.date}: ${p.average} out of 5 on average.`,
  },
);
