/**
 * Texts of the weekly check-in, its reminders and escalation, and leave (cuti).
 */
import { countOf, catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const checkinText = catalogue(
  {
    flowTitle: 'Laporan progres mingguan',
    invitation: (p: { name: string; week: string; due: string }) =>
      `Halo ${p.name}, waktunya mengisi laporan progres mingguan (${p.week}). Beberapa pertanyaan singkat tentang progres pekerjaan Anda. Batas waktu: ${p.due}.`,
    startButton: 'Isi laporan mingguan',
    reminder: (p: { name: string; due: string }) => `Pengingat, ${p.name}: laporan progres minggu ini belum diisi. Batas waktunya ${p.due}.`,
    escalation: (p: { name: string; weeks: number }) =>
      `${p.name} tidak mengisi laporan progres mingguan ${p.weeks} minggu berturut-turut. Mungkin ada yang perlu dibicarakan; sapa langsung atau beri umpan balik (${cmd('umpanbalik')}).`,
    askProgress: (p: { n: number; total: number; rhk: string }) => `Progres minggu ini untuk RHK ${p.n} dari ${p.total}: “${p.rhk}”? (Boleh dilewati.)`,
    askProgressFree: 'Apa saja yang Anda kerjakan dan capai minggu ini?',
    askObstacle: 'Ada kendala yang menghambat pekerjaan Anda? Ceritakan singkat, atau lewati bila tidak ada.',
    askSupport: 'Dukungan apa yang Anda perlukan dari atasan? (Boleh dilewati.)',
    askMood: 'Bagaimana suasana hati Anda tentang pekerjaan minggu ini, dari 1 (sangat berat) sampai 5 (sangat baik)? (Boleh dilewati.)',
    thanks: 'Terima kasih, laporan progres minggu ini tersimpan.',
    obstacleForwarded: (p: { name: string }) => `Kendala Anda diteruskan kepada ${p.name}.`,
    closed: 'Laporan progres minggu ini sudah ditutup. Sampai jumpa pada laporan berikutnya.',
    alreadyAnswered: 'Laporan progres minggu ini sudah Anda isi. Terima kasih!',
    skippedThisWeek: 'Minggu ini Anda tidak perlu mengisi laporan progres (libur atau cuti).',
    notFound: 'Laporan progres ini tidak ditemukan.',
    // Leave
    leaveTitle: 'Cuti',
    askLeaveStart: (p: { name: string }) => `Cuti untuk ${p.name}: mulai tanggal berapa? (Misalnya 2026-12-21 atau 21-12-2026.)`,
    askLeaveEnd: 'Sampai tanggal berapa (termasuk)?',
    askLeaveNote: 'Catatan (misalnya jenis cuti)? Boleh dilewati.',
    leaveEndBeforeStart: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    leaveTooLong: 'Satu catatan cuti paling lama 90 hari; catat bagian berikutnya terpisah.',
    leaveSaved: (p: { name: string; start: string; end: string }) =>
      `Cuti ${p.name} tercatat dari ${p.start} sampai ${p.end}. Selama itu tidak ada laporan progres mingguan.`,
    leaveSavedToEmployee: (p: { by: string; start: string; end: string }) => `${p.by} mencatat cuti Anda dari ${p.start} sampai ${p.end}.`,
    leaveByHr: 'Pengelola Kinerja',
  },
  {
    flowTitle: 'Weekly progress report (check-in)',
    invitation: (p) =>
      `Hello ${p.name}, time for the weekly check-in (${p.week}). A few short questions about how your work is going. Deadline: ${p.due}.`,
    startButton: 'Start check-in',
    reminder: (p) => `Reminder, ${p.name}: this week's check-in is not filled in yet. The deadline is ${p.due}.`,
    escalation: (p) => `${p.name} missed the check-in ${countOf(p.weeks, 'week', 'weeks')} in a row. There may be something to talk about; reach out or give feedback (${cmd('umpanbalik')}).`,
    askProgress: (p) => `Progress this week on RHK ${p.n} of ${p.total}: “${p.rhk}”? (You may skip.)`,
    askProgressFree: 'What did you work on and achieve this week?',
    askObstacle: 'Is anything getting in the way of your work? Describe it briefly, or skip if not.',
    askSupport: 'What support do you need from your supervisor? (You may skip.)',
    askMood: 'How is your mood about your work this week, from 1 (very hard) to 5 (very good)? (You may skip.)',
    thanks: "Thank you, this week's check-in is saved.",
    obstacleForwarded: (p) => `Your obstacle was passed on to ${p.name}.`,
    closed: "This week's check-in is closed. See you at the next one.",
    alreadyAnswered: "You have already filled in this week's check-in. Thank you!",
    skippedThisWeek: 'No check-in for you this week (holiday or leave).',
    notFound: 'This check-in was not found.',
    leaveTitle: 'Leave',
    askLeaveStart: (p) => `Leave for ${p.name}: from which date? (For example 2026-12-21 or 21-12-2026.)`,
    askLeaveEnd: 'Until which date (inclusive)?',
    askLeaveNote: 'A note (for example the kind of leave)? You may skip.',
    leaveEndBeforeStart: 'The end date cannot be before the start date.',
    leaveTooLong: 'One leave record covers at most 90 days; record the next part separately.',
    leaveSaved: (p) => `Leave for ${p.name} recorded from ${p.start} to ${p.end}. No check-ins during that time.`,
    leaveSavedToEmployee: (p) => `${p.by} recorded your leave from ${p.start} to ${p.end}.`,
    leaveByHr: 'Pengelola Kinerja (HR)',
  },
);
