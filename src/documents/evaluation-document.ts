/**
 * The Dokumen Evaluasi Kinerja Pegawai in the Lampiran's layout: the employee, the Pejabat Penilai
 * Kinerja and the Atasan Pejabat Penilai Kinerja with NIP, pangkat/golongan, jabatan and unit; the
 * capaian kinerja organisasi, ratings and predikat; catatan/rekomendasi; the keberatan, the PPK's
 * explanation and the Atasan PPK's decision; signatures. The PPK signs; the Atasan PPK signs only
 * when there is a keberatan (dsdm.undip.ac.id, research/regulation-audit.md §1.4). An appendix lists
 * each RHK with its realisasi and umpan balik, and the umpan balik per BerAKHLAK value.
 */
import { followUpLine } from '../i18n/follow-up-decided.js';
import { coreValueGuides, coreValueName } from '../domain/berakhlak.js';
import { predikatLabel, ratingLabel, unitPredikatLabel } from '../domain/rating-matrix.js';
import { documentForm as f } from '../i18n/documents.js';
import { renderPdf, type Layout, type Row, type Section } from './layout.js';
import type { DocumentFeedback, EvaluationDocumentData, ResultTriple } from './model.js';
import { capped, cell, formDate, groupedRhk, indicatorLines, numberedPart, personRows, signature } from './parts.js';

/** How many realisasi and umpan balik one appendix cell lists (the latest; a line says how many more). */
export const REALISASI_PER_RHK = 12;
export const FEEDBACK_PER_ITEM = 6;

const resultLine = (result: ResultTriple) =>
  result.predikat && result.resultsRating && result.behaviourRating
    ? f.decisionNewResult({ results: ratingLabel(result.resultsRating, 'id'), behaviour: ratingLabel(result.behaviourRating, 'id'), predikat: predikatLabel(result.predikat, 'id') })
    : f.none;

const feedbackLines = (items: DocumentFeedback[]) => capped(items.map((item) => `${formDate(item.date)}, ${item.by}: ${item.text}`), FEEDBACK_PER_ITEM);

/** The evaluation form's sections, from its data. */
export function evaluationLayout(data: EvaluationDocumentData): Layout {
  const changed = data.final.predikat !== data.rated.predikat || data.final.resultsRating !== data.rated.resultsRating || data.final.behaviourRating !== data.rated.behaviourRating;
  const ppkRows = personRows(data.ppk);
  if (data.recordedFor) ppkRows.push(['', f.recordedBy({ hr: data.recordedFor.hr, number: data.recordedFor.documentNumber ?? '' })]);
  else if (data.ppk.inactive) ppkRows.push(['', f.ratedByFormer]);

  const predikat = data.final.predikat ? predikatLabel(data.final.predikat, 'id') : f.none;
  const rows: Row[] = [
    ...numberedPart(1, f.employee, personRows(data.employee)),
    ...numberedPart(2, f.ppk, ppkRows),
    ...numberedPart(3, f.atasanPpk, personRows(data.atasanPpk)),
    ...numberedPart(4, f.evaluation, [
      [f.organisation, data.organisation ? f.organisationOf({ predikat: unitPredikatLabel(data.organisation.predikat, 'id'), unit: data.organisation.unit }) : f.none],
      [f.resultsRating, data.final.resultsRating ? ratingLabel(data.final.resultsRating, 'id') : f.none],
      [f.behaviourRating, data.final.behaviourRating ? ratingLabel(data.final.behaviourRating, 'id') : f.none],
      [f.predikat, changed ? `${predikat}\n${f.changedByDecision({ before: resultLine(data.rated) })}` : predikat],
    ]),
    ...textPart(5, f.notesHeading, notesText(data)),
    ...textPart(6, f.objectionHeading, data.objection ? `${f.objectionFiled({ date: formDate(data.objection.filedOn) })}\n${data.objection.reasons}` : f.noObjection),
  ];
  if (data.objection) {
    const o = data.objection;
    const explanation = [o.raterExplanation ?? f.none, ...(o.employeeExplanation ? [`${f.employeeExplanation}: ${o.employeeExplanation}`] : [])].join('\n');
    rows.push(...textPart(7, f.raterExplanation, explanation));
    const decision = o.decision
      ? [
          o.decision === 'CHANGED' ? [f.decisionCHANGED, resultLine(data.final)].filter((part) => part !== f.none).join(' ') : f.decisionUPHELD,
          ...(o.decisionNote ? [o.decisionNote] : []),
          ...(o.decidedOn ? [f.decisionOn({ date: formDate(o.decidedOn) })] : []),
          ...(o.documentNumber ? [f.decisionDocument({ number: o.documentNumber })] : []),
        ].join('\n')
      : f.objectionPending;
    rows.push(...textPart(8, f.decisionHeading, decision));
  }

  const signatures = [signature(f.signPpk, data.ppk, data.finalizedOn, data.recordedFor)];
  // The Atasan PPK signs only a document with a keberatan: their decision is part of it.
  if (data.objection) signatures.unshift(signature(f.signAtasanPpk, data.atasanPpk, data.objection.decidedOn, data.objection.recordedBy ? { hr: data.objection.recordedBy, documentNumber: data.objection.documentNumber } : null));

  const sections: Section[] = [
    { kind: 'title', lines: [f.evaluationTitle, f.periodLine({ period: data.period.toUpperCase() })] },
    { kind: 'meta', left: f.agencyLine({ agency: data.agency }), right: f.assessmentPeriod({ from: formDate(data.from), to: formDate(data.to) }) },
    { kind: 'table', widths: [0.05, 0.3, 0.65], header: [], rows },
    { kind: 'signatures', blocks: signatures },
    { kind: 'pageBreak' },
    { kind: 'heading', text: f.recordAppendix },
    resultsAppendix(data),
    behaviourAppendix(data),
  ];
  return { title: `${f.evaluationTitle} – ${data.employee.name} – ${data.period}`, author: data.agency, sections };
}

/** A numbered part whose body is one text across the table. */
function textPart(number: number, heading: string, text: string): Row[] {
  return [
    { shade: true, cells: [cell(String(number), { align: 'center' }), cell(heading, { span: 2 })] },
    { cells: [cell(''), cell(text || f.none, { span: 2 })] },
  ];
}

function notesText(data: EvaluationDocumentData): string {
  const lines = [
    ...(data.notes ? [`${f.notes}: ${data.notes}`] : []),
    ...(data.feedback ? [`${f.feedback}: ${data.feedback}`] : []),
    // The forms are Indonesian whatever the reader's language.
    ...data.followUps.map((followUp) => followUpLine(followUp, f[`followUp${followUp.kind}`], 'id')),
  ];
  return lines.join('\n');
}

/** Each RHK with its indicators, realisasi and umpan balik. */
function resultsAppendix(data: EvaluationDocumentData): Section {
  const widths = [0.05, 0.23, 0.22, 0.27, 0.23];
  const header: Row[] = [
    { shade: true, cells: [cell(f.colNo, { align: 'center' }), cell(f.colRhk), cell(f.colIndicatorTarget), cell(f.colRealisasi), cell(f.colFeedback)] },
  ];
  const rows: Row[] = [];
  for (const group of groupedRhk(data.rhk)) {
    rows.push({ cells: [cell(f[`kind${group.kind}`], { span: 5, bold: true })] });
    for (const { number, rhk } of group.items) {
      const realisasi = rhk.realisasi.map((entry) => `${formDate(entry.date)}: ${entry.text}${entry.evidence.length > 0 ? `\n  ${entry.evidence.join('\n  ')}` : ''}`);
      rows.push({
        cells: [
          cell(String(number), { align: 'center' }),
          cell(rhk.text),
          cell(indicatorLines(rhk) || f.none),
          cell(realisasi.length > 0 ? capped(realisasi, REALISASI_PER_RHK).join('\n') : f.noRealisasi),
          cell(rhk.feedback.length > 0 ? feedbackLines(rhk.feedback).join('\n') : f.none),
        ],
      });
    }
  }
  if (rows.length === 0) rows.push({ cells: [cell(f.noRhk, { span: 5 })] });
  return { kind: 'table', widths, header, rows };
}

/** Each BerAKHLAK value with its guides, the Ekspektasi Khusus Pimpinan and the umpan balik on it. */
function behaviourAppendix(data: EvaluationDocumentData): Section {
  const widths = [0.05, 0.35, 0.3, 0.3];
  const header: Row[] = [{ shade: true, cells: [cell(f.colNo, { align: 'center' }), cell(f.colBehaviour), cell(f.colExpectation), cell(f.colFeedback)] }];
  const rows: Row[] = data.behaviour.map((value, i) => ({
    cells: [
      cell(String(i + 1), { align: 'center' }),
      cell(`${coreValueName(value.code, 'id')}\n${coreValueGuides(value.code, 'id').map((guide) => `- ${guide}`).join('\n')}`),
      cell(value.expectation ?? f.none),
      cell(value.feedback.length > 0 ? feedbackLines(value.feedback).join('\n') : f.none),
    ],
  }));
  return { kind: 'table', widths, header, rows };
}

/** The Dokumen Evaluasi Kinerja Pegawai as PDF bytes. */
export function renderEvaluationDocument(data: EvaluationDocumentData, created: Date): Promise<Buffer> {
  return renderPdf(evaluationLayout(data), created);
}
