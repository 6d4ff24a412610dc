/** Texts of the personal dashboard (Slack's App Home). */
import { catalogue } from './catalogue.js';

export const homeText = catalogue(
  {
    title: (p: { name: string }) => `Dialog Kinerja – ${p.name}`,
    feedbackTitle: 'Umpan balik terakhir untuk Anda',
    noFeedback: 'Belum ada umpan balik.',
    feedbackLine: (p: { kind: string; from: string; date: string; text: string }) => `${p.kind} dari ${p.from} (${p.date}): ${p.text}`,
    obstaclesTitle: 'Kendala Anda yang masih terbuka',
    noObstacles: 'Tidak ada kendala terbuka.',
    obstacleLine: (p: { date: string; text: string; answered: boolean }) => `${p.date}: ${p.text}${p.answered ? ' (sudah ditanggapi)' : ' (menunggu tanggapan)'}`,
    kindAPRESIASI: 'Apresiasi',
    kindPERBAIKAN: 'Saran perbaikan',
    more: 'Selebihnya tidak muat di sini: lihat /kinerja skp dan /kinerja tim.',
    notLinked: 'Akun Slack ini belum terhubung dengan data pegawai. Kirim pesan ke aplikasi ini atau ketik /kinerja hubungkan KODE.',
  },
  {
    title: (p) => `Dialog Kinerja – ${p.name}`,
    feedbackTitle: 'Latest feedback to you',
    noFeedback: 'No feedback yet.',
    feedbackLine: (p) => `${p.kind} from ${p.from} (${p.date}): ${p.text}`,
    obstaclesTitle: 'Your open obstacles',
    noObstacles: 'No open obstacles.',
    obstacleLine: (p) => `${p.date}: ${p.text}${p.answered ? ' (answered)' : ' (waiting for an answer)'}`,
    kindAPRESIASI: 'Appreciation',
    kindPERBAIKAN: 'Suggestion',
    more: 'The rest does not fit here: see /kinerja skp and /kinerja tim.',
    notLinked: 'This Slack account is not linked to an employee yet. Send this app a message, or type /kinerja hubungkan CODE.',
  },
);
