/**
 * Texts of check-in schedules, shared by the CLI (`schedule …`) and /jadwal in chat.
 */
import { countOf, catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const scheduleText = catalogue(
  {
    questionNames: 'kendala,dukungan,suasana',
    questionLabels: 'progres|kendala|dukungan yang diperlukan|suasana hati',
    describe: (p: { day: string; time: string; reminder: number; deadline: number; escalation: string; questions: string }) =>
      `${p.day} pukul ${p.time}; pengingat setelah ${p.reminder} jam; ditutup setelah ${p.deadline} jam; ${p.escalation}; pertanyaan: ${p.questions}`,
    escalationOff: 'atasan tidak diberi tahu bila terlewat',
    escalationAfter: (p: { weeks: number }) => `atasan diberi tahu setelah ${p.weeks} minggu terlewat berturut-turut`,
    listHeader: (p: { agency: string }) =>
      `Jadwal laporan progres mingguan ${p.agency} (jam menurut zona waktu masing-masing pegawai):`,
    listDefault: (p: { settings: string }) => `• Bawaan untuk unit tanpa jadwal sendiri: ${p.settings}`,
    listUnit: (p: { unit: string; settings: string }) => `• ${p.unit} (beserta sub-unitnya): ${p.settings}`,
    saved: (p: { unit: string; settings: string }) =>
      `Jadwal laporan progres mingguan ${p.unit} (beserta sub-unitnya) disimpan: ${p.settings}. ` +
      'Berlaku dalam satu menit. Permintaan laporan yang sudah dikirim minggu ini tidak dikirim ulang; bila waktu baru minggu ini sudah lewat tetapi belum ditutup, permintaan laporan dikirim saat itu juga.',
    reset: (p: { unit: string }) => `${p.unit} kembali memakai jadwal unit induknya (atau jadwal bawaan).`,
    resetNothing: (p: { unit: string }) => `${p.unit} tidak punya jadwal sendiri; tidak ada yang diubah.`,
    badDay: (p: { value: string }) => `Hari "${p.value}" tidak dikenal. Tulis nama hari (Senin … Minggu) atau angka 1–7 (1 = Senin).`,
    badTime: (p: { value: string }) => `Jam "${p.value}" tidak valid. Tulis seperti 14:00 atau 14.00.`,
    badHours: (p: { option: string; value: string }) => `${p.option} "${p.value}" harus bilangan bulat jam.`,
    badQuestions: (p: { value: string }) =>
      `Pertanyaan "${p.value}" tidak dikenal. Pilih dari kendala, dukungan, suasana (dipisah koma), atau "-" untuk progres saja.`,
    deadlineRange: 'Batas waktu harus antara 1 dan 167 jam, agar laporan ditutup sebelum laporan minggu berikutnya.',
    reminderRange: 'Pengingat harus minimal 1 jam dan lebih awal dari batas waktu.',
    escalationRange: 'Jumlah minggu terlewat sebelum atasan diberi tahu harus 0 (tidak pernah) sampai 12.',
    // /jadwal in chat
    scheduleTitle: 'Jadwal laporan progres mingguan',
    scheduleNoUnits: 'Belum ada unit untuk diberi jadwal; impor organisasi dulu.',
    scheduleUnitUnknown: (p: { name: string }) => `Unit "${p.name}" tidak ditemukan dalam lingkup Anda. Ketik ${cmd('jadwal')} tanpa nama untuk seluruh lingkup Anda.`,
    scheduleUnitAmbiguous: (p: { name: string; count: number }) => `Ada ${p.count} unit bernama "${p.name}"; minta admin memberi nama yang berbeda.`,
    scheduleNow: (p: { scope: string; settings: string }) => `Jadwal laporan progres mingguan ${p.scope} saat ini: ${p.settings}.`,
    askDay: (p: { now: string }) => `Hari apa permintaan laporan progres dikirim? (Lewati untuk tetap ${p.now}.)`,
    askTime: (p: { now: string }) => `Pukul berapa, menurut zona waktu masing-masing pegawai? Misalnya 14:00. (Lewati untuk tetap ${p.now}.)`,
    askDeadline: (p: { now: number }) => `Laporan ditutup berapa jam setelah permintaannya dikirim? Paling lama 167 jam. (Lewati untuk tetap ${p.now} jam.)`,
    askReminder: (p: { now: number; deadline: number }) =>
      `Pengingat dikirim berapa jam setelah permintaan laporan bila belum diisi? Harus kurang dari ${p.deadline} jam. (Lewati untuk tetap ${p.now} jam.)`,
    askEscalate: (p: { now: number }) =>
      `Setelah berapa minggu terlewat berturut-turut atasan diberi tahu? 0 berarti tidak pernah. (Lewati untuk tetap ${p.now}.)`,
    askQuestions: 'Selain progres, pertanyaan mana yang diajukan? (Lewati untuk tetap seperti sekarang.)',
    confirmSchedule: (p: { scope: string; settings: string }) => `Simpan jadwal laporan progres mingguan ${p.scope} berikut? ${p.settings}.`,
    scheduleProblem: (p: { problem: string }) => `Jadwal ini tidak dapat dipakai: ${p.problem}`,
    scheduleUnchanged: 'Jadwal tidak diubah.',
    wholeScope: (p: { name: string }) => `seluruh ${p.name}`,
  },
  {
    questionNames: 'obstacle,support,mood',
    questionLabels: 'progress|obstacles|support needed|mood',
    describe: (p) =>
      `${p.day} at ${p.time}; reminder after ${countOf(p.reminder, 'hour', 'hours')}; closed after ${countOf(p.deadline, 'hour', 'hours')}; ${p.escalation}; questions: ${p.questions}`,
    escalationOff: 'the supervisor is not told about missed weeks',
    escalationAfter: (p) => `the supervisor is told after ${p.weeks} missed weeks in a row`,
    listHeader: (p) => `Check-in schedules of ${p.agency} (times in each employee's own time zone):`,
    listDefault: (p) => `• Default for units without their own schedule: ${p.settings}`,
    listUnit: (p) => `• ${p.unit} (with its sub-units): ${p.settings}`,
    saved: (p) =>
      `Check-in schedule of ${p.unit} (with its sub-units) saved: ${p.settings}. ` +
      "It takes effect within a minute. A check-in already sent this week is not sent again; if this week's new time has passed but the check-in is not closed yet, it goes out right away.",
    reset: (p) => `${p.unit} uses its parent unit's schedule (or the default) again.`,
    resetNothing: (p) => `${p.unit} has no schedule of its own; nothing changed.`,
    badDay: (p) => `Unknown day "${p.value}". Write a day name (Monday … Sunday) or a number 1–7 (1 = Monday).`,
    badTime: (p) => `Time "${p.value}" is not valid. Write it like 14:00 or 14.00.`,
    badHours: (p) => `${p.option} "${p.value}" must be a whole number of hours.`,
    badQuestions: (p) => `Unknown questions "${p.value}". Choose from obstacle, support, mood (comma-separated), or "-" for progress only.`,
    deadlineRange: 'The deadline must be between 1 and 167 hours, so the check-in closes before the next week’s.',
    reminderRange: 'The reminder must be at least 1 hour and earlier than the deadline.',
    escalationRange: 'Missed weeks before the supervisor is told must be 0 (never) to 12.',
    scheduleTitle: 'Check-in schedule',
    scheduleNoUnits: 'There are no units to schedule yet; import the organisation first.',
    scheduleUnitUnknown: (p) => `No unit "${p.name}" in your scope. Type ${cmd('jadwal')} without a name for your whole scope.`,
    scheduleUnitAmbiguous: (p) => `There are ${p.count} units named "${p.name}"; ask the admin to give them different names.`,
    scheduleNow: (p) => `The check-in schedule of ${p.scope} now: ${p.settings}.`,
    askDay: (p) => `On which day is the check-in sent? (Skip to keep ${p.now}.)`,
    askTime: (p) => `At what time, in each employee's own time zone? For example 14:00. (Skip to keep ${p.now}.)`,
    askDeadline: (p) => `How many hours after it is sent does the check-in close? At most 167. (Skip to keep ${p.now} hours.)`,
    askReminder: (p) => `How many hours after the check-in is a reminder sent if it is not filled in? Less than ${p.deadline}. (Skip to keep ${p.now} hours.)`,
    askEscalate: (p) => `After how many missed weeks in a row is the supervisor told? 0 means never. (Skip to keep ${p.now}.)`,
    askQuestions: 'Besides progress, which questions are asked? (Skip to keep them as they are.)',
    confirmSchedule: (p) => `Save this check-in schedule for ${p.scope}? ${p.settings}.`,
    scheduleProblem: (p) => `This schedule cannot be used: ${p.problem}`,
    scheduleUnchanged: 'The schedule was not changed.',
    wholeScope: (p) => `all of ${p.name}`,
  },
);
