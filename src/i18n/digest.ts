/**
 * Texts of the HR weekly digest, report destinations and the period nudges.
 */
import { countOf, catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const digestText = catalogue(
  {
    title: (p: { scope: string; week: string }) => `Ringkasan mingguan Dialog Kinerja – ${p.scope}, ${p.week}`,
    chartTitle: 'Partisipasi laporan progres mingguan per unit',
    participation: (p: { answered: number; prompted: number; percent: string; previous: string }) =>
      `Laporan progres mingguan: ${p.answered} dari ${p.prompted} pegawai mengisi (${p.percent}; minggu sebelumnya ${p.previous}).`,
    participationNone: 'Laporan progres mingguan: belum ada yang diminta minggu ini.',
    onLeave: (p: { count: number }) => `Cuti atau libur: ${p.count} pegawai.`,
    notLinked: (p: { count: number }) => `Belum menghubungkan akun chat (tidak ditanya): ${p.count} pegawai.`,
    unitsHeading: 'Per unit (mengisi / terlewat / cuti):',
    unitLine: (p: { unit: string; answered: number; missed: number; onLeave: number; percent: string }) =>
      `${p.unit}: ${p.answered} / ${p.missed} / ${p.onLeave} (${p.percent})`,
    plans: (p: { agreed: number; active: number; percent: string }) => `SKP ditetapkan: ${p.agreed} dari ${p.active} pegawai (${p.percent}).`,
    evaluationProgress: (p: { period: string; finalized: number; people: number; percent: string; drafts: number; objections: number; curveReasons: number }) =>
      `Evaluasi ${p.period}: ${p.finalized} dari ${p.people} pegawai ditetapkan (${p.percent}), ${p.drafts} masih draf; ` +
      `${p.objections} keberatan menunggu keputusan; ${p.curveReasons} ditetapkan menyimpang dari Kurva Distribusi (dengan alasan tertulis).`,
    oldObstacles: (p: { count: number }) => `Kendala terbuka lebih dari 7 hari: ${p.count}.`,
    obstacleLine: (p: { name: string; supervisor: string; days: number }) => `${p.name} (atasan: ${p.supervisor}) – ${p.days} hari`,
    silentSupervisors: (p: { count: number }) => `Atasan tanpa dialog dengan bawahan selama 30 hari: ${p.count}.`,
    unreachable: (p: { count: number }) => `Akun chat yang tidak dapat dihubungi (misalnya memblokir bot): ${p.count}.`,
    more: (p: { count: number }) => `… dan ${p.count} lainnya.`,
    none: '–',
    noSupervisor: 'belum tercatat',
    // Destinations
    registered: (p: { agency: string }) => `Grup ini akan menerima ringkasan mingguan ${p.agency} setiap Senin pukul 08.00. Ketik ${cmd('laporan')} untuk ringkasan sekarang, ${cmd('daftarlaporan')} berhenti untuk menghentikannya.`,
    notHr: 'Perintah ini hanya untuk Pengelola Kinerja.',
    registeredPrivate: (p: { agency: string }) => `Chat ini akan menerima ringkasan mingguan ${p.agency} setiap Senin pukul 08.00. Ketik ${cmd('daftarlaporan')} berhenti untuk menghentikannya.`,
    unregistered: 'Ringkasan mingguan tidak lagi dikirim ke sini.',
    notRegistered: 'Chat ini memang tidak menerima ringkasan mingguan; tidak ada yang diubah.',
    // Nudges
    leaderFirst: (p: { year: number; days: number }) =>
      `Rencana SKP ${p.year} Anda belum ditetapkan, padahal RHK bawahan Anda harus mengacu ke RHK Anda. Minta atasan Anda menetapkannya (tenggat ${p.days} hari lagi).`,
    reportsWithoutPlan: (p: { year: number; count: number; days: number }) =>
      `${p.count} bawahan Anda belum memiliki rencana SKP ${p.year}. Tetapkan dengan ${cmd('ekspektasi')} (tenggat ${p.days} hari lagi).`,
    waitingOnLeader: (p: { year: number; leader: string }) =>
      `Rencana SKP ${p.year} Anda belum bisa ditetapkan karena SKP atasan Anda (${p.leader}) belum ditetapkan. Anda tidak perlu berbuat apa-apa sekarang; Anda akan diberi tahu.`,
    answerYourPlan: (p: { year: number; days: number }) =>
      `Rencana SKP ${p.year} Anda menunggu tanggapan Anda (tenggat ${p.days} hari lagi). Ketik ${cmd('skp')}.`,
    periodEnd: (p: { period: string; count: number }) =>
      `${p.period} berakhir hari ini. Evaluasi kinerja periodik untuk ${p.count} bawahan Anda sudah dapat dimulai: ketik ${cmd('evaluasi')}.`,
    evaluationOpens: (p: { periods: string; closes: string }) => `Evaluasi kinerja ${p.periods} dibuka hari ini sampai ${p.closes}. Ketik ${cmd('evaluasi')}: catatan kinerja setiap bawahan ditampilkan saat Anda menilai.`,
    evaluationCloses: (p: { period: string; closes: string; count: number }) =>
      `Evaluasi ${p.period} ditutup ${p.closes}: ${p.count} bawahan Anda belum dinilai atau hasilnya belum ditetapkan. Ketik ${cmd('evaluasi')}.`,
    noDialogue: (p: { name: string; days: number }) =>
      `Sudah ${p.days} hari tidak ada dialog kinerja dengan ${p.name} (umpan balik, klarifikasi atau tanggapan kendala). Sapa lewat ${cmd('umpanbalik')} ${p.name}.`,
    keberatanReminder: (p: { name: string; days: number; by: string }) =>
      `Keberatan ${p.name} sudah ${p.days} hari menunggu keputusan Anda (target ${p.by}): tunjangan, angka kredit dan kenaikan pangkat menunggunya. Ketik ${cmd('keberatan')}.`,
    penetapanReady: (p: { organisation: string; period: string; count: number }) =>
      `Semua ${p.count} usulan hasil evaluasi ${p.period} untuk ${p.organisation} sudah masuk. Tetapkan Predikat Kinerja dengan ${cmd('tetapkanpredikat')}: hasilnya baru dikirim kepada pegawai setelah ditetapkan.`,
    keberatanOverdue: (p: { name: string; days: number; decider: string }) =>
      `Keberatan ${p.name} sudah ${p.days} hari belum diputuskan oleh ${p.decider}, melewati target 14 hari. Mohon tindak lanjuti dengan pejabat tersebut.`,
  },
  {
    title: (p) => `Dialog Kinerja weekly digest – ${p.scope}, ${p.week}`,
    chartTitle: 'Weekly check-in participation by unit',
    participation: (p) => `Check-ins: ${p.answered} of ${countOf(p.prompted, 'employee', 'employees')} answered (${p.percent}; the week before ${p.previous}).`,
    participationNone: 'Check-ins: none this week yet.',
    onLeave: (p) => `On leave or holiday: ${countOf(p.count, 'employee', 'employees')}.`,
    notLinked: (p) => `Not linked to a chat account (not asked): ${countOf(p.count, 'employee', 'employees')}.`,
    unitsHeading: 'By unit (answered / missed / leave):',
    unitLine: (p) => `${p.unit}: ${p.answered} / ${p.missed} / ${p.onLeave} (${p.percent})`,
    plans: (p) => `Performance plans established: ${p.agreed} of ${countOf(p.active, 'employee', 'employees')} (${p.percent}).`,
    evaluationProgress: (p) =>
      `Evaluation ${p.period}: ${p.finalized} of ${countOf(p.people, 'employee', 'employees')} finalised (${p.percent}), ${p.drafts} still drafts; ` +
      `${p.objections} objections awaiting a decision; ${p.curveReasons} finalised off the distribution curve (with a written reason).`,
    oldObstacles: (p) => `Obstacles open for more than 7 days: ${p.count}.`,
    obstacleLine: (p) => `${p.name} (supervisor: ${p.supervisor}) – ${countOf(p.days, 'day', 'days')}`,
    silentSupervisors: (p) => `Supervisors with no dialogue with their reports for 30 days: ${p.count}.`,
    unreachable: (p) => `Chat accounts that cannot be reached (e.g. they blocked the bot): ${p.count}.`,
    more: (p) => `… and ${p.count} more.`,
    none: '–',
    noSupervisor: 'not recorded',
    registered: (p) => `This group will get the ${p.agency} weekly digest every Monday at 08:00. Type ${cmd('laporan')} for a digest now, ${cmd('daftarlaporan')} berhenti to stop it.`,
    notHr: 'This command is for HR (Pengelola Kinerja) only.',
    registeredPrivate: (p) => `This chat will get the ${p.agency} weekly digest every Monday at 08:00. Type ${cmd('daftarlaporan')} berhenti to stop it.`,
    unregistered: 'The weekly digest no longer comes here.',
    notRegistered: 'This chat does not get the weekly digest; nothing changed.',
    leaderFirst: (p) =>
      `Your ${p.year} performance plan is not established yet, and your reports' RHK must build on yours. Ask your supervisor to set it (deadline in ${countOf(p.days, 'day', 'days')}).`,
    reportsWithoutPlan: (p) => `${p.count} of your reports ${p.count === 1 ? 'has' : 'have'} no ${p.year} performance plan. Set them with ${cmd('ekspektasi')} (deadline in ${countOf(p.days, 'day', 'days')}).`,
    waitingOnLeader: (p) =>
      `Your ${p.year} plan cannot be set yet because your supervisor's own plan (${p.leader}) is not established. Nothing to do for now; you will be told.`,
    answerYourPlan: (p) => `Your ${p.year} performance plan is waiting for your response (deadline in ${countOf(p.days, 'day', 'days')}). Type ${cmd('skp')}.`,
    periodEnd: (p) => `${p.period} ends today. You can start the periodic performance evaluation of your ${countOf(p.count, 'report', 'reports')}: type ${cmd('evaluasi')}.`,
    evaluationOpens: (p) => `The performance evaluation of ${p.periods} opens today, until ${p.closes}. Type ${cmd('evaluasi')}: each report's record is shown as you rate.`,
    evaluationCloses: (p) => `The evaluation of ${p.period} closes on ${p.closes}: ${p.count} of your reports are not rated or not finalised yet. Type ${cmd('evaluasi')}.`,
    noDialogue: (p) => `No performance dialogue with ${p.name} for ${countOf(p.days, 'day', 'days')} (feedback, clarification or an obstacle response). Reach out with ${cmd('umpanbalik')} ${p.name}.`,
    keberatanReminder: (p) => `${p.name}'s keberatan has waited ${countOf(p.days, 'day', 'days')} for your decision (target ${p.by}): allowances, credit points and promotion wait on it. Type ${cmd('keberatan')}.`,
    penetapanReady: (p) =>
      `All ${countOf(p.count, 'proposed result', 'proposed results')} of ${p.period} for ${p.organisation} are in. Establish the performance ratings with ${cmd('tetapkanpredikat')}: the employees receive their results only then.`,
    keberatanOverdue: (p) => `${p.name}'s keberatan has waited ${countOf(p.days, 'day', 'days')} for ${p.decider}'s decision, past the 14-day target. Please follow it up with that official.`,
  },
);
