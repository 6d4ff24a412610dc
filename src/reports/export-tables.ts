/**
 * The export as tables with headers and labels in the reader's language: what the CSV and XLSX
 * writers put on paper. Each column says its kind, so the XLSX keeps numbers as numbers and
 * NIPs as text (an 18-digit NIP as a number would become 1.99E+17 and lose its last digits).
 */
import { followUpLine } from '../i18n/follow-up-decided.js';
import { formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { periodLabel } from '../domain/periods.js';
import { predikatLabel, ratingLabel } from '../domain/rating-matrix.js';
import type { Locale } from '../i18n/catalogue.js';
import { exportText } from '../i18n/export.js';
import { planningText } from '../i18n/planning.js';
import { establishedPredikat } from './established-predikat.js';
import type { EmployeeExportRow, EvaluationExport, RhkExportRow } from './evaluation-export.js';

/** Evaluation statuses whose predikat stands: finalised and not under a pending keberatan. */
const FINAL_STATUSES = new Set(['FINAL', 'ACKNOWLEDGED', 'DECIDED']);

/** A cell: text, a number, or a date column's YYYY-MM-DD. */
export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: 'text' | 'number' | 'date';
  /** Width in characters for the XLSX. */
  width: number;
  /** Texts of several lines (one per realisasi, feedback or evidence item): wrapped in the XLSX. */
  wrap?: boolean;
}

export interface ExportTable {
  /** Worksheet name. */
  sheet: string;
  /** Suffix of the CSV file of this table ("pegawai" → …-pegawai.csv). */
  fileSuffix: string;
  columns: Column[];
  rows: Cell[][];
}

export type Text = (typeof exportText)[Locale];

/** One column and how a row fills it. */
export type Field<Row> = [header: keyof Text, kind: Column['kind'], width: number, value: (row: Row) => Cell, wrap?: 'wrap'];

const day = (date: CivilDate | null) => (date ? formatCivilDate(date) : null);

function employeeFields(t: Text, locale: Locale): Field<EmployeeExportRow>[] {
  const rating = (value: Parameters<typeof ratingLabel>[0] | null) => (value ? ratingLabel(value, locale) : null);
  const predikat = (value: Parameters<typeof predikatLabel>[0] | null | undefined) => (value ? predikatLabel(value, locale) : null);
  return [
    ['colNip', 'text', 20, (r) => r.nip],
    ['colName', 'text', 28, (r) => r.name],
    ['colPosition', 'text', 30, (r) => r.position],
    ['colUnit', 'text', 30, (r) => r.unit],
    ['colRaterNip', 'text', 20, (r) => r.rater?.nip ?? null],
    ['colRaterName', 'text', 28, (r) => r.rater?.name ?? null],
    ['colPlanStatus', 'text', 16, (r) => (r.plan ? t[`plan${r.plan.status}`] : t.planNone)],
    ['colPlanVersion', 'number', 10, (r) => r.plan?.version ?? null],
    ['colRhkCount', 'number', 10, (r) => r.plan?.rhkCount ?? 0],
    ['colProgress', 'number', 12, (r) => r.progressEntries],
    ['colEvidence', 'number', 12, (r) => r.evidence],
    ['colFeedback', 'number', 12, (r) => r.feedback.total],
    ['colFeedbackPraise', 'number', 12, (r) => r.feedback.apresiasi],
    ['colFeedbackImprove', 'number', 12, (r) => r.feedback.perbaikan],
    ['colCheckinsAnswered', 'number', 12, (r) => r.checkins.answered],
    ['colCheckinsMissed', 'number', 12, (r) => r.checkins.missed],
    ['colEvaluationStatus', 'text', 18, (r) => (r.evaluation ? t[`evaluation${r.evaluation.status}`] : t.evaluationNone)],
    ['colResultsRating', 'text', 20, (r) => rating(r.evaluation?.resultsRating ?? null)],
    ['colBehaviourRating', 'text', 20, (r) => rating(r.evaluation?.behaviourRating ?? null)],
    ['colPredikat', 'text', 16, (r) => predikat(r.evaluation?.predikat)],
    ['colFinalizedOn', 'date', 12, (r) => day(r.evaluation?.finalizedOn ?? null)],
    ['colAcknowledgedOn', 'date', 12, (r) => day(r.evaluation?.acknowledgedOn ?? null)],
    ['colObjectionStatus', 'text', 16, (r) => (r.evaluation?.objection ? t[`objection${r.evaluation.objection.status}`] : null)],
    ['colObjectionDecision', 'text', 16, (r) => (r.evaluation?.objection?.decision ? t[`decision${r.evaluation.objection.decision}`] : null)],
    ['colChangedPredikat', 'text', 16, (r) => predikat(r.evaluation?.objection?.changedPredikat)],
    // What goes into e-Kinerja: the predikat after a decided objection that changed it; empty while
    // the result is a draft or a keberatan is still open, so nothing provisional is entered.
    ['colFinalPredikat', 'text', 16, (r) => (r.evaluation && FINAL_STATUSES.has(r.evaluation.status) ? predikat(r.evaluation.objection?.changedPredikat ?? r.evaluation.predikat) : null)],
    [
      'colFollowUps',
      'text',
      40,
      (r) =>
        r.evaluation?.followUps
          .map((f) => followUpLine(f, t[`followUp${f.kind}`], locale))
          .join('; ') || null,
    ],
    // Appended, so readers of the columns above are not disturbed: the predikat as established
    // (established-predikat.ts) – unlike "Predikat akhir" also while a keberatan is open.
    ['colEstablishedPredikat', 'text', 18, (r) => predikat(establishedPredikat(r.evaluation))],
  ];
}

function rhkFields(locale: Locale): Field<RhkExportRow>[] {
  const plan = planningText[locale];
  return [
    ['colNip', 'text', 20, (r) => r.nip],
    ['colName', 'text', 28, (r) => r.name],
    ['colRhkNo', 'number', 8, (r) => r.number],
    ['colRhkKind', 'text', 12, (r) => plan[`kind${r.kind}`]],
    ['colRhkText', 'text', 50, (r) => r.text],
    ['colLeaderRhk', 'text', 40, (r) => r.leaderRhk],
    ['colAspect', 'text', 12, (r) => (r.indicator?.aspect ? plan[`aspect${r.indicator.aspect}`] : null)],
    ['colIndicator', 'text', 50, (r) => r.indicator?.text ?? null],
    ['colTarget', 'number', 10, (r) => r.indicator?.targetValue ?? null],
    ['colTargetUnit', 'text', 16, (r) => r.indicator?.targetUnit ?? null],
    ['colTargetText', 'text', 30, (r) => r.indicator?.targetText ?? null],
    ['colRhkProgress', 'number', 14, (r) => r.progressEntries],
    ['colLastValue', 'number', 14, (r) => r.lastValue],
  ];
}

/** The columns of `fields` in the reader's language. */
export function columnsOf<Row>(t: Text, fields: Field<Row>[]): Column[] {
  return fields.map(([header, kind, width, , wrap]) => ({ header: t[header] as string, kind, width, ...(wrap ? { wrap: true } : {}) }));
}

function table<Row>(t: Text, sheet: string, fileSuffix: string, fields: Field<Row>[], rows: Row[]): ExportTable {
  return {
    sheet,
    fileSuffix,
    columns: columnsOf(t, fields),
    rows: rows.map((row) => fields.map(([, , , value]) => value(row))),
  };
}

/** The summary tables of an export: employees, and RHK × indicator with counts (the texts: export-text-tables.ts). */
export function exportTables(data: EvaluationExport, locale: Locale): [ExportTable, ExportTable] {
  const t = exportText[locale];
  return [
    table(t, t.sheetEmployees, t.fileEmployees, employeeFields(t, locale), data.employees),
    table(t, t.sheetRhk, t.fileRhk, rhkFields(locale), data.rhk),
  ];
}

/** What the export covers, as label/value lines (the XLSX's third sheet). */
export function exportInfo(data: EvaluationExport, locale: Locale, now: Date): [string, string][] {
  const t = exportText[locale];
  return [
    [t.infoAgency, data.agency.name],
    [t.infoUnit, scopeName(data, locale)],
    [t.infoPeriod, periodLabel(data.period, locale)],
    [t.infoDates, `${formatCivilDate(data.period.start)} – ${formatCivilDate(data.period.end)}`],
    [t.infoKind, t[`kind${data.kind}`]],
    [t.infoEmployees, String(data.employees.length)],
    [t.infoCreated, now.toISOString()],
  ];
}

/** "Seksi …" or "Seluruh <instansi>". */
export function scopeName(data: Pick<EvaluationExport, 'agency' | 'unit'>, locale: Locale): string {
  return data.unit?.name ?? exportText[locale].wholeAgency({ agency: data.agency.name });
}

/** A file name without extension: "ekspor-seksi-pengembangan-aplikasi-2026-Q4". */
export function exportBaseName(data: Pick<EvaluationExport, 'agency' | 'unit' | 'period'>): string {
  const slug = (data.unit?.name ?? data.agency.name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `ekspor-${slug || 'unit'}-${data.period.key}`;
}
