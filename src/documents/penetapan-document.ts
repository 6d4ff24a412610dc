/**
 * The "Format Penetapan Predikat Kinerja" (SE MenPANRB 3/2023): the organisation's Capaian Kinerja
 * Organisasi, the distribution of its employees' predikat against the curve (every rule it breaks
 * explained), every employee with their predikat and Pejabat Penilai Kinerja, the leader's reason
 * when the distribution deviates, and the leader's signature – or, for a leader outside the bot, who
 * recorded it with which document. The SE's own layout could not be retrieved (verify): this follows
 * the items the SE's summaries name, in the style of the Lampiran's other forms.
 */
import { checkCurve, explainCurveResult } from '../domain/distribution-curve.js';
import type { CivilDate } from '../domain/civil-date.js';
import { EMPLOYEE_PREDIKATS, predikatLabel, unitPredikatLabel, type EmployeePredikat, type UnitPredikat } from '../domain/rating-matrix.js';
import { formatPercent } from '../i18n/catalogue.js';
import { penetapanForm as f } from '../i18n/documents.js';
import { renderPdf, type Layout, type Section } from './layout.js';
import type { DocumentPerson } from './model.js';
import { cell, signature } from './parts.js';

/** One employee of the penetapan. */
export interface PenetapanPerson {
  name: string;
  nip: string;
  position: string;
  predikat: EmployeePredikat | null;
  rater: string;
}

/** Everything the form shows. */
export interface PenetapanDocumentData {
  agency: string;
  organisation: string;
  /** "Triwulan IV 2026". */
  period: string;
  unitPredikat: UnitPredikat;
  people: PenetapanPerson[];
  reason: string | null;
  establishedOn: CivilDate;
  /** The leader (or their Plt/Plh) who established it; null when HR recorded it for a leader outside the bot. */
  leader: DocumentPerson | null;
  /** Set when HR recorded it: who, and the leader's signed document. */
  recorded: { hr: string; documentNumber: string | null } | null;
}

/** The form as sections. */
export function penetapanLayout(data: PenetapanDocumentData): Layout {
  const predikats = data.people.map((p) => p.predikat).filter((p): p is EmployeePredikat => !!p);
  const total = predikats.length;
  const curve = checkCurve(data.unitPredikat, predikats);
  const count = (p: EmployeePredikat) => predikats.filter((q) => q === p).length;
  const sections: Section[] = [
    { kind: 'title', lines: [f.title, data.organisation.toUpperCase()] },
    { kind: 'meta', left: f.agency({ agency: data.agency }), right: f.period({ period: data.period }) },
    { kind: 'heading', text: f.capaianHeading },
    { kind: 'paragraph', text: unitPredikatLabel(data.unitPredikat, 'id') },
    { kind: 'heading', text: f.distributionHeading },
    {
      kind: 'table',
      widths: [0.5, 0.25, 0.25],
      header: [{ shade: true, cells: [cell(f.colPredikat, { align: 'center' }), cell(f.colCount, { align: 'center' }), cell(f.colShare, { align: 'center' })] }],
      rows: [
        ...EMPLOYEE_PREDIKATS.map((p) => ({ cells: [cell(predikatLabel(p, 'id')), cell(String(count(p)), { align: 'center' as const }), cell(total ? formatPercent(count(p) / total, 'id') : '-', { align: 'center' as const })] })),
        { cells: [cell(f.total, { bold: true }), cell(String(total), { align: 'center', bold: true }), cell(total ? '100%' : '-', { align: 'center', bold: true })] },
      ],
    },
    { kind: 'paragraph', text: explainCurveResult(curve, data.unitPredikat, 'id') },
    ...(data.reason ? [{ kind: 'heading' as const, text: f.reasonHeading }, { kind: 'paragraph' as const, text: data.reason }] : []),
    { kind: 'heading', text: f.peopleHeading },
    {
      kind: 'table',
      widths: [0.06, 0.34, 0.24, 0.14, 0.22],
      header: [{ shade: true, cells: [f.colNo, f.colName, f.colPosition, f.colPredikatShort, f.colRater].map((title) => cell(title, { align: 'center' })) }],
      rows: data.people.map((person, i) => ({
        cells: [cell(String(i + 1), { align: 'center' }), cell(`${person.name}\n${f.nip({ nip: person.nip })}`), cell(person.position), cell(person.predikat ? predikatLabel(person.predikat, 'id') : '-'), cell(person.rater)],
      })),
    },
    { kind: 'signatures', blocks: [signature(f.signer({ organisation: data.organisation }), data.leader, data.establishedOn, data.recorded)] },
  ];
  return { title: `${f.title} – ${data.organisation} – ${data.period}`, author: data.agency, sections };
}

export function renderPenetapanDocument(data: PenetapanDocumentData, created: Date): Promise<Buffer> {
  return renderPdf(penetapanLayout(data), created);
}
