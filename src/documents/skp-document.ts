/**
 * The SKP (Sasaran Kinerja Pegawai) in the Lampiran's layout: the employee and the Pejabat Penilai
 * Kinerja side by side; the hasil kerja table (RHK pimpinan yang diintervensi, RHK, aspek, IKI,
 * target; utama then tambahan; a perspektif column for JPT plans); the perilaku kerja with the
 * Ekspektasi Khusus Pimpinan; signatures of the employee and the PPK; then the Lampiran SKP:
 * dukungan sumber daya, skema pertanggungjawaban, konsekuensi (PermenPANRB 6/2022's definition of
 * penetapan ekspektasi, research/regulation-audit.md §1.4).
 */
import { coreValueGuides, coreValueName } from '../domain/berakhlak.js';
import { documentForm as f } from '../i18n/documents.js';
import { planningText } from '../i18n/planning.js';
import { renderPdf, type Layout, type Row, type Section } from './layout.js';
import type { SkpDocumentData } from './model.js';
import { cell, formDate, groupedRhk, personRows, signature } from './parts.js';

/** The SKP's sections, from its data. */
export function skpLayout(data: SkpDocumentData): Layout {
  const ppkRows = personRows(data.ppk);
  const employeeRows = personRows(data.employee);
  const people: Row[] = [
    { shade: true, cells: [cell(f.employee, { span: 2 }), cell(f.ppk, { span: 2 })] },
    ...employeeRows.map(([label, value], i): Row => ({ cells: [cell(label), cell(value), cell(ppkRows[i]?.[0] ?? ''), cell(ppkRows[i]?.[1] ?? '')] })),
  ];
  const status = [
    f.skpStatus({ version: data.version, status: data.established ? (data.establishedOn ? f.establishedOn({ date: formDate(data.establishedOn) }) : f.skpStatusAGREED) : f.skpStatusDraft }),
    ...(data.recordedFor ? [f.recordedBy({ hr: data.recordedFor.hr, number: data.recordedFor.documentNumber ?? '' })] : data.documentNumber ? [f.decisionDocument({ number: data.documentNumber })] : []),
  ].join('; ');

  const sections: Section[] = [
    { kind: 'title', lines: [f.skpTitle, f[`skpApproach${data.approach}`]] },
    { kind: 'meta', left: f.agencyLine({ agency: data.agency }), right: f.assessmentPeriod({ from: formDate(data.from), to: formDate(data.to) }) },
    { kind: 'paragraph', text: status },
    { kind: 'table', widths: [0.14, 0.36, 0.14, 0.36], header: [], rows: people },
    resultsTable(data),
    behaviourTable(data),
    { kind: 'signatures', blocks: [signature(f.signEmployee, data.employee, null), signature(f.signPpk, data.ppk, data.establishedOn, data.recordedFor)] },
    { kind: 'pageBreak' },
    { kind: 'title', lines: [f.lampiranTitle] },
    { kind: 'meta', left: f.agencyLine({ agency: data.agency }), right: f.assessmentPeriod({ from: formDate(data.from), to: formDate(data.to) }) },
    lampiranTable(data),
    { kind: 'signatures', blocks: [signature(f.signEmployee, data.employee, null), signature(f.signPpk, data.ppk, data.establishedOn, data.recordedFor)] },
  ];
  return { title: `${f.skpTitle} ${data.year} – ${data.employee.name}`, author: data.agency, sections };
}

/** One row per indicator; an RHK's number and texts stand on its first indicator's row. */
function resultsTable(data: SkpDocumentData): Section {
  const p = planningText.id;
  const perspective = data.rhk.some((rhk) => rhk.perspective);
  // The target column fits a narrative target's longest words ("terdokumentasi") unbroken.
  const widths = perspective ? [0.04, 0.16, 0.18, 0.1, 0.09, 0.27, 0.16] : [0.04, 0.2, 0.22, 0.09, 0.29, 0.16];
  const columns = widths.length;
  const titles = [f.colNo, f.colLeaderRhk, f.colRhk, ...(perspective ? [f.colPerspective] : []), f.colAspect, f.colIndicator, f.colTarget];
  const header: Row[] = [
    { shade: true, cells: [cell(f.results, { span: columns })] },
    { shade: true, cells: titles.map((title) => cell(title, { align: 'center' })) },
    { cells: titles.map((_, i) => cell(`(${i + 1})`, { align: 'center' })) },
  ];
  const rows: Row[] = [];
  for (const group of groupedRhk(data.rhk)) {
    rows.push({ shade: true, cells: [cell(f[`kind${group.kind}`], { span: columns })] });
    for (const { number, rhk } of group.items) {
      const indicators = rhk.indicators.length > 0 ? rhk.indicators : [null];
      for (const [i, indicator] of indicators.entries()) {
        const first = i === 0;
        rows.push({
          ...(first ? {} : { joined: perspective ? 4 : 3 }),
          cells: [
            cell(first ? String(number) : '', { align: 'center' }),
            cell(first ? (rhk.leaderText ?? f.none) : ''),
            cell(first ? rhk.text : ''),
            ...(perspective ? [cell(first ? (rhk.perspective ?? f.none) : '')] : []),
            cell(indicator?.aspect ? p[`aspect${indicator.aspect}`] : f.none, { align: 'center' }),
            cell(indicator?.text ?? f.none),
            cell(indicator?.target ?? f.none, { align: 'center' }),
          ],
        });
      }
    }
  }
  if (rows.length === 0) rows.push({ cells: [cell(f.noRhk, { span: columns })] });
  return { kind: 'table', widths, header, rows };
}

function behaviourTable(data: SkpDocumentData): Section {
  const header: Row[] = [{ shade: true, cells: [cell(f.colNo, { align: 'center' }), cell(f.colBehaviour), cell(f.colExpectation)] }];
  const expectations = new Map(data.behaviours.map((b) => [b.code, b.expectation]));
  const codes = data.behaviours.map((b) => b.code);
  const rows: Row[] = codes.map((code, i) => ({
    cells: [
      cell(String(i + 1), { align: 'center' }),
      cell(`${coreValueName(code, 'id')}\n${coreValueGuides(code, 'id').map((guide) => `- ${guide}`).join('\n')}`),
      cell(expectations.get(code) ?? f.none),
    ],
  }));
  return { kind: 'table', widths: [0.05, 0.5, 0.45], header, rows };
}

/** Each lampiran item on its own numbered row: a line of the stored text is one item. */
function lampiranTable(data: SkpDocumentData): Section {
  const rows: Row[] = [];
  const part = (heading: string, text: string | null) => {
    rows.push({ shade: true, cells: [cell(heading, { span: 2 })] });
    const items = (text ?? '').split('\n').map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim()).filter(Boolean);
    if (items.length === 0) rows.push({ cells: [cell(''), cell(f.none)] });
    for (const [i, item] of items.entries()) rows.push({ cells: [cell(String(i + 1), { align: 'center' }), cell(item)] });
  };
  part(f.resourceSupport, data.lampiran.resourceSupport);
  part(f.accountability, data.lampiran.accountability);
  part(f.consequences, data.lampiran.consequences);
  return { kind: 'table', widths: [0.06, 0.94], header: [], rows };
}

/** The SKP as PDF bytes. */
export function renderSkpDocument(data: SkpDocumentData, created: Date): Promise<Buffer> {
  return renderPdf(skpLayout(data), created);
}

