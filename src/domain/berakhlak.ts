/**
 * BerAKHLAK: the seven core values of the ASN (SE MenPAN-RB 20/2021, KepmenPAN-RB 2021) that make up
 * the Perilaku Kerja half of an SKP. Each value has exactly three behaviour guides (panduan perilaku);
 * there are no levels. The Indonesian wording is the official one; the English is our gloss.
 */
import type { Locale } from '../i18n/catalogue.js';

/** A text in both languages the bot speaks. */
export type BilingualText = Readonly<Record<Locale, string>>;

/** Core value codes; the strings match the Prisma enum `CoreValue`. */
export const CORE_VALUE_CODES = [
  'pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;

/** One of the seven BerAKHLAK core values. */
export type CoreValueCode = (typeof CORE_VALUE_CODES)[number];

/** A core value with its name and its three behaviour guides. */
export interface CoreValue {
  readonly code: CoreValueCode;
  readonly name: BilingualText;
  readonly guides: readonly [BilingualText, BilingualText, BilingualText];
}

/** The seven core values in the official BerAKHLAK order (the acronym's letters). */
export const CORE_VALUES: readonly CoreValue[] = [
  {
    code: 'pelayanan',
    name: { id: 'Berorientasi Pelayanan', en: 'Service-oriented' },
    guides: [
      { id: 'Memahami dan memenuhi kebutuhan masyarakat', en: "Understands and meets the public's needs" },
      { id: 'Ramah, cekatan, solutif, dan dapat diandalkan', en: 'Friendly, quick, solution-minded and dependable' },
      { id: 'Melakukan perbaikan tiada henti', en: 'Keeps improving, without end' },
    ],
  },
  {
    code: 'akuntabel',
    name: { id: 'Akuntabel', en: 'Accountable' },
    guides: [
      {
        id: 'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
        en: 'Carries out duties honestly, responsibly, carefully, with discipline and high integrity',
      },
      {
        id: 'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
        en: 'Uses state money and property responsibly, effectively and efficiently',
      },
      { id: 'Tidak menyalahgunakan kewenangan jabatan', en: 'Does not abuse the authority of the position' },
    ],
  },
  {
    code: 'kompeten',
    name: { id: 'Kompeten', en: 'Competent' },
    guides: [
      {
        id: 'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
        en: 'Develops own competence to meet ever-changing challenges',
      },
      { id: 'Membantu orang lain belajar', en: 'Helps others learn' },
      { id: 'Melaksanakan tugas dengan kualitas terbaik', en: 'Carries out duties to the best quality' },
    ],
  },
  {
    code: 'harmonis',
    name: { id: 'Harmonis', en: 'Harmonious' },
    guides: [
      { id: 'Menghargai setiap orang apa pun latar belakangnya', en: 'Respects everyone, whatever their background' },
      { id: 'Suka menolong orang lain', en: 'Likes to help others' },
      { id: 'Membangun lingkungan kerja yang kondusif', en: 'Builds a good working climate' },
    ],
  },
  {
    code: 'loyal',
    name: { id: 'Loyal', en: 'Loyal' },
    guides: [
      {
        id: 'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
        en: 'Upholds the Pancasila ideology and the 1945 Constitution, and is faithful to the Unitary State of the Republic of Indonesia and its lawful government',
      },
      {
        id: 'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
        en: 'Protects the good name of fellow civil servants, leaders, the agency and the state',
      },
      { id: 'Menjaga rahasia jabatan dan negara', en: 'Keeps official and state secrets' },
    ],
  },
  {
    code: 'adaptif',
    name: { id: 'Adaptif', en: 'Adaptive' },
    guides: [
      { id: 'Cepat menyesuaikan diri menghadapi perubahan', en: 'Adapts quickly to change' },
      { id: 'Terus berinovasi dan mengembangkan kreativitas', en: 'Keeps innovating and developing creativity' },
      { id: 'Bertindak proaktif', en: 'Acts proactively' },
    ],
  },
  {
    code: 'kolaboratif',
    name: { id: 'Kolaboratif', en: 'Collaborative' },
    guides: [
      {
        id: 'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
        en: 'Gives all parties the chance to contribute',
      },
      {
        id: 'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
        en: 'Is open to working together to add value',
      },
      {
        id: 'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
        en: 'Mobilises the use of resources for shared goals',
      },
    ],
  },
];

const BY_CODE: ReadonlyMap<string, CoreValue> = new Map(CORE_VALUES.map((value) => [value.code, value]));

/** True when `code` is one of the seven core value codes (e.g. a value read from a button payload). */
export function isCoreValueCode(code: string): code is CoreValueCode {
  return BY_CODE.has(code);
}

/** The core value with this code. */
export function coreValue(code: CoreValueCode): CoreValue {
  const value = BY_CODE.get(code);
  // Unreachable while CORE_VALUES and CORE_VALUE_CODES agree; a unit test holds them together.
  if (value === undefined) throw new RangeError(`Unknown core value: ${code}`);
  return value;
}

/** The core value's name in the given language, e.g. "Berorientasi Pelayanan". */
export function coreValueName(code: CoreValueCode, locale: Locale): string {
  return coreValue(code).name[locale];
}

/** The core value's three behaviour guides in the given language, in official order. */
export function coreValueGuides(code: CoreValueCode, locale: Locale): readonly string[] {
  return coreValue(code).guides.map((guide) => guide[locale]);
}
