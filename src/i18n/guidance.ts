/**
 * Texts of the forms around a bimbingan kinerja session: Format B.1.8 (the employee's Umpan Balik
 * Pelaksanaan Bimbingan Kinerja, which goes to the leader's own superior) and Format B.1.9 (the
 * leader's competency evaluation as the session's follow-up). Statement codes and their sources:
 * src/domain/guidance-forms.ts – the wording is marked there as fragment of the form or ours (verify).
 */
import { catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const guidanceText = catalogue(
  {
    feedbackTitle: 'Umpan Balik Pelaksanaan Bimbingan Kinerja',
    sessionSaved: (p: { kind: string; name: string; date: string }) =>
      `Sesi ${p.kind} dengan ${p.name} (${p.date}) tercatat. ${p.name} diminta mengisi Umpan Balik Pelaksanaan Bimbingan Kinerja, yang diserahkan kepada atasan Anda, bukan kepada Anda. Sesudahnya, evaluasi kompetensi yang dibahas dengan ${cmd('evaluasikompetensi')}.`,
    feedbackButton: 'Beri umpan balik',
    toEmployee: (p: { kind: string; leader: string; date: string; topic: string; followUp: string; recipient: string }) =>
      `${p.leader} mencatat sesi ${p.kind} dengan Anda (${p.date}). Topik: ${p.topic}.${p.followUp ? ` Tindak lanjut: ${p.followUp}.` : ''} ` +
      `Isi Umpan Balik Pelaksanaan Bimbingan Kinerja (Format B.1.8): jawaban Anda diserahkan kepada ${p.recipient}, atasan dari ${p.leader} – bukan kepada ${p.leader}.`,
    noRecipient: 'atasan pimpinan Anda',
    feedbackIntro: (p: { leader: string; date: string; recipient: string }) =>
      `Sesi dengan ${p.leader} (${p.date}). Jawaban Anda diserahkan kepada ${p.recipient}, bukan kepada ${p.leader}. Seberapa setuju Anda (1 = sangat tidak setuju, 5 = sangat setuju)?`,
    groupTENTANG_PEGAWAI: 'Tentang Pegawai',
    groupTENTANG_PIMPINAN: 'Tentang Pimpinan',
    groupTENTANG_KEDUANYA: 'Tentang keduanya',
    statementP_PURPOSE: 'Saya memahami maksud dan tujuan bimbingan kinerja ini.',
    statementP_SPOKE_FREELY: 'Saya dapat menyampaikan pendapat dan kendala saya dengan leluasa.',
    statementP_NEXT_STEPS: 'Saya mengetahui langkah yang akan saya lakukan setelah bimbingan ini.',
    statementL_FACTS: 'Pimpinan menyampaikan pandangan berdasarkan data/fakta yang akurat.',
    statementL_ASKS: 'Pimpinan lebih banyak bertanya dibandingkan menggurui.',
    statementL_LISTENS: 'Pimpinan mendengarkan saya dengan sungguh-sungguh.',
    statementB_SOLUTIONS: 'Saya dibantu dalam mencari solusi atas kendala kinerja saya.',
    statementB_AGREED: 'Kami menyepakati ekspektasi dan tindak lanjut bersama.',
    statementB_RESPECT: 'Bimbingan berlangsung dalam suasana saling menghargai.',
    feedbackSaved: (p: { recipient: string }) => `Terima kasih. Umpan balik Anda diserahkan kepada ${p.recipient}; pimpinan yang membimbing Anda tidak menerimanya.`,
    feedbackKept: 'Terima kasih. Umpan balik Anda tersimpan; atasan pimpinan Anda tidak terdaftar di bot, jadi tidak ada yang diberi tahu dan pimpinan yang membimbing Anda tidak menerimanya.',
    feedbackToSuperior: (p: { employee: string; leader: string; date: string; average: string }) =>
      `Umpan Balik Pelaksanaan Bimbingan Kinerja (Format B.1.8) dari ${p.employee} tentang sesi dengan ${p.leader} pada ${p.date}: rata-rata ${p.average} dari 5. Umpan balik ini untuk Anda sebagai atasan dari ${p.leader}; ${p.leader} tidak menerimanya.`,
    competencyTitle: 'Evaluasi Kompetensi Pegawai (Format B.1.9)',
    competencyButton: 'Evaluasi kompetensi',
    competencyPrompt: (p: { name: string; date: string }) =>
      `Sebagai tindak lanjut sesi dengan ${p.name} (${p.date}), evaluasi kompetensi yang dibahas (Format B.1.9): skor 1–5 dengan alasannya.`,
    askSession: (p: { name: string }) => `Sesi bimbingan dengan ${p.name} yang mana?`,
    noSessions: (p: { name: string }) => `Tidak ada sesi bimbingan dengan ${p.name} yang belum dievaluasi kompetensinya. Catat sesinya dulu dengan ${cmd('bimbingan')}.`,
    sessionOption: (p: { date: string; topic: string }) => `${p.date}: ${p.topic}`,
    askCompetency: (p: { index: number }) => `Kompetensi ${p.index}: nama kompetensinya?`,
    askScore: (p: { competency: string }) => `Skor ${p.competency} (1–5)?`,
    askReason: (p: { competency: string }) => `Alasan skor ${p.competency}?`,
    askMore: 'Tambah kompetensi lain?',
    competencySaved: (p: { name: string; count: number }) => `Evaluasi ${p.count} kompetensi untuk ${p.name} tercatat dan dikirim kepadanya.`,
    competencyToEmployee: (p: { leader: string; date: string }) => `${p.leader} mengevaluasi kompetensi Anda sebagai tindak lanjut bimbingan kinerja ${p.date} (Format B.1.9):`,
    competencyDone: 'Kompetensi dari sesi ini sudah dievaluasi.',
    competencyNotLeader: 'Evaluasi kompetensi diisi oleh pimpinan yang membimbing.',
    competencyTooMany: (p: { max: number }) => `Paling banyak ${p.max} kompetensi dalam satu evaluasi.`,
  },
  {
    feedbackTitle: 'Feedback on the performance guidance session',
    sessionSaved: (p) =>
      `The ${p.kind} session with ${p.name} (${p.date}) is recorded. ${p.name} is asked for the feedback on the guidance session, which goes to your superior, not to you. Then evaluate the competencies it concerned with ${cmd('evaluasikompetensi')}.`,
    feedbackButton: 'Give feedback',
    toEmployee: (p) =>
      `${p.leader} recorded a ${p.kind} session with you (${p.date}). Topic: ${p.topic}.${p.followUp ? ` Follow-up: ${p.followUp}.` : ''} ` +
      `Fill in the Umpan Balik Pelaksanaan Bimbingan Kinerja (Format B.1.8): your answers go to ${p.recipient}, ${p.leader}'s superior – not to ${p.leader}.`,
    noRecipient: "your leader's superior",
    feedbackIntro: (p) => `The session with ${p.leader} (${p.date}). Your answers go to ${p.recipient}, not to ${p.leader}. How much do you agree (1 = strongly disagree, 5 = strongly agree)?`,
    groupTENTANG_PEGAWAI: 'About the employee',
    groupTENTANG_PIMPINAN: 'About the leader',
    groupTENTANG_KEDUANYA: 'About both',
    statementP_PURPOSE: 'I understand the purpose and aims of this guidance.',
    statementP_SPOKE_FREELY: 'I could speak freely about my views and obstacles.',
    statementP_NEXT_STEPS: 'I know the steps I will take after this guidance.',
    statementL_FACTS: 'The leader gave views based on accurate data and facts.',
    statementL_ASKS: 'The leader asked more than lectured.',
    statementL_LISTENS: 'The leader listened to me seriously.',
    statementB_SOLUTIONS: 'I was helped to find solutions to my performance obstacles.',
    statementB_AGREED: 'We agreed on expectations and follow-up together.',
    statementB_RESPECT: 'The guidance took place with mutual respect.',
    feedbackSaved: (p) => `Thank you. Your feedback goes to ${p.recipient}; the leader who guided you does not receive it.`,
    feedbackKept: "Thank you. Your feedback is saved; your leader's superior is not in the bot, so nobody is told, and the leader who guided you does not receive it.",
    feedbackToSuperior: (p) =>
      `Feedback on a performance guidance session (Format B.1.8) from ${p.employee} about the session with ${p.leader} on ${p.date}: ${p.average} out of 5 on average. It is for you as ${p.leader}'s superior; ${p.leader} does not receive it.`,
    competencyTitle: 'Competency evaluation (Format B.1.9)',
    competencyButton: 'Evaluate competencies',
    competencyPrompt: (p) => `As the follow-up of the session with ${p.name} (${p.date}), evaluate the competencies it concerned (Format B.1.9): a score of 1–5 with its reason.`,
    askSession: (p) => `Which guidance session with ${p.name}?`,
    noSessions: (p) => `There is no guidance session with ${p.name} whose competencies are not evaluated yet. Record the session first with ${cmd('bimbingan')}.`,
    sessionOption: (p) => `${p.date}: ${p.topic}`,
    askCompetency: (p) => `Competency ${p.index}: its name?`,
    askScore: (p) => `Score for ${p.competency} (1–5)?`,
    askReason: (p) => `The reason for the score of ${p.competency}?`,
    askMore: 'Add another competency?',
    competencySaved: (p) => `The evaluation of ${p.count === 1 ? '1 competency' : `${p.count} competencies`} for ${p.name} is recorded and sent to them.`,
    competencyToEmployee: (p) => `${p.leader} evaluated your competencies as the follow-up of the guidance session of ${p.date} (Format B.1.9):`,
    competencyDone: "This session's competencies are evaluated already.",
    competencyNotLeader: 'The competency evaluation is filled in by the leader who gave the guidance.',
    competencyTooMany: (p) => `At most ${p.max} competencies in one evaluation.`,
  },
);
