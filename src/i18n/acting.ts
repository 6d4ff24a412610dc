/** Texts of /plt (HR records and ends Plt./Plh. in chat) and of the notices to the people concerned. */
import { catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

type Kind = 'PLT' | 'PLH';
type Line = { kind: Kind; acting: string; official: string; position: string; start: string; end: string; note: string | null };
type Pair = { acting: string; official: string };

const KIND_ID: Record<Kind, string> = { PLT: 'Plt.', PLH: 'Plh.' };
const KIND_LONG_ID: Record<Kind, string> = { PLT: 'Plt. (pelaksana tugas)', PLH: 'Plh. (pelaksana harian)' };
const KIND_LONG_EN: Record<Kind, string> = { PLT: 'Plt. (acting official)', PLH: 'Plh. (standing in while away)' };

export const actingText = catalogue(
  {
    title: 'Pencatatan Plt./Plh.',
    notHr: 'Perintah ini hanya untuk Pengelola Kinerja.',
    listTitle: 'Plt./Plh. yang sedang dan akan bertugas di lingkup Anda:',
    listNone: 'Belum ada Plt./Plh. yang sedang atau akan bertugas di lingkup Anda.',
    line: (p: Line) => `${KIND_ID[p.kind]} ${p.acting} untuk ${p.official} (${p.position}): ${p.start} s.d. ${p.end}${p.note ? ` – ${p.note}` : ''}`,
    askAction: 'Catat Plt./Plh. baru, atau pilih yang ingin diakhiri lebih awal.',
    optionNew: 'Catat Plt./Plh. baru',
    optionEnd: (p: { kind: Kind } & Pair) => `Akhiri: ${KIND_ID[p.kind]} ${p.acting} untuk ${p.official}`,
    askActing: 'Siapa yang menjadi Plt./Plh.? Ketik nama atau NIP-nya.',
    pickActing: 'Beberapa pegawai cocok. Pilih yang menjadi Plt./Plh.:',
    askOfficial: (p: { acting: string }) => `${p.acting} menggantikan siapa? Ketik nama atau NIP pejabatnya.`,
    pickOfficial: 'Beberapa pegawai cocok. Pilih pejabat yang digantikan:',
    noMatch: (p: { query: string }) => `Tidak ada pegawai dalam lingkup Anda yang cocok dengan "${p.query}". Coba nama lain atau NIP 18 digit.`,
    noActiveMatch: (p: { query: string }) => `Tidak ada pegawai aktif dalam lingkup Anda yang cocok dengan "${p.query}". Coba nama lain atau NIP 18 digit.`,
    tooMany: (p: { query: string }) => `Terlalu banyak pegawai yang cocok dengan "${p.query}"; ketik nama lebih lengkap atau NIP.`,
    personLabel: (p: { name: string; position: string; nip: string; active: boolean }) => `${p.name} – ${p.position} (NIP ${p.nip})${p.active ? '' : ' – tidak aktif'}`,
    askKind: (p: Pair) =>
      `Plt. atau Plh.? Plt. (pelaksana tugas) bila jabatan ${p.official} kosong atau pejabatnya berhalangan tetap; Plh. (pelaksana harian) bila berhalangan sementara. ` +
      `Untuk penilaian kinerja keduanya sama: ${p.acting} menetapkan SKP, menilai dan memutus keberatan seperti pejabatnya.`,
    kindPLT: 'Plt.',
    kindPLH: 'Plh.',
    askStart: 'Mulai tanggal berapa? (mis. 2027-01-04, 04-01-2027 atau "hari ini")',
    askEnd: 'Sampai tanggal berapa? (hari terakhir ikut dihitung)',
    askNote: 'Catatan, mis. nomor SK? (Lewati bila tidak ada.)',
    fixDates: (p: { problem: string }) => `${p.problem} Ketik ${cmd('kembali')} untuk mengubah tanggal mulai, atau ${cmd('batal')}.`,
    confirm: (p: Line) =>
      `Catat ${KIND_ID[p.kind]} ${p.acting} untuk ${p.official} (${p.position}), ${p.start} s.d. ${p.end}${p.note ? ` (${p.note})` : ''}? ` +
      `Selama itu ${p.acting} menetapkan SKP, menilai dan memutus keberatan bagi bawahan ${p.official}. Keduanya diberi tahu.`,
    saved: (p: Line) => `${KIND_ID[p.kind]} dicatat: ${p.acting} untuk ${p.official}, ${p.start} s.d. ${p.end}.`,
    notSaved: 'Tidak ada yang dicatat.',
    refused: (p: { reason: string }) => `Tidak dicatat: ${p.reason}`,
    SELF: (p: Pair) => `${p.acting} tidak dapat menjadi Plt./Plh. bagi dirinya sendiri.`,
    END_BEFORE_START: (_p: Pair) => 'tanggal selesai sebelum tanggal mulai.',
    OFFICIAL_ALREADY_COVERED: (p: Pair) => `sudah ada Plt./Plh. untuk ${p.official} pada sebagian tanggal itu (lihat ${cmd('plt')}).`,
    CYCLE: (p: Pair) => `${p.official} sendiri menjadi Plt./Plh. untuk ${p.acting} pada sebagian tanggal itu; keduanya tidak dapat saling menggantikan.`,
    INACTIVE: (p: { person: string }) => `${p.person} tidak aktif dan tidak dapat menjadi Plt./Plh.`,
    OUT_OF_SCOPE: (p: { person: string }) => `${p.person} di luar lingkup Anda sebagai Pengelola Kinerja.`,
    NOT_FOUND: `pegawai atau penugasan itu tidak ditemukan lagi; ketik ${cmd('plt')} untuk daftar terbaru.`,
    NOT_IN_FORCE: (p: { start: string; end: string }) => `tanggal itu di luar masa tugasnya (${p.start} s.d. ${p.end}).`,
    askEndOn: (p: Line) => `${KIND_ID[p.kind]} ${p.acting} untuk ${p.official} berlaku ${p.start} s.d. ${p.end}. Hari terakhir bertugas tanggal berapa? (mis. "hari ini")`,
    confirmEnd: (p: Pair & { kind: Kind; on: string }) => `Akhiri ${KIND_ID[p.kind]} ${p.acting} untuk ${p.official} pada ${p.on}? Mulai hari berikutnya ${p.acting} tidak lagi menggantikan ${p.official}.`,
    ended: (p: Pair & { kind: Kind; on: string }) => `${KIND_ID[p.kind]} ${p.acting} untuk ${p.official} berakhir ${p.on}.`,
    notEnded: 'Tidak ada yang diubah.',
    // Notices to the people concerned.
    byHr: 'Pengelola Kinerja',
    toActing: (p: Line & { by: string }) =>
      `${p.by} mencatat Anda sebagai ${KIND_LONG_ID[p.kind]} ${p.position}, menggantikan ${p.official}, ${p.start} s.d. ${p.end}. ` +
      `Selama itu Anda menetapkan SKP, menilai dan memutus keberatan bagi bawahan beliau seperti pejabatnya (lihat ${cmd('saya')}).`,
    toOfficial: (p: Line & { by: string }) => `${p.by} mencatat ${p.acting} sebagai ${KIND_LONG_ID[p.kind]} untuk jabatan Anda (${p.position}), ${p.start} s.d. ${p.end}.`,
    endedToActing: (p: Line) => `Tugas Anda sebagai ${KIND_ID[p.kind]} ${p.position} (menggantikan ${p.official}) berakhir ${p.end}.`,
    endedToOfficial: (p: Line) => `Tugas ${p.acting} sebagai ${KIND_ID[p.kind]} untuk jabatan Anda berakhir ${p.end}.`,
  },
  {
    title: 'Recording a Plt./Plh.',
    notHr: 'This command is for HR (Pengelola Kinerja) only.',
    listTitle: 'Current and upcoming Plt./Plh. in your scope:',
    listNone: 'No current or upcoming Plt./Plh. in your scope.',
    line: (p) => `${KIND_ID[p.kind]} ${p.acting} for ${p.official} (${p.position}): ${p.start} to ${p.end}${p.note ? ` – ${p.note}` : ''}`,
    askAction: 'Record a new Plt./Plh., or choose one to end early.',
    optionNew: 'Record a new Plt./Plh.',
    optionEnd: (p) => `End: ${KIND_ID[p.kind]} ${p.acting} for ${p.official}`,
    askActing: 'Who is the Plt./Plh.? Type their name or NIP.',
    pickActing: 'Several people match. Choose the Plt./Plh.:',
    askOfficial: (p) => `Whom does ${p.acting} stand in for? Type the official's name or NIP.`,
    pickOfficial: 'Several people match. Choose the official:',
    noMatch: (p) => `Nobody in your scope matches "${p.query}". Try another name or the 18-digit NIP.`,
    noActiveMatch: (p) => `No active employee in your scope matches "${p.query}". Try another name or the 18-digit NIP.`,
    tooMany: (p) => `Too many people match "${p.query}"; type more of the name, or the NIP.`,
    personLabel: (p) => `${p.name} – ${p.position} (NIP ${p.nip})${p.active ? '' : ' – inactive'}`,
    askKind: (p) =>
      `Plt. or Plh.? Plt. (acting official) when ${p.official}'s post is vacant or its holder permanently absent; Plh. when they are away for a while. ` +
      `For performance management both are the same: ${p.acting} sets SKP, evaluates and decides keberatan as the official would.`,
    kindPLT: 'Plt.',
    kindPLH: 'Plh.',
    askStart: 'From which date? (e.g. 2027-01-04, 04-01-2027 or "today")',
    askEnd: 'Until which date? (the last day counts)',
    askNote: 'A note, e.g. the decree (SK) number? (Skip if none.)',
    fixDates: (p) => `${p.problem} Type ${cmd('kembali')} to change the start date, or ${cmd('batal')}.`,
    confirm: (p) =>
      `Record ${KIND_ID[p.kind]} ${p.acting} for ${p.official} (${p.position}), ${p.start} to ${p.end}${p.note ? ` (${p.note})` : ''}? ` +
      `During that time ${p.acting} sets SKP, evaluates and decides keberatan for ${p.official}'s reports. Both are told.`,
    saved: (p) => `${KIND_ID[p.kind]} recorded: ${p.acting} for ${p.official}, ${p.start} to ${p.end}.`,
    notSaved: 'Nothing was recorded.',
    refused: (p) => `Not recorded: ${p.reason}`,
    SELF: (p) => `${p.acting} cannot act for themselves.`,
    END_BEFORE_START: () => 'the end date is before the start date.',
    OFFICIAL_ALREADY_COVERED: (p) => `someone already acts for ${p.official} on some of those days (see ${cmd('plt')}).`,
    CYCLE: (p) => `${p.official} acts for ${p.acting} on some of those days; they cannot act for each other.`,
    INACTIVE: (p) => `${p.person} is inactive and cannot act as Plt./Plh.`,
    OUT_OF_SCOPE: (p) => `${p.person} is outside your scope as HR.`,
    NOT_FOUND: `that person or assignment is no longer there; type ${cmd('plt')} for the current list.`,
    NOT_IN_FORCE: (p) => `that day is outside the assignment (${p.start} to ${p.end}).`,
    askEndOn: (p) => `${KIND_ID[p.kind]} ${p.acting} for ${p.official} runs ${p.start} to ${p.end}. Which is the last day? (e.g. "today")`,
    confirmEnd: (p) => `End ${KIND_ID[p.kind]} ${p.acting} for ${p.official} on ${p.on}? From the next day ${p.acting} no longer stands in for ${p.official}.`,
    ended: (p) => `${KIND_ID[p.kind]} ${p.acting} for ${p.official} ends on ${p.on}.`,
    notEnded: 'Nothing was changed.',
    byHr: 'HR',
    toActing: (p) =>
      `${p.by} recorded you as ${KIND_LONG_EN[p.kind]} ${p.position}, standing in for ${p.official}, ${p.start} to ${p.end}. ` +
      `During that time you set SKP, evaluate and decide keberatan for their reports as the official would (see ${cmd('saya')}).`,
    toOfficial: (p) => `${p.by} recorded ${p.acting} as ${KIND_LONG_EN[p.kind]} for your post (${p.position}), ${p.start} to ${p.end}.`,
    endedToActing: (p) => `Your time as ${KIND_ID[p.kind]} ${p.position} (standing in for ${p.official}) ends on ${p.end}.`,
    endedToOfficial: (p) => `${p.acting}'s time as ${KIND_ID[p.kind]} for your post ends on ${p.end}.`,
  },
);
