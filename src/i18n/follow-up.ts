/**
 * Texts of the follow-up (tindak lanjut) to an evaluation: the rater's proposal, HR recording the
 * authorised official's decision, the disciplinary route, and the Penetapan Angka Kredit. The rules
 * and their sources: src/domain/follow-up.ts, src/services/follow-up-service.ts,
 * src/services/credit-points-service.ts.
 */
import { catalogue } from './catalogue.js';
import { cmd } from './command-names.js';

export const followUpText = catalogue(
  {
    title: 'Usulan tindak lanjut evaluasi',
    decisionTitle: 'Keputusan tindak lanjut',
    askReport: 'Usulan tindak lanjut untuk evaluasi siapa?',
    noEvaluations: (p: { name: string }) => `${p.name} belum memiliki evaluasi yang ditetapkan.`,
    askEvaluation: (p: { name: string }) => `Evaluasi ${p.name} yang mana?`,
    evaluationOption: (p: { period: string; predikat: string }) => `${p.period}: ${p.predikat}`,
    askKind: (p: { name: string; predikat: string }) =>
      `Predikat ${p.name}: ${p.predikat}. Jenis tindak lanjut yang Anda usulkan? Anda mengusulkan; keputusan ada pada Pejabat Pembina Kepegawaian atau pejabat yang berwenang atas pertimbangan Tim Penilai Kinerja PNS.`,
    creditPoints: (p: { level: string; coefficient: string; percent: string; points: string }) =>
      `Konversi angka kredit (jabatan fungsional ${p.level}): ${p.percent} dari koefisien tahunan ${p.coefficient} = ${p.points}.`,
    creditPointsPartial: (p: { level: string; months: number; coefficient: string; percent: string; points: string }) =>
      `Konversi angka kredit periode SKP ini (jabatan fungsional ${p.level}): ${p.months}/12 × ${p.percent} × koefisien tahunan ${p.coefficient} = ${p.points} (cara BKN untuk sebagian tahun).`,
    pppk: 'PPPK: perpanjangan perjanjian kerja didasarkan pada capaian kinerja, kesesuaian kompetensi dan kebutuhan instansi, dengan persetujuan Pejabat Pembina Kepegawaian (PP 49/2018 Pasal 37); tidak ada batas predikat minimal.',
    disciplinaryRoute: (p: { predikat: string }) =>
      `Predikat ${p.predikat} berarti perilaku kerja di bawah ekspektasi. Dugaan pelanggaran disiplin tidak ditindaklanjuti dengan "sanksi" di sini, tetapi melalui jalur disiplin PNS (PP 94/2021): atasan langsung memanggil pegawai secara tertulis untuk pemeriksaan (Pasal 26), dan hukuman disiplin hanya dijatuhkan oleh pejabat yang berwenang menghukum (Pasal 16). Bagi PPPK berlaku ketentuan disiplin PP 49/2018.`,
    disciplinaryKind: 'Sanksi tidak diusulkan di sini: perilaku di bawah ekspektasi ditangani melalui jalur disiplin PNS (PP 94/2021), hasil kerja di bawah target dapat diusulkan sebagai Penempatan.',
    kindPENGHARGAAN: 'Penghargaan',
    kindSANKSI: 'Sanksi (lama)',
    kindPENGEMBANGAN: 'Pengembangan kompetensi',
    kindPENEMPATAN: 'Penempatan (mutasi/promosi/demosi)',
    askRecommendation: 'Usulan Anda (mis. pelatihan tertentu, bentuk penghargaan, jabatan tujuan)?',
    saved: (p: { kind: string; name: string }) =>
      `Usulan ${p.kind} untuk ${p.name} tercatat. Keputusannya diambil oleh Pejabat Pembina Kepegawaian atau pejabat yang berwenang atas pertimbangan Tim Penilai Kinerja PNS; pengelola kinerja mencatatnya dengan nomor dan tanggal dokumennya, lalu Anda dan ${p.name} diberi tahu.`,
    noRecorder: 'Belum ada pengelola kinerja di bot yang menaungi pegawai ini, jadi belum ada yang diberi tahu; sampaikan usulan ini kepada bagian kepegawaian.',
    toRecorder: (p: { rater: string; kind: string; name: string; period: string }) =>
      `${p.rater} mengusulkan ${p.kind} untuk ${p.name} (evaluasi ${p.period}). Setelah pejabat yang berwenang memutuskan atas pertimbangan Tim Penilai Kinerja PNS, catat keputusannya dengan nomor dan tanggal dokumennya:`,
    decideButton: 'Catat keputusan',
    notRecorder: 'Keputusan tindak lanjut dicatat oleh pengelola kinerja yang menaungi pegawai, dari dokumen keputusan pejabat yang berwenang.',
    alreadyDecided: 'Keputusan atas usulan ini sudah tercatat.',
    askOutcome: (p: { kind: string; name: string; recommendation: string }) => `Usulan ${p.kind} untuk ${p.name}: "${p.recommendation}". Keputusan pejabat yang berwenang?`,
    outcomeDISETUJUI: 'Disetujui',
    outcomeDITOLAK: 'Tidak disetujui',
    askOfficial: 'Pejabat yang memutuskan (nama dan jabatan, seperti tertulis di dokumen)?',
    askConsideration: 'Nomor pertimbangan Tim Penilai Kinerja PNS (mis. berita acara sidang; boleh dilewati)?',
    askDocument: 'Nomor dokumen keputusan?',
    askDecidedOn: 'Tanggal dokumen keputusan? (mis. 15-01-2027)',
    dateInFuture: 'Tanggal itu belum lewat: catat keputusan yang sudah ditetapkan.',
    incomplete: 'Nama pejabat, nomor dan tanggal dokumen wajib diisi.',
    askNote: 'Catatan (mis. isi keputusan; boleh dilewati)?',
    decisionSaved: 'Keputusan tindak lanjut tercatat dan diteruskan kepada Pejabat Penilai Kinerja dan pegawai.',
    decisionToOthers: (p: { kind: string; name: string; outcome: string; official: string; document: string; date: string }) =>
      `Keputusan atas usulan ${p.kind} untuk ${p.name}: ${p.outcome}, oleh ${p.official} (dokumen ${p.document}, ${p.date}).`,
    statusLegacy: (p: { kind: string; decision: string }) => `Usulan ${p.kind}: diputuskan (catatan lama): ${p.decision}`,
    statusPending: (p: { kind: string }) => `Usulan ${p.kind}: menunggu keputusan pejabat yang berwenang.`,
    statusDecided: (p: { kind: string; outcome: string; official: string; document: string; date: string }) => `Usulan ${p.kind}: ${p.outcome} oleh ${p.official} (dokumen ${p.document}, ${p.date}).`,
    pakLine: (p: { number: string; date: string; points: string; months: number; level: string }) =>
      `Penetapan Angka Kredit ${p.number} (${p.date}): ${p.points} angka kredit, ${p.months}/12 tahun, jabatan fungsional ${p.level}.`,
    pakToEmployee: (p: { number: string; date: string; points: string; period: string }) =>
      `Penetapan Angka Kredit Anda untuk ${p.period} tercatat: nomor ${p.number}, tanggal ${p.date}, ${p.points} angka kredit. Lihat ${cmd('hasil')}.`,
  },
  {
    title: 'Follow-up proposal',
    decisionTitle: 'Follow-up decision',
    askReport: 'A follow-up proposal for whose evaluation?',
    noEvaluations: (p) => `${p.name} has no established evaluation yet.`,
    askEvaluation: (p) => `Which evaluation of ${p.name}?`,
    evaluationOption: (p) => `${p.period}: ${p.predikat}`,
    askKind: (p) =>
      `${p.name}’s predikat: ${p.predikat}. What follow-up do you propose? You propose; the Pejabat Pembina Kepegawaian or the authorised official decides on the consideration of the Tim Penilai Kinerja PNS.`,
    creditPoints: (p) => `Credit-point conversion (functional position ${p.level}): ${p.percent} of the annual coefficient ${p.coefficient} = ${p.points}.`,
    creditPointsPartial: (p) =>
      `Credit-point conversion for this SKP period (functional position ${p.level}): ${p.months}/12 × ${p.percent} × annual coefficient ${p.coefficient} = ${p.points} (BKN's method for part of a year).`,
    pppk: "PPPK: extending the work agreement rests on performance, competence fit and the agency's need, with the approval of the Pejabat Pembina Kepegawaian (PP 49/2018 Article 37); there is no minimum predikat.",
    disciplinaryRoute: (p) =>
      `The predikat ${p.predikat} means work behaviour below expectation. A suspected breach of discipline is not followed up with a "sanction" here but on the civil-service disciplinary route (PP 94/2021): the direct superior summons the employee in writing for an examination (Article 26), and only the official authorised to impose penalties imposes one (Article 16). For PPPK the discipline provisions of PP 49/2018 apply.`,
    disciplinaryKind: 'Sanctions are not proposed here: behaviour below expectation goes to the disciplinary route (PP 94/2021); results below target may be proposed as a Placement.',
    kindPENGHARGAAN: 'Reward',
    kindSANKSI: 'Sanction (old)',
    kindPENGEMBANGAN: 'Competence development',
    kindPENEMPATAN: 'Placement (transfer/promotion/demotion)',
    askRecommendation: 'Your proposal (e.g. a specific training, the form of a reward, the target position)?',
    saved: (p) =>
      `The ${p.kind} proposal for ${p.name} is recorded. The Pejabat Pembina Kepegawaian or the authorised official decides on the consideration of the Tim Penilai Kinerja PNS; HR records the decision with its document's number and date, and you and ${p.name} are told.`,
    noRecorder: 'No HR officer in the bot covers this employee yet, so nobody has been told; pass the proposal to the personnel office.',
    toRecorder: (p) =>
      `${p.rater} proposes ${p.kind} for ${p.name} (${p.period} evaluation). Once the authorised official has decided on the Tim Penilai Kinerja PNS's consideration, record the decision with its document's number and date:`,
    decideButton: 'Record the decision',
    notRecorder: "Follow-up decisions are recorded by HR covering the employee, from the authorised official's decision document.",
    alreadyDecided: 'The decision on this proposal is recorded already.',
    askOutcome: (p) => `Proposal of ${p.kind} for ${p.name}: "${p.recommendation}". The authorised official's decision?`,
    outcomeDISETUJUI: 'Approved',
    outcomeDITOLAK: 'Not approved',
    askOfficial: 'The official who decided (name and title, as the document gives them)?',
    askConsideration: "The Tim Penilai Kinerja PNS's consideration number (e.g. the meeting's minutes; may be skipped)?",
    askDocument: "The decision document's number?",
    askDecidedOn: "The decision document's date? (e.g. 15-01-2027)",
    dateInFuture: 'That date has not passed yet: record a decision that has been made.',
    incomplete: "The official's name and the document's number and date are required.",
    askNote: 'A note (e.g. what was decided; may be skipped)?',
    decisionSaved: 'The follow-up decision is recorded and passed to the Pejabat Penilai Kinerja and the employee.',
    decisionToOthers: (p) => `Decision on the ${p.kind} proposal for ${p.name}: ${p.outcome}, by ${p.official} (document ${p.document}, ${p.date}).`,
    statusLegacy: (p) => `${p.kind} proposal: decided (older record): ${p.decision}`,
    statusPending: (p) => `${p.kind} proposal: waiting for the authorised official's decision.`,
    statusDecided: (p) => `${p.kind} proposal: ${p.outcome} by ${p.official} (document ${p.document}, ${p.date}).`,
    pakLine: (p) => `Penetapan Angka Kredit ${p.number} (${p.date}): ${p.points} credit points, ${p.months}/12 of a year, functional position ${p.level}.`,
    pakToEmployee: (p) => `Your Penetapan Angka Kredit for ${p.period} is recorded: number ${p.number}, dated ${p.date}, ${p.points} credit points. See ${cmd('hasil')}.`,
  },
);

/** Texts of the CLI commands `follow-up` and `pak` (src/cli/commands/follow-up.ts). */
export const followUpCliText = catalogue(
  {
    decideUsage:
      'Pakai: follow-up decide --id <ID usulan> --outcome disetujui|ditolak --name "<nama dan jabatan pejabat>" --number <nomor dokumen> --on <tanggal> [--tim <nomor pertimbangan Tim Penilai Kinerja PNS>] [--note <catatan>]',
    badOutcome: 'disetujui atau ditolak',
    noPending: 'Tidak ada usulan tindak lanjut yang menunggu keputusan.',
    pendingLine: (p: { id: string; nip: string; name: string; kind: string; period: string; recommendation: string }) => `${p.id}  ${p.nip}  ${p.name}  ${p.kind}  ${p.period}: ${p.recommendation}`,
    notFound: (p: { id: string }) => `Usulan ${p.id} tidak ditemukan di instansi ini.`,
    decided: (p: { kind: string; name: string; outcome: string }) => `Keputusan atas usulan ${p.kind} untuk ${p.name} tercatat: ${p.outcome}. Pejabat Penilai Kinerja dan pegawai diberi tahu.`,
    pakUsage: 'Pakai: pak record --nip <NIP> --year <tahun> --number <nomor PAK> --on <tanggal> [--id <ID evaluasi>] [--points <angka kredit di dokumen>]',
    pakChoose: (p: { name: string; year: number }) => `${p.name} punya lebih dari satu evaluasi tahunan ${p.year} (periode SKP terpisah). Pilih dengan --id:`,
    pakCandidate: (p: { id: string; period: string; points: string }) => `${p.id}  ${p.period}: konversi ${p.points}`,
    pakNone: (p: { name: string; year: number }) => `${p.name} tidak punya evaluasi tahunan ${p.year} yang bisa dibuatkan PAK.`,
    pakRefused: (p: { reason: string }) => `PAK tidak dicatat: ${p.reason}`,
    pakReasonNOT_FUNCTIONAL: 'pegawai ini bukan jabatan fungsional dengan jenjang yang dikenal.',
    pakReasonNO_PREDIKAT: 'evaluasi ini belum punya predikat.',
    pakReasonRECORDED: 'PAK untuk evaluasi ini sudah tercatat.',
    pakReasonNOT_ANNUAL: 'PAK dicatat untuk evaluasi tahunan.',
    pakReasonNO_EVALUATION: 'evaluasi tidak ditemukan.',
    pakReasonINCOMPLETE: 'nomor, tanggal atau angka kredit tidak sah.',
    pakRecorded: (p: { name: string; number: string; points: string; conversion: string }) => `PAK ${p.number} untuk ${p.name} tercatat: ${p.points} angka kredit (konversi: ${p.conversion}). Pegawai diberi tahu.`,
    pakListLine: (p: { period: string; number: string; date: string; points: string; months: number; level: string }) => `${p.period}  PAK ${p.number} (${p.date})  ${p.points} AK  ${p.months}/12  ${p.level}`,
    pakListNone: (p: { name: string }) => `${p.name} belum punya PAK tercatat.`,
  },
  {
    decideUsage:
      'Usage: follow-up decide --id <proposal ID> --outcome disetujui|ditolak --name "<official name and title>" --number <document number> --on <date> [--tim <Tim Penilai Kinerja PNS consideration number>] [--note <note>]',
    badOutcome: 'disetujui or ditolak',
    noPending: 'No follow-up proposal is waiting for a decision.',
    pendingLine: (p) => `${p.id}  ${p.nip}  ${p.name}  ${p.kind}  ${p.period}: ${p.recommendation}`,
    notFound: (p) => `Proposal ${p.id} is not found in this agency.`,
    decided: (p) => `The decision on the ${p.kind} proposal for ${p.name} is recorded: ${p.outcome}. The Pejabat Penilai Kinerja and the employee are told.`,
    pakUsage: 'Usage: pak record --nip <NIP> --year <year> --number <PAK number> --on <date> [--id <evaluation ID>] [--points <credit points in the document>]',
    pakChoose: (p) => `${p.name} has more than one annual evaluation for ${p.year} (split SKP periods). Choose one with --id:`,
    pakCandidate: (p) => `${p.id}  ${p.period}: conversion ${p.points}`,
    pakNone: (p) => `${p.name} has no annual evaluation for ${p.year} that a PAK can be recorded for.`,
    pakRefused: (p) => `PAK not recorded: ${p.reason}`,
    pakReasonNOT_FUNCTIONAL: 'this employee is not in a functional position with a known level.',
    pakReasonNO_PREDIKAT: 'this evaluation has no predikat yet.',
    pakReasonRECORDED: 'a PAK for this evaluation is recorded already.',
    pakReasonNOT_ANNUAL: 'a PAK is recorded for an annual evaluation.',
    pakReasonNO_EVALUATION: 'the evaluation is not found.',
    pakReasonINCOMPLETE: 'the number, date or credit points are not valid.',
    pakRecorded: (p) => `PAK ${p.number} for ${p.name} recorded: ${p.points} credit points (conversion: ${p.conversion}). The employee is told.`,
    pakListLine: (p) => `${p.period}  PAK ${p.number} (${p.date})  ${p.points} AK  ${p.months}/12  ${p.level}`,
    pakListNone: (p) => `${p.name} has no PAK recorded yet.`,
  },
);
