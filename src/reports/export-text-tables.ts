/**
 * The text sheets of an export in e-Kinerja's shape, with labels in the reader's language:
 * "Realisasi RHK" – one row per person × RHK/IKI with the target, the last value, the realisasi, the
 * umpan balik berkelanjutan and the bukti dukung (Lampiran evaluasi kinerja: "Realisasi berdasarkan
 * Bukti Dukung", "Umpan Balik Berkelanjutan berdasarkan Bukti Dukung") – and "Perilaku", one row per
 * person × BerAKHLAK core value with the leader's expectation and the feedback given. Rows come in
 * batches (export-texts.ts), so the writers put them on paper as they are read.
 */
import { coreValueName } from '../domain/berakhlak.js';
import { formatCivilDate } from '../domain/civil-date.js';
import { periodLabel } from '../domain/periods.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { exportText } from '../i18n/export.js';
import { planningText } from '../i18n/planning.js';
import type { EvaluationExport } from './evaluation-export.js';
import type { BehaviourTextRow, FeedbackItem, RealisasiItem, RhkTextRow } from './export-texts.js';
import { columnsOf, type Cell, type Column, type Field, type Text } from './export-tables.js';

/** Excel holds at most 32,767 characters in a cell; a longer text is cut there and the file is "repaired". */
export const MAX_CELL_CHARS = 32_000;

/** A table whose rows arrive in batches. */
export interface StreamedTable {
  sheet: string;
  fileSuffix: string;
  columns: Column[];
  batches: AsyncIterable<Cell[][]>;
}

/** Lines in one cell; past the cell limit, the rest is counted rather than cut mid-line. */
export function linesCell(lines: readonly string[], t: Text): string | null {
  if (lines.length === 0) return null;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > MAX_CELL_CHARS - 100) break;
    kept.push(line);
    length += line.length + 1;
  }
  const rest = lines.length - kept.length;
  return rest > 0 ? [...kept, t.moreLines({ count: rest })].join('\n') : kept.join('\n');
}

/** "2026-10-05: Modul pembayaran selesai (4 modul)". */
export function realisasiLine(item: RealisasiItem, unit: string | null, locale: Locale): string {
  const value = item.value === null ? '' : ` (${[formatNumber(item.value, locale, 4), unit].filter(Boolean).join(' ')})`;
  return `${formatCivilDate(item.on)}: ${item.text}${value}`;
}

/** "2026-11-02, Saran perbaikan (Sri Wahyuni): Lengkapi uji coba." */
export function feedbackLine(item: FeedbackItem, t: Text): string {
  return `${formatCivilDate(item.on)}, ${t[`feedback${item.kind}`]} (${item.giver}): ${item.text}`;
}

function rhkTextFields(t: Text, locale: Locale, period: string): Field<RhkTextRow>[] {
  const plan = planningText[locale];
  const target = (r: RhkTextRow) => {
    if (!r.target) return null;
    if (r.target.value === null) return r.target.text;
    return [formatNumber(r.target.value, locale, 4), r.target.unit].filter(Boolean).join(' ');
  };
  return [
    ['colNip', 'text', 20, (r) => r.nip],
    ['colName', 'text', 28, (r) => r.name],
    ['colUnit', 'text', 30, (r) => r.unit],
    ['colPeriod', 'text', 18, () => period],
    ['colRhkNo', 'number', 8, (r) => r.number],
    ['colRhkKind', 'text', 12, (r) => plan[`kind${r.kind}`]],
    ['colRhkText', 'text', 50, (r) => r.rhk],
    ['colIndicator', 'text', 50, (r) => r.indicator],
    ['colTarget', 'text', 24, target],
    ['colLastValue', 'number', 14, (r) => r.lastValue],
    ['colRealisasi', 'text', 70, (r) => linesCell(r.realisasi.map((item) => realisasiLine(item, r.target?.unit ?? null, locale)), t), 'wrap'],
    ['colContinuousFeedback', 'text', 60, (r) => linesCell(r.feedback.map((item) => feedbackLine(item, t)), t), 'wrap'],
    ['colEvidenceLinks', 'text', 60, (r) => linesCell(r.evidence, t), 'wrap'],
  ];
}

function behaviourFields(t: Text, locale: Locale, period: string): Field<BehaviourTextRow>[] {
  return [
    ['colNip', 'text', 20, (r) => r.nip],
    ['colName', 'text', 28, (r) => r.name],
    ['colUnit', 'text', 30, (r) => r.unit],
    ['colPeriod', 'text', 18, () => period],
    ['colCoreValue', 'text', 24, (r) => coreValueName(r.coreValue, locale)],
    ['colBehaviourExpectation', 'text', 60, (r) => r.expectation, 'wrap'],
    ['colBehaviourFeedback', 'text', 60, (r) => linesCell(r.feedback.map((item) => feedbackLine(item, t)), t), 'wrap'],
  ];
}

async function* cellsOf<Row>(batches: AsyncIterable<Row[]>, fields: Field<Row>[]): AsyncIterable<Cell[][]> {
  for await (const batch of batches) yield batch.map((row) => fields.map(([, , , value]) => value(row)));
}

/** The text tables of an export: "Realisasi RHK" and "Perilaku". Each read once, when written. */
export function exportTextTables(data: EvaluationExport, locale: Locale): [StreamedTable, StreamedTable] {
  const t = exportText[locale];
  const period = periodLabel(data.period, locale);
  const rhk = rhkTextFields(t, locale, period);
  const behaviour = behaviourFields(t, locale, period);
  return [
    { sheet: t.sheetRealisasi, fileSuffix: t.fileRealisasi, columns: columnsOf(t, rhk), batches: cellsOf(data.texts.rhkRows(locale), rhk) },
    { sheet: t.sheetBehaviour, fileSuffix: t.fileBehaviour, columns: columnsOf(t, behaviour), batches: cellsOf(data.texts.behaviourRows(), behaviour) },
  ];
}
