/** Pieces both documents share: dates as the forms write them, people, RHK rows and signatures. */
import type { CivilDate } from '../domain/civil-date.js';
import { documentForm as f } from '../i18n/documents.js';
import { domainMessages } from '../i18n/domain.js';
import { planningText } from '../i18n/planning.js';
import type { Cell, Row, SignatureBlock } from './layout.js';
import type { DocumentPerson, DocumentRhk, RecordedFor } from './model.js';

/** "31 Desember 2026". */
export function formDate(date: CivilDate): string {
  return `${date.day} ${domainMessages.id['period.month']({ month: date.month, year: date.year })}`;
}

export const cell = (text: string, options: Omit<Cell, 'text'> = {}): Cell => ({ text, ...options });

/** A numbered part of the evaluation form: a shaded heading, then label/value rows. */
export function numberedPart(number: number, heading: string, rows: [string, string][]): Row[] {
  return [
    { shade: true, cells: [cell(String(number), { align: 'center' }), cell(heading, { span: 2 })] },
    ...rows.map(([label, value]): Row => ({ cells: [cell(''), cell(label), cell(value || f.none)] })),
  ];
}

/** The five lines that name a person on the forms. */
export function personRows(person: DocumentPerson | null): [string, string][] {
  return [
    [f.name, person?.name ?? f.none],
    [f.nip, person?.nip ?? f.none],
    [f.rank, person?.rank ?? f.none],
    [f.position, person?.position ?? f.none],
    [f.unit, person?.unit ?? f.none],
  ];
}

/** "Kuantitas: Jumlah laporan – 12 laporan", one line per indicator. */
export function indicatorLines(rhk: DocumentRhk): string {
  const p = planningText.id;
  return rhk.indicators.map((indicator) => `${indicator.aspect ? `${p[`aspect${indicator.aspect}`]}: ` : ''}${indicator.text} – ${f.colTarget.toLowerCase()} ${indicator.target}`).join('\n');
}

/** The RHK of a plan, utama first, each group under its heading row spanning `columns`. */
export function groupedRhk<T extends DocumentRhk>(rhk: T[]): { kind: 'UTAMA' | 'TAMBAHAN'; items: { number: number; rhk: T }[] }[] {
  let number = 0;
  return (['UTAMA', 'TAMBAHAN'] as const)
    .map((kind) => ({ kind, items: rhk.filter((r) => r.kind === kind).map((r) => ({ number: ++number, rhk: r })) }))
    .filter((group) => group.items.length > 0);
}

/** A signature block for a person, with the note that HR recorded an outside official's decision. */
export function signature(role: string, person: DocumentPerson | null, date: CivilDate | null, recordedFor: RecordedFor | null = null): SignatureBlock {
  return {
    dateLine: date ? f.dateLine({ date: formDate(date) }) : '',
    role,
    name: person?.name ?? '(........................................)',
    idLine: person?.nip ? f.nipLine({ nip: person.nip }) : (person?.position ?? ''),
    ...(recordedFor ? { note: f.recordedBy({ hr: recordedFor.hr, number: recordedFor.documentNumber ?? '' }) } : {}),
  };
}

/** A list's latest `max` items after a "3 sebelumnya tidak dimuat" line: a cell stays readable, the count stays true. */
export function capped(lines: string[], max: number): string[] {
  return lines.length > max ? [f.earlierItems({ count: lines.length - max }), ...lines.slice(-max)] : lines;
}
