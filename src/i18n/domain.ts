/**
 * Texts produced by the domain rules (src/domain): rating and predikat names, the matrix and curve
 * explanations, period labels, access refusals and NIP problems. Bahasa Indonesia first.
 */
import { catalogue } from './catalogue.js';

const ID_MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** "1 employee", "10 employees". */
function employees(n: number): string {
  return n === 1 ? '1 employee' : `${n} employees`;
}

/** "1 person", "8 people". */
function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

/** Parameters of a curve-rule sentence; percentages arrive formatted for the locale. */
interface RuleParams {
  predikats: string;
  unitSize: number;
  limit: number;
  actual: number;
  actualPercent: string;
}

const id = {
  'rating.DI_ATAS': 'Di Atas Ekspektasi',
  'rating.SESUAI': 'Sesuai Ekspektasi',
  'rating.DI_BAWAH': 'Di Bawah Ekspektasi',

  'predikat.SANGAT_BAIK': 'Sangat Baik',
  'predikat.BAIK': 'Baik',
  'predikat.BUTUH_PERBAIKAN': 'Butuh Perbaikan',
  'predikat.KURANG': 'Kurang/Misconduct',
  'predikat.SANGAT_KURANG': 'Sangat Kurang',

  'unitPredikat.ISTIMEWA': 'Istimewa',
  'unitPredikat.BAIK': 'Baik',
  'unitPredikat.BUTUH_PERBAIKAN': 'Butuh Perbaikan',
  'unitPredikat.KURANG': 'Kurang',
  'unitPredikat.SANGAT_KURANG': 'Sangat Kurang',

  'matrix.explain': (p: { results: string; behaviour: string; predikat: string }) =>
    `Rating Hasil Kerja ${p.results} (baris) dan Rating Perilaku Kerja ${p.behaviour} (kolom) menghasilkan Predikat Kinerja ${p.predikat}.`,
  'matrix.misconduct':
    'Sel ini berlabel Kurang/Misconduct pada kuadran kinerja: perilaku kerja di bawah ekspektasi membuat predikat menjadi Kurang/Misconduct, walaupun hasil kerjanya sesuai atau di atas ekspektasi.',
  'unitLeader.explain': (p: { unit: string; rating: string }) =>
    `Pegawai ini memimpin unit kerja, sehingga Capaian Kinerja Organisasi unitnya (${p.unit}) menjadi Rating Hasil Kerjanya: ${p.rating}.`,

  'curve.or': 'atau',
  'curve.rule.maxShare': (p: RuleParams & { percent: string }) =>
    `${p.predikats} paling banyak ${p.percent} dari ${p.unitSize} pegawai = ${p.limit} orang; diusulkan ${p.actual} orang (${p.actualPercent}).`,
  'curve.rule.minShare': (p: RuleParams & { percent: string }) =>
    `${p.predikats} paling sedikit ${p.percent} dari ${p.unitSize} pegawai = ${p.limit} orang; diusulkan ${p.actual} orang (${p.actualPercent}).`,
  'curve.rule.maxCount': (p: RuleParams) =>
    `${p.predikats} paling banyak ${p.limit} orang; diusulkan ${p.actual} orang (${p.actualPercent}).`,
  'curve.rule.minCount': (p: RuleParams) =>
    `${p.predikats} paling sedikit ${p.limit} orang; diusulkan ${p.actual} orang (${p.actualPercent}).`,
  'curve.rule.none': (p: RuleParams) =>
    `${p.predikats} tidak boleh diberikan di unit ini; diusulkan ${p.actual} orang (${p.actualPercent}).`,
  'curve.header': (p: { unit: string; unitSize: number }) =>
    `Kurva Distribusi untuk unit dengan Capaian Kinerja Organisasi ${p.unit} (${p.unitSize} pegawai):`,
  'curve.empty': 'Belum ada predikat pegawai yang diusulkan.',
  'curve.ok': 'Usulan predikat sudah sesuai dengan Kurva Distribusi.',
  'curve.okWithAdvisories': 'Usulan predikat dapat diajukan; catatan berikut hanya saran:',
  'curve.notOk': (p: { count: number }) => `Usulan predikat belum sesuai dengan Kurva Distribusi (${p.count} ketentuan):`,
  'curve.rule.majority': (p: RuleParams) =>
    `${p.predikats} harus sebagian besar (lebih dari separuh) dari ${p.unitSize} pegawai = paling sedikit ${p.limit} orang; diusulkan ${p.actual} orang (${p.actualPercent}).`,
  'curve.unsatisfiable': (p: { unitSize: number }) =>
    `Untuk ${p.unitSize} pegawai ketentuan Kurva Distribusi ini tidak dapat dipenuhi sekaligus; pimpinan menetapkannya dengan alasan tertulis.`,
  'curve.teamPreview':
    'Ini gambaran tim Anda saja. Kurva Distribusi berlaku untuk seluruh pegawai unit organisasi dan ditetapkan oleh pimpinannya; usulan Anda tetap dapat diajukan.',

  'period.quarterFinal': (p: { year: number }) => `Triwulan IV-Akhir ${p.year}`,
  'period.monthFinal': (p: { label: string }) => `${p.label} (akhir tahun)`,
  'period.quarter': (p: { index: number; year: number }) => `Triwulan ${ROMAN_QUARTERS[p.index - 1] ?? p.index} ${p.year}`,
  'period.month': (p: { month: number; year: number }) => `${ID_MONTHS[p.month - 1] ?? p.month} ${p.year}`,
  'period.year': (p: { year: number }) => `Tahun ${p.year}`,

  'relationship.SELF': 'Pegawai yang bersangkutan',
  'relationship.PPK': 'Pejabat Penilai Kinerja',
  'relationship.ACTING_PPK': 'Plt./Plh. Pejabat Penilai Kinerja',
  'relationship.SUPERVISOR': 'Atasan langsung',
  'relationship.ACTING_SUPERVISOR': 'Plt./Plh. atasan langsung',
  'relationship.ATASAN_PPK': 'Atasan Pejabat Penilai Kinerja',
  'relationship.HR': 'Pengelola Kinerja',

  'access.inactive': 'Data Anda di Dialog Kinerja tidak aktif, sehingga Anda tidak dapat melakukan tindakan ini.',
  'access.otherAgency': 'Pegawai ini berada di instansi lain.',
  'access.self.evaluate': 'Anda tidak dapat menilai kinerja Anda sendiri.',
  'access.self.objection': 'Anda tidak dapat memutuskan keberatan atas penilaian kinerja Anda sendiri.',
  'access.self.unitPredikat':
    'Anda memimpin unit ini, sehingga tidak dapat menetapkan Capaian Kinerja Organisasi unit Anda sendiri; capaian itu ditetapkan oleh pimpinan satu tingkat di atas Anda.',
  'access.selfOnly': 'Hanya pegawai yang bersangkutan yang dapat melakukan ini.',
  'access.raterOnly': 'Anda bukan Pejabat Penilai Kinerja pegawai ini. Pejabat Penilai Kinerja paling rendah pejabat pengawas, atau pejabat yang diberi pendelegasian kewenangan.',
  'access.leaderOnly': 'Anda bukan atasan langsung atau Pejabat Penilai Kinerja pegawai ini.',
  'access.superiorOnly': 'Hanya Atasan Pejabat Penilai Kinerja yang dapat memutuskan keberatan ini.',
  'access.hrOnly': 'Hanya Pengelola Kinerja yang dapat melakukan ini.',
  'access.unitPredikat':
    'Capaian Kinerja Organisasi ditetapkan oleh pimpinan satu tingkat di atas pimpinan unit (atau Plt./Plh.-nya); Pengelola Kinerja hanya mencatat keputusan itu dengan dokumennya.',
  'access.notPermitted': 'Anda tidak berwenang melakukan ini untuk pegawai tersebut.',

  'nip.EMPTY': 'NIP/NI PPPK belum diisi.',
  'nip.NOT_18_DIGITS': 'NIP/NI PPPK harus terdiri dari 18 angka.',
  'nip.NOT_DIGITS': 'NIP/NI PPPK hanya boleh berisi angka (spasi boleh; titik, tanda hubung, dan huruf tidak).',
  'nip.SCIENTIFIC_NOTATION':
    'NIP/NI PPPK tertulis sebagai angka ilmiah (misalnya 1.99001E+17), sehingga beberapa digitnya sudah hilang. Format kolomnya sebagai teks di spreadsheet, lalu ketik ulang.',
};

/** The domain catalogue: `domainMessages[locale][key]`. */
export const domainMessages = catalogue(id, {
  'rating.DI_ATAS': 'Above Expectations',
  'rating.SESUAI': 'Meets Expectations',
  'rating.DI_BAWAH': 'Below Expectations',

  'predikat.SANGAT_BAIK': 'Very Good (Sangat Baik)',
  'predikat.BAIK': 'Good (Baik)',
  'predikat.BUTUH_PERBAIKAN': 'Needs Improvement (Butuh Perbaikan)',
  'predikat.KURANG': 'Poor (Kurang/Misconduct)',
  'predikat.SANGAT_KURANG': 'Very Poor (Sangat Kurang)',

  'unitPredikat.ISTIMEWA': 'Outstanding (Istimewa)',
  'unitPredikat.BAIK': 'Good (Baik)',
  'unitPredikat.BUTUH_PERBAIKAN': 'Needs Improvement (Butuh Perbaikan)',
  'unitPredikat.KURANG': 'Poor (Kurang)',
  'unitPredikat.SANGAT_KURANG': 'Very Poor (Sangat Kurang)',

  'matrix.explain': (p) =>
    `A results rating of ${p.results} (row) and a behaviour rating of ${p.behaviour} (column) give the performance rating ${p.predikat}.`,
  'matrix.misconduct':
    'This cell is labelled Kurang/Misconduct in the performance matrix: behaviour below expectations makes the rating Poor (Kurang/Misconduct), even when the results meet or exceed expectations.',
  'unitLeader.explain': (p) =>
    `This employee leads the unit, so the unit's organisational performance (Capaian Kinerja Organisasi, ${p.unit}) becomes their results rating: ${p.rating}.`,

  'curve.or': 'or',
  'curve.rule.maxShare': (p) =>
    `${p.predikats}: at most ${p.percent} of ${employees(p.unitSize)} = ${people(p.limit)}; proposed ${people(p.actual)} (${p.actualPercent}).`,
  'curve.rule.minShare': (p) =>
    `${p.predikats}: at least ${p.percent} of ${employees(p.unitSize)} = ${people(p.limit)}; proposed ${people(p.actual)} (${p.actualPercent}).`,
  'curve.rule.maxCount': (p) => `${p.predikats}: at most ${people(p.limit)}; proposed ${people(p.actual)} (${p.actualPercent}).`,
  'curve.rule.minCount': (p) => `${p.predikats}: at least ${people(p.limit)}; proposed ${people(p.actual)} (${p.actualPercent}).`,
  'curve.rule.none': (p) => `${p.predikats} may not be given in this unit; proposed ${people(p.actual)} (${p.actualPercent}).`,
  'curve.header': (p) => `Distribution curve (Kurva Distribusi) for a unit rated ${p.unit} (${employees(p.unitSize)}):`,
  'curve.empty': 'No employee ratings have been proposed yet.',
  'curve.ok': 'The proposed ratings fit the distribution curve.',
  'curve.okWithAdvisories': 'The proposed ratings can be submitted; the notes below are advice only:',
  'curve.notOk': (p) => `The proposed ratings do not fit the distribution curve yet (${p.count} ${p.count === 1 ? 'rule' : 'rules'}):`,
  'curve.rule.majority': (p) =>
    `${p.predikats}: most (more than half) of ${employees(p.unitSize)} = at least ${people(p.limit)}; proposed ${people(p.actual)} (${p.actualPercent}).`,
  'curve.unsatisfiable': (p) => `For ${employees(p.unitSize)} these curve rules cannot all be met; the leader establishes the set with a written reason.`,
  'curve.teamPreview':
    'This is a preview for your team only. The distribution curve applies to all employees of the organisation unit and its leader establishes it; you can still submit your proposals.',

  'period.quarterFinal': (p) => `Quarter 4 (final) ${p.year}`,
  'period.monthFinal': (p) => `${p.label} (year-end)`,
  'period.quarter': (p) => `Quarter ${p.index} ${p.year}`,
  'period.month': (p) => `${EN_MONTHS[p.month - 1] ?? p.month} ${p.year}`,
  'period.year': (p) => `Year ${p.year}`,

  'relationship.SELF': 'The employee themselves',
  'relationship.PPK': 'Rater (Pejabat Penilai Kinerja)',
  'relationship.ACTING_PPK': 'Acting rater (Plt./Plh. of the Pejabat Penilai Kinerja)',
  'relationship.SUPERVISOR': 'Direct superior',
  'relationship.ACTING_SUPERVISOR': 'Acting direct superior (Plt./Plh.)',
  'relationship.ATASAN_PPK': "Rater's superior (Atasan Pejabat Penilai Kinerja)",
  'relationship.HR': 'Performance administrator (Pengelola Kinerja)',

  'access.inactive': 'Your record in Dialog Kinerja is inactive, so you cannot do this.',
  'access.otherAgency': 'This employee belongs to another agency.',
  'access.self.evaluate': 'You cannot rate your own performance.',
  'access.self.objection': 'You cannot decide an objection to your own performance rating.',
  'access.self.unitPredikat':
    "You lead this unit, so you cannot set your own unit's Capaian Kinerja Organisasi; the leader one level above you sets it.",
  'access.selfOnly': 'Only the employee concerned can do this.',
  'access.raterOnly': "You are not this employee's rater (Pejabat Penilai Kinerja). A rater is at least a pejabat pengawas, or an official given delegated authority.",
  'access.leaderOnly': "You are neither this employee's direct superior nor their rater (Pejabat Penilai Kinerja).",
  'access.superiorOnly': "Only the rater's superior (Atasan Pejabat Penilai Kinerja) can decide this objection.",
  'access.hrOnly': 'Only a performance administrator (Pengelola Kinerja) can do this.',
  'access.unitPredikat':
    "A unit's Capaian Kinerja Organisasi is decided by the leader one level above the unit's leader (or their Plt./Plh.); a performance administrator (Pengelola Kinerja) only records that decision with its document.",
  'access.notPermitted': 'You are not authorised to do this for that employee.',

  'nip.EMPTY': 'The NIP (or NI PPPK) is missing.',
  'nip.NOT_18_DIGITS': 'A NIP (or NI PPPK) has exactly 18 digits.',
  'nip.NOT_DIGITS': 'A NIP may contain only digits (spaces are fine; dots, dashes and letters are not).',
  'nip.SCIENTIFIC_NOTATION':
    'The NIP is written in scientific notation (e.g. 1.99001E+17), so some digits are already lost. Format the NIP column as text in the spreadsheet and type it again.',
});
