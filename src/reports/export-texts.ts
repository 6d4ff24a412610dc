/**
 * The texts of an export – what e-Kinerja's evaluation form asks per RHK/IKI row (Realisasi and Umpan
 * Balik Berkelanjutan berdasarkan Bukti Dukung, the Bukti Dukung themselves) and per BerAKHLAK core
 * value (the leader's expectation and the feedback given) – read a batch of people at a time: a
 * quarter of daily progress for 30,000 people does not fit in memory at once, the counts do.
 * Plain values only; labels and cells are made in export-tables.ts.
 */
import { CORE_VALUE_CODES, type CoreValueCode } from '../domain/berakhlak.js';
import { addDays, compareCivilDates, formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import type { Period } from '../domain/periods.js';
import { instantFromLocal, localDate } from '../domain/time-zones.js';
import type { FeedbackKind, RhkKind } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import { inChunks, type Reader } from '../services/db.js';
import type { EvidenceLinker, EvidenceRef } from './evidence-links.js';

/** People per batch: a quarter's texts of 1,000 people is a few MB. */
export const TEXT_BATCH = 1_000;

/** Who a text row belongs to. */
export interface TextPerson {
  nip: string;
  name: string;
  unit: string;
}

/** One progress entry (from /realisasi or a check-in) as the export shows it. */
export interface RealisasiItem {
  on: CivilDate;
  text: string;
  /** The quantity reported, in the indicator's unit. */
  value: number | null;
}

/** One feedback text given to the person. */
export interface FeedbackItem {
  on: CivilDate;
  kind: FeedbackKind;
  giver: string;
  text: string;
}

/** One RHK/IKI row of e-Kinerja's evaluation form. */
export interface RhkTextRow extends TextPerson {
  number: number;
  kind: RhkKind;
  rhk: string;
  indicator: string | null;
  target: { value: number | null; unit: string | null; text: string | null } | null;
  lastValue: number | null;
  /** In date order. */
  realisasi: RealisasiItem[];
  feedback: FeedbackItem[];
  /** The linker's text per evidence item of the row's realisasi, in the realisasi's order. */
  evidence: string[];
}

/** One BerAKHLAK core value of one person. */
export interface BehaviourTextRow extends TextPerson {
  coreValue: CoreValueCode;
  /** The leader's specific expectation (ekspektasi khusus pimpinan) in the plan, if set. */
  expectation: string | null;
  feedback: FeedbackItem[];
}

/** Reads the text rows in batches, in the export's order of people. */
export interface ExportTexts {
  rhkRows(locale: Locale): AsyncIterable<RhkTextRow[]>;
  behaviourRows(): AsyncIterable<BehaviourTextRow[]>;
}

/** An RHK of the plan in force with its indicators, as the summary already read them. */
export interface PlanRhk {
  id: string;
  lineageId: string;
  kind: RhkKind;
  text: string;
  indicators: { id: string; text: string; targetValue: number | null; targetUnit: string | null; targetText: string | null }[];
}

/** A person of the export with what the summary already knows of them. */
export interface TextSubject extends TextPerson {
  id: string;
  timeZone: string;
  planId: string | null;
  rhks: PlanRhk[];
}

/** A progress entry placed on its RHK by lineage, so entries on an older version of the RHK still count. */
export interface PlacedRealisasi extends RealisasiItem {
  id: string;
  lineageId: string;
  indicatorId: string | null;
}

/**
 * The RHK/IKI rows of one person. An entry or evidence on an indicator of the row goes to that row;
 * one on the RHK as a whole (or on an indicator the plan no longer has) and the RHK's feedback go to
 * the RHK's first row, as the form shows the RHK once above its indicators: nothing is entered twice.
 */
export function rhkTextRowsOf(
  person: TextSubject,
  realisasi: readonly PlacedRealisasi[],
  feedback: readonly (FeedbackItem & { lineageId: string })[],
  evidenceOf: ReadonlyMap<string, readonly string[]>,
  lastValue: ReadonlyMap<string, number>,
): RhkTextRow[] {
  return person.rhks.flatMap((rhk, index): RhkTextRow[] => {
    const own = realisasi.filter((entry) => entry.lineageId === rhk.lineageId);
    const indicatorIds = new Set(rhk.indicators.map((indicator) => indicator.id));
    const general = own.filter((entry) => !entry.indicatorId || !indicatorIds.has(entry.indicatorId));
    const base = { nip: person.nip, name: person.name, unit: person.unit, number: index + 1, kind: rhk.kind, rhk: rhk.text };
    const row = (indicator: PlanRhk['indicators'][number] | null, entries: readonly PlacedRealisasi[], first: boolean): RhkTextRow => {
      const items = first ? [...entries, ...general].sort(byDate) : [...entries];
      return {
        ...base,
        indicator: indicator?.text ?? null,
        target: indicator ? { value: indicator.targetValue, unit: indicator.targetUnit, text: indicator.targetText } : null,
        lastValue: indicator ? (lastValue.get(indicator.id) ?? null) : null,
        realisasi: items.map(({ on, text, value }) => ({ on, text, value })),
        feedback: first ? feedback.filter((item) => item.lineageId === rhk.lineageId).map(({ on, kind, giver, text }) => ({ on, kind, giver, text })) : [],
        evidence: items.flatMap((entry) => evidenceOf.get(entry.id) ?? []),
      };
    };
    if (rhk.indicators.length === 0) return [row(null, [], true)];
    return rhk.indicators.map((indicator, i) => row(indicator, own.filter((entry) => entry.indicatorId === indicator.id), i === 0));
  });
}

/** Oldest first; the sort is stable, so entries of one day keep the order they were written in. */
const byDate = (a: RealisasiItem, b: RealisasiItem) => compareCivilDates(a.on, b.on);

/** The seven core values of one person, in BerAKHLAK order. */
export function behaviourTextRowsOf(person: TextPerson, expectations: ReadonlyMap<CoreValueCode, string>, feedback: readonly (FeedbackItem & { coreValue: CoreValueCode })[]): BehaviourTextRow[] {
  return CORE_VALUE_CODES.map((coreValue) => ({
    nip: person.nip,
    name: person.name,
    unit: person.unit,
    coreValue,
    expectation: expectations.get(coreValue) ?? null,
    feedback: feedback.filter((item) => item.coreValue === coreValue).map(({ on, kind, giver, text }) => ({ on, kind, giver, text })),
  }));
}

/** A civil date stored as midnight UTC (the `@db.Date` columns). */
const dateColumn = (date: CivilDate) => new Date(`${formatCivilDate(date)}T00:00:00Z`);

/** A date column read as "2026-10-05" (always a real date). */
function columnDate(text: string): CivilDate {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  return { year, month, day };
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The text reader of an export; `subjects` in the export's order, `lastValue` per indicator id. */
export function exportTexts(db: Reader, options: { period: Period; subjects: readonly TextSubject[]; lastValue: ReadonlyMap<string, number>; linker: EvidenceLinker; batchSize?: number }): ExportTexts {
  const { period, subjects, lastValue, linker } = options;
  const size = options.batchSize ?? TEXT_BATCH;

  /** Feedback received in the period by the batch, in the recipient's own calendar (as the counts do). */
  async function feedbackOf(batch: readonly TextSubject[], about: 'rhk' | 'value') {
    const wide = { gte: new Date(dateColumn(period.start).getTime() - 86_400_000), lt: dateColumn(addDays(period.end, 2)) };
    const zoneOf = new Map(batch.map((person) => [person.id, person.timeZone]));
    const rows = await inChunks(batch.map((person) => person.id), (chunk) =>
      db.feedback.findMany({
        where: { recipientId: { in: chunk }, createdAt: wide, ...(about === 'rhk' ? { rhkId: { not: null } } : { coreValue: { not: null } }) },
        select: { recipientId: true, rhkId: true, coreValue: true, kind: true, text: true, createdAt: true, giver: { select: { name: true } } },
        orderBy: { createdAt: 'asc' },
      }),
    );
    const bounds = new Map<string, { from: Date; until: Date }>();
    return rows.flatMap((row) => {
      const zone = zoneOf.get(row.recipientId) ?? 'Asia/Jakarta'; // always found: the rows are the batch's
      const b = bounds.get(zone) ?? {
        from: instantFromLocal({ ...period.start, hour: 0, minute: 0 }, zone),
        until: instantFromLocal({ ...addDays(period.end, 1), hour: 0, minute: 0 }, zone),
      };
      bounds.set(zone, b);
      if (row.createdAt < b.from || row.createdAt >= b.until) return [];
      return [{ recipientId: row.recipientId, rhkId: row.rhkId, coreValue: row.coreValue, on: localDate(row.createdAt, zone), kind: row.kind, giver: row.giver.name, text: row.text }];
    });
  }

  /** Lineage of RHK ids, so texts on an older version of an RHK land on its row in the plan in force. */
  async function lineages(rhkIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(rhkIds)];
    const rows = await inChunks(unique, (chunk) => db.resultExpectation.findMany({ where: { id: { in: chunk } }, select: { id: true, lineageId: true } }));
    return new Map(rows.map((row) => [row.id, row.lineageId]));
  }

  /**
   * The batch's progress entries of the period, oldest first, each with its RHK's lineage and its
   * evidence. One statement rather than three Prisma queries: these are most of an export's rows,
   * and Prisma's per-row work was most of the time spent reading texts (halved at 3,000 people).
   */
  async function progressOf(batch: readonly TextSubject[]): Promise<(PlacedRealisasi & { employeeId: string; evidence: EvidenceRef[] })[]> {
    const ids = batch.map((person) => person.id);
    const rows = await db.$queryRaw<{ id: string; employeeId: string; lineageId: string; indicatorId: string | null; text: string; value: number | null; occurredOn: string; evidence: EvidenceRef[] | string }[]>`
      SELECT pe.id, pe."employeeId", r."lineageId", pe."indicatorId", pe.text, pe.value::float8 AS value, to_char(pe."occurredOn", 'YYYY-MM-DD') AS "occurredOn",
        coalesce(json_agg(json_build_object('id', ev.id, 'kind', ev.kind, 'url', ev.url, 'fileName', ev."fileName", 'platform', ev.platform, 'sizeBytes', ev."sizeBytes")
          ORDER BY ev."createdAt", ev.id) FILTER (WHERE ev.id IS NOT NULL), '[]'::json) AS evidence
      FROM "ProgressEntry" pe
      JOIN "ResultExpectation" r ON r.id = pe."rhkId"
      LEFT JOIN "Evidence" ev ON ev."progressEntryId" = pe.id
      WHERE pe."employeeId" = ANY(${ids}::text[]) AND pe."occurredOn" BETWEEN ${formatCivilDate(period.start)}::date AND ${formatCivilDate(period.end)}::date
      GROUP BY pe.id, r."lineageId"
      ORDER BY pe."occurredOn", pe."createdAt", pe.id`;
    return rows.map((row) => ({
      ...row,
      on: columnDate(row.occurredOn),
      value: row.value === null ? null : Number(row.value),
      evidence: typeof row.evidence === 'string' ? (JSON.parse(row.evidence) as EvidenceRef[]) : row.evidence,
    }));
  }

  async function* rhkRows(locale: Locale): AsyncIterable<RhkTextRow[]> {
    for (const batch of batches(subjects, size)) {
      const progress = await progressOf(batch);
      const evidence = progress.flatMap((entry) => entry.evidence);
      const links = await linker.linksOf(evidence, locale);
      const linkOf = new Map(evidence.map((item, i) => [item.id, links[i] ?? '']));
      const evidenceOf = new Map(progress.map((entry) => [entry.id, entry.evidence.map((item) => linkOf.get(item.id) ?? '')]));
      const feedback = await feedbackOf(batch, 'rhk');
      const lineageOf = await lineages(feedback.flatMap((item) => (item.rhkId ? [item.rhkId] : [])));
      const progressByPerson = groupBy(progress, (entry) => entry.employeeId);
      const feedbackByPerson = groupBy(feedback, (item) => item.recipientId);
      yield batch.flatMap((person) =>
        rhkTextRowsOf(
          person,
          progressByPerson.get(person.id) ?? [],
          (feedbackByPerson.get(person.id) ?? []).map((item) => ({ ...item, lineageId: lineageOf.get(item.rhkId ?? '') ?? item.rhkId ?? '' })),
          evidenceOf,
          lastValue,
        ),
      );
    }
  }

  async function* behaviourRows(): AsyncIterable<BehaviourTextRow[]> {
    for (const batch of batches(subjects, size)) {
      const planIds = batch.flatMap((person) => (person.planId ? [person.planId] : []));
      const expectations = await inChunks(planIds, (chunk) => db.behaviourExpectation.findMany({ where: { planId: { in: chunk } }, select: { planId: true, coreValue: true, text: true } }));
      const expectationsOf = new Map<string, Map<CoreValueCode, string>>();
      for (const row of expectations) expectationsOf.set(row.planId, (expectationsOf.get(row.planId) ?? new Map<CoreValueCode, string>()).set(row.coreValue, row.text));
      const feedback = groupBy(await feedbackOf(batch, 'value'), (item) => item.recipientId);
      yield batch.flatMap((person) =>
        behaviourTextRowsOf(
          person,
          expectationsOf.get(person.planId ?? '') ?? new Map(),
          (feedback.get(person.id) ?? []).flatMap((item) => (item.coreValue ? [{ ...item, coreValue: item.coreValue }] : [])),
        ),
      );
    }
  }

  return { rhkRows, behaviourRows };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
