/**
 * The official wording the Indonesian texts must use: the terminology table T1–T24 of the
 * regulation review (`../shared/research/regulation-audit.md` §2, which cites PermenPANRB 6/2022,
 * its Lampiran and e-Kinerja), as data for test/unit/i18n/official-wording.test.ts.
 *
 * `banned`: a pattern no Indonesian text may contain; `allow` lists the catalogue keys
 * ("file:key") where the table allows it. `spelled`: a term that, wherever it appears in any
 * capitalisation, must be written exactly so (Title Case like the Permen) – or in capitals, as the
 * Lampiran's forms print their headings (documents that reproduce a form do the same).
 */

/** One row of the table as applied here. */
export interface TermRow {
  row: string;
  /** Where the rule comes from. */
  source: string;
  /** What the texts now say. */
  official: string;
  banned?: { pattern: RegExp; allow?: string[] }[];
  spelled?: string[];
  /** "verify": the wording follows the audit's summary; the source text itself was not retrieved. */
  note?: string;
}

const AUDIT = 'regulation-audit.md §2';

export const TERM_ROWS: TermRow[] = [
  {
    row: 'T1',
    source: `${AUDIT} T1 (to an ASN "check-in" means attendance, e-presensi)`,
    official: 'Laporan progres mingguan / Isi laporan mingguan; command /laporanprogres (old /checkin kept as an alias)',
    banned: [{ pattern: /check-?\s?in/i }],
  },
  {
    row: 'T2',
    source: `${AUDIT} T2 (role name in domain.ts; PermenPANRB 6/2022)`,
    official: 'Atasan Pejabat Penilai Kinerja',
    spelled: ['Atasan Pejabat Penilai Kinerja'],
  },
  {
    row: 'T3',
    source: `${AUDIT} T3; "PPK" in Indonesian reads as Pejabat Pembina Kepegawaian (PP 49/2018, PP 30/2019), so the role is spelt out`,
    official: 'Pejabat Penilai Kinerja; Catatan Pejabat Penilai Kinerja',
    banned: [{ pattern: /pejabat penilai(?! kinerja)/i }, { pattern: /\bpenilai(nya)?\b(?! kinerja)/i }, { pattern: /\bPPK\b/ }],
    spelled: ['Pejabat Penilai Kinerja'],
  },
  {
    row: 'T4',
    source: `${AUDIT} T4 and §1.8 (an atasan langsung below pengawas is not a PPK)`,
    official: 'Atasan langsung and Pejabat Penilai Kinerja shown as two roles',
    banned: [{ pattern: /atasan langsung\s*\(\s*pejabat penilai/i }],
  },
  {
    row: 'T5',
    source: `${AUDIT} T5 (the forms print "CAPAIAN KINERJA ORGANISASI"); command /capaianorganisasi (old /predikatunit kept as an alias)`,
    official: 'Capaian Kinerja Organisasi',
    banned: [{ pattern: /predikat (kinerja )?unit/i }],
    spelled: ['Capaian Kinerja Organisasi'],
  },
  {
    row: 'T6',
    source: `${AUDIT} T6 and §1.3 (SE MenPANRB 3/2023: the leader one level up decides; HR recommends or records)`,
    official: '…ditetapkan oleh pimpinan satu tingkat di atas; Pengelola Kinerja dapat mencatatkannya atas nama beliau',
    banned: [{ pattern: /pimpinan satu tingkat di atas[^.;]*\batau (oleh )?Pengelola Kinerja/i }],
  },
  {
    row: 'T7',
    source: `${AUDIT} T7 and §1.16 (PermenPANRB 6/2022 Pasal 14: the SKP is ditetapkan by the PPK)`,
    official: 'ditetapkan; SKP telah ditetapkan',
    // The follow-up a leader and employee agree in a guidance session is not an SKP status.
    banned: [{ pattern: /disepakati/i, allow: ['evaluation.ts:askDevelopmentFollowUp'] }, { pattern: /terkunci/i }],
  },
  {
    row: 'T8',
    source: `${AUDIT} T8 (the pegawai does not approve an SKP; they sign after klarifikasi)`,
    official: 'diusulkan, menunggu tanggapan pegawai',
    banned: [{ pattern: /menunggu persetujuan pegawai/i }],
  },
  {
    row: 'T9',
    source: `${AUDIT} T9 (Plt. is Pelaksana Tugas, Plh. Pelaksana Harian; the abbreviations carry a dot)`,
    official: 'Plt./Plh.',
    banned: [{ pattern: /\bPl[th]\b(?!\.)/ }, { pattern: /pelaksana tugas atasan/i }],
  },
  {
    row: 'T10',
    source: `${AUDIT} T10 and §1.17 (the Lampiran and e-Kinerja print "KURANG/MISCONDUCT")`,
    official: "predikat label 'Kurang/Misconduct' (the organisation's 'Kurang' stays)",
  },
  {
    row: 'T11',
    source: `${AUDIT} T11 (the form is "Umpan Balik Pelaksanaan Bimbingan Kinerja")`,
    official: 'Umpan balik bimbingan kinerja / Beri umpan balik',
    banned: [{ pattern: /penilaian sesi/i }, { pattern: /nilai sesi ini/i }, { pattern: /menilai sesi/i }],
  },
  {
    row: 'T12',
    source: `${AUDIT} T12 (one name for the mood answer, balanced anchors)`,
    official: 'suasana hati; 1 (sangat berat) – 5 (sangat baik)',
    banned: [{ pattern: /suasana kerja/i }, { pattern: /perasaan Anda/i }, { pattern: /1 \(berat\)/ }],
  },
  {
    row: 'T13',
    source: `${AUDIT} T13 and §1.11 (PP 49/2018 Pasal 37: perpanjangan hubungan perjanjian kerja)`,
    official: 'perpanjangan perjanjian kerja … dengan persetujuan Pejabat Pembina Kepegawaian',
    banned: [{ pattern: /\bkontrak\b/i }],
  },
  {
    row: 'T14',
    source: `${AUDIT} T14 and §1.9 (the authorised official decides, with the Tim Penilai Kinerja)`,
    official: 'diputuskan oleh pejabat yang berwenang (dengan pertimbangan Tim Penilai Kinerja); bot mencatat keputusan',
    banned: [{ pattern: /atasan Anda atau Pengelola Kinerja/i }],
    spelled: ['Tim Penilai Kinerja'],
  },
  {
    row: 'T15',
    source: `${AUDIT} T15 (reads as an HR status: pensiun, diberhentikan)`,
    official: 'Data Anda di Dialog Kinerja tidak aktif',
    banned: [{ pattern: /status kepegawaian Anda/i }],
  },
  {
    row: 'T16',
    source: `${AUDIT} T16 (a calque of "evaluation window")`,
    official: 'masa evaluasi',
    banned: [{ pattern: /jendela/i }],
  },
  {
    row: 'T17',
    source: `${AUDIT} T17 (the regulation's verb is menetapkan)`,
    official: 'Tetapkan hasil; telah ditetapkan',
    banned: [{ pattern: /finali[sz]/i }],
  },
  {
    row: 'T18',
    source: `${AUDIT} T18 (the Permen's term)`,
    official: 'evaluasi kinerja periodik',
    // Case-sensitive: the forms' heading "PERIODE PENILAIAN" (in capitals, as the Lampiran prints it) stays.
    banned: [{ pattern: /[Pp]enilaian periodik/ }, { pattern: /[Pp]eriode penilaian/ }],
  },
  {
    row: 'T19',
    source: `${AUDIT} T19 (the official column of the SKP form)`,
    official: 'Rencana Hasil Kerja Pimpinan yang Diintervensi',
    banned: [{ pattern: /mendukung RHK atasan/i }, { pattern: /\(diintervensi\)/i }, { pattern: /RHK pimpinan yang diintervensi/i }],
    spelled: ['Rencana Hasil Kerja Pimpinan yang Diintervensi'],
  },
  {
    row: 'T20',
    source: `${AUDIT} T20 ("nilai" also means "score")`,
    official: 'nilai dasar BerAKHLAK',
    banned: [{ pattern: /untuk nilai “/ }, { pattern: /satu nilai BerAKHLAK/ }],
  },
  {
    row: 'T21',
    source: `${AUDIT} T21 (one verb for linking)`,
    official: 'menghubungkan / terhubung ("kode tautan" stays the name of the code)',
    // Only linking an account: "menautkannya" for sending evidence as a link is another sense.
    banned: [{ pattern: /menautkan akun|tertaut/i }],
  },
  {
    row: 'T22',
    source: `${AUDIT} T22 (PPPK have an NI PPPK, not a NIP; both are 18 digits)`,
    official: 'NIP/NI PPPK in /saya, the NIP checks and the import messages',
  },
  {
    row: 'T23',
    source: `${AUDIT} T23 (role names in Title Case like the Permen)`,
    official: 'Pengelola Kinerja',
    spelled: ['Pengelola Kinerja'],
  },
  {
    row: 'T24',
    source: `${AUDIT} T24 and §1.14 (a rating looks at all or most results; no hasil kerja utama below expectation for Di Atas)`,
    official: 'rating guides for hasil kerja name "seluruh atau sebagian besar" and the hasil kerja utama rule',
    note: 'verify: the Lampiran guidance itself was not retrieved; the wording follows the audit\'s summary of a BKN-derived deck',
  },
];
