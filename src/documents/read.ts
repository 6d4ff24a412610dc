/**
 * Gathers one evaluation's or one SKP's document data from the database. Reads only, one query
 * at a time (`db` may be a transaction). Who rated is the evaluation's own rater – or the official
 * outside the bot HR recorded it for – even when that person has left since: the document names who
 * rated, not today's PPK.
 */
import { followUpDecided } from '../i18n/follow-up-decided.js';
import { CORE_VALUE_CODES } from '../domain/berakhlak.js';
import { formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import { employeeIdOf } from '../domain/ppk.js';
import { openPeriodStart } from '../domain/skp-period.js';
import { localDate } from '../domain/time-zones.js';
import { ownSkpText } from '../i18n/own-skp.js';
import type { Reader } from '../services/db.js';
import { evaluatedDays, finalResult } from '../services/evaluations.js';
import { periodInstants } from '../services/evaluation-record.js';
import { targetLabel, workingPlan } from '../services/plans.js';
import { ratingLineFor } from '../services/rating-line.js';
import { closedSkpPeriods, skpPeriodById } from '../services/skp-periods.js';
import { todayFor } from '../services/people.js';
import type { DocumentPerson, DocumentRhk, EvaluationDocumentData, SkpDocumentData } from './model.js';

/** A civil date stored as midnight UTC. */
const civilOf = (date: Date): CivilDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
const storedDate = (date: CivilDate) => new Date(`${formatCivilDate(date)}T00:00:00Z`);

const personSelect = { name: true, nip: true, rank: true, position: true, active: true, unit: { select: { name: true } } } as const;

type PersonRow = { name: string; nip: string; rank: string | null; position: string; active: boolean; unit: { name: string } };

function employeePerson(row: PersonRow): DocumentPerson {
  return { name: row.name, nip: row.nip, rank: row.rank, position: row.position, unit: row.unit.name, ...(row.active ? {} : { inactive: true }) };
}

/** An official outside the bot: the office is their jabatan; no rank or unit in the bot. */
function externalPerson(row: { name: string; title: string; nip: string | null }): DocumentPerson {
  return { name: row.name, nip: row.nip, rank: null, position: row.title, unit: null };
}

async function employeeById(db: Reader, id: string | null): Promise<DocumentPerson | null> {
  if (!id) return null;
  const row = await db.employee.findUnique({ where: { id }, select: personSelect });
  return row && employeePerson(row);
}

async function externalById(db: Reader, id: string | null): Promise<DocumentPerson | null> {
  if (!id) return null;
  const row = await db.externalOfficial.findUnique({ where: { id }, select: { name: true, title: true, nip: true } });
  return row && externalPerson(row);
}

function rhkOf(rhk: {
  kind: 'UTAMA' | 'TAMBAHAN';
  text: string;
  perspective: string | null;
  leaderRhk: { text: string } | null;
  indicators: { aspect: DocumentRhk['indicators'][number]['aspect']; text: string; targetValue: unknown; targetUnit: string | null; targetText: string | null }[];
}): DocumentRhk {
  const perspectives = ownSkpText.id as unknown as Record<string, string>;
  return {
    kind: rhk.kind,
    text: rhk.text,
    leaderText: rhk.leaderRhk?.text ?? null,
    perspective: rhk.perspective ? (perspectives[`perspective${rhk.perspective}`] ?? rhk.perspective) : null,
    indicators: rhk.indicators.map((indicator) => ({ aspect: indicator.aspect, text: indicator.text, target: targetLabel(indicator, 'id') })),
  };
}

/** The capaian kinerja organisasi that applies: the unit the employee leads, else the nearest of their unit and those above it with one set. */
async function organisationOf(db: Reader, employeeId: string, unitId: string, agencyId: string, periodKey: string): Promise<EvaluationDocumentData['organisation']> {
  const units = await db.unit.findMany({ where: { agencyId }, select: { id: true, name: true, parentId: true, leaderId: true } });
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const chain: { id: string; name: string }[] = units.filter((unit) => unit.leaderId === employeeId).sort((a, b) => a.name.localeCompare(b.name));
  for (let unit = byId.get(unitId); unit && chain.length < units.length + 1; unit = unit.parentId ? byId.get(unit.parentId) : undefined) chain.push(unit);
  const set = await db.unitPredikat.findMany({ where: { unitId: { in: chain.map((unit) => unit.id) }, periodKey }, select: { unitId: true, predikat: true } });
  for (const unit of chain) {
    const found = set.find((row) => row.unitId === unit.id);
    if (found) return { unit: unit.name, predikat: found.predikat };
  }
  return null;
}

/**
 * The Atasan PPK the document names: who decided (or hears) the keberatan – an official outside the
 * bot first, since the decider row is then the HR officer who recorded the decision – else the one
 * of the closed SKP period, else today's.
 */
async function atasanPpkOf(
  db: Reader,
  from: {
    employee: { id: string; timeZone: string };
    objection: { externalDecider: { name: string; title: string; nip: string | null } | null; decider: PersonRow | null } | null;
    closed: { atasanPpkId: string | null } | null;
    now: Date;
  },
): Promise<DocumentPerson | null> {
  const { employee, objection, closed, now } = from;
  if (objection?.externalDecider) return externalPerson(objection.externalDecider);
  if (objection?.decider) return employeePerson(objection.decider);
  if (closed) return employeeById(db, closed.atasanPpkId);
  const official = (await ratingLineFor(db, employee.id, todayFor(employee, now)))?.atasanPpk ?? null;
  return official?.kind === 'EXTERNAL' ? externalById(db, official.id) : employeeById(db, employeeIdOf(official));
}

/** The Dokumen Evaluasi's data for one evaluation; null when it does not exist. */
export async function readEvaluationDocument(db: Reader, evaluationId: string, now: Date): Promise<EvaluationDocumentData | null> {
  const evaluation = await db.evaluation.findUnique({
    where: { id: evaluationId },
    include: {
      employee: { select: { ...personSelect, id: true, agencyId: true, unitId: true, timeZone: true, agency: { select: { name: true } } } },
      rater: { select: personSelect },
      recordedForOfficial: { select: { name: true, title: true, nip: true } },
      objection: { include: { decider: { select: personSelect }, externalDecider: { select: { name: true, title: true, nip: true } } } },
      followUps: { orderBy: { createdAt: 'asc' }, select: { kind: true, recommendation: true, decision: true, outcome: true, officialName: true, documentNumber: true, decidedOn: true } },
    },
  });
  const whole = evaluation && parsePeriodKey(evaluation.periodKey);
  if (!evaluation || !whole) return null;
  const { employee, objection } = evaluation;

  // A closed SKP period (a move mid-year): its days, and the jabatan and unit the employee had then.
  const closed = evaluation.skpPart ? await skpPeriodById(db, evaluation.skpPart) : null;
  const closedRow = closed ? await db.skpPeriod.findUnique({ where: { id: closed.id }, select: { positionTitle: true, unitName: true } }) : null;
  const days = await evaluatedDays(db, evaluation);
  const from = days?.from ?? whole.start;
  const to = days?.to ?? whole.end;
  const person = employeePerson(employee);
  const subject: DocumentPerson = closedRow ? { ...person, position: closedRow.positionTitle, unit: closedRow.unitName } : person;

  const ppk = evaluation.recordedForOfficial ? externalPerson(evaluation.recordedForOfficial) : employeePerson(evaluation.rater);
  const recordedFor = evaluation.recordedForOfficial ? { hr: evaluation.rater.name, documentNumber: evaluation.documentNumber } : null;

  const atasanPpk = await atasanPpkOf(db, { employee, objection, closed, now });

  const plan = await workingPlan(db, employee.id, whole.year, closed ? storedDate(closed.endsOn) : null);
  const instants = periodInstants({ ...whole, start: from, end: to }, employee.timeZone);
  const feedback = await db.feedback.findMany({
    where: { recipientId: employee.id, createdAt: { gte: instants.from, lt: instants.to } },
    orderBy: { createdAt: 'asc' },
    select: { text: true, createdAt: true, coreValue: true, giver: { select: { name: true } }, rhk: { select: { lineageId: true } } },
  });
  const feedbackItem = (item: (typeof feedback)[number]) => ({ date: localDate(item.createdAt, employee.timeZone), by: item.giver.name, text: item.text });
  const rhk: EvaluationDocumentData['rhk'] = [];
  for (const expectation of plan?.resultExpectations ?? []) {
    // Realisasi follow an RHK through plan versions by its lineage.
    const entries = await db.progressEntry.findMany({
      where: { employeeId: employee.id, occurredOn: { gte: storedDate(from), lte: storedDate(to) }, rhk: { lineageId: expectation.lineageId } },
      orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
      select: { text: true, occurredOn: true, evidence: { select: { url: true, fileName: true, kind: true } } },
    });
    rhk.push({
      ...rhkOf(expectation),
      realisasi: entries.map((entry) => ({ date: civilOf(entry.occurredOn), text: entry.text, evidence: entry.evidence.map((e) => e.url ?? e.fileName ?? e.kind.toLowerCase()) })),
      feedback: feedback.filter((item) => item.rhk?.lineageId === expectation.lineageId).map(feedbackItem),
    });
  }
  const expectations = new Map((plan?.behaviourExpectations ?? []).map((b) => [b.coreValue, b.text]));

  return {
    agency: employee.agency.name,
    period: periodLabel(whole, 'id'),
    from,
    to,
    employee: subject,
    ppk,
    recordedFor,
    atasanPpk,
    organisation: await organisationOf(db, employee.id, employee.unitId, employee.agencyId, evaluation.periodKey),
    rated: { resultsRating: evaluation.resultsRating, behaviourRating: evaluation.behaviourRating, predikat: evaluation.predikat },
    final: finalResult(evaluation),
    finalizedOn: evaluation.decidedOn ? civilOf(evaluation.decidedOn) : evaluation.finalizedAt ? localDate(evaluation.finalizedAt, employee.timeZone) : null,
    notes: evaluation.notes,
    feedback: evaluation.feedback,
    followUps: evaluation.followUps.map(({ outcome, officialName, documentNumber, decidedOn, ...followUp }) => ({ ...followUp, decided: followUpDecided({ outcome, officialName, documentNumber, decidedOn }) })),
    objection: objection && {
      filedOn: localDate(objection.filedAt, employee.timeZone),
      reasons: objection.reasons,
      employeeExplanation: objection.employeeExplanation,
      raterExplanation: objection.raterExplanation,
      decision: objection.decision,
      decisionNote: objection.decisionNote,
      decidedOn: objection.decidedOn ? civilOf(objection.decidedOn) : objection.decidedAt ? localDate(objection.decidedAt, employee.timeZone) : null,
      documentNumber: objection.documentNumber,
      // Recorded by HR for an official outside the bot: the decider row is then the HR officer, or gone.
      recordedBy: objection.externalDeciderId ? (objection.decider?.name ?? null) : null,
    },
    rhk,
    behaviour: CORE_VALUE_CODES.map((code) => ({ code, expectation: expectations.get(code) ?? null, feedback: feedback.filter((item) => item.coreValue === code).map(feedbackItem) })),
  };
}

/** The SKP document's data for one plan version; null when it does not exist. */
export async function readSkpDocument(db: Reader, planId: string): Promise<SkpDocumentData | null> {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: {
      employee: { select: { ...personSelect, id: true, timeZone: true, agency: { select: { name: true } }, externalPpk: { select: { name: true, title: true, nip: true } } } },
      rater: { select: personSelect },
      resultExpectations: { orderBy: { position: 'asc' }, include: { indicators: { orderBy: { position: 'asc' } }, leaderRhk: { select: { text: true } } } },
      behaviourExpectations: true,
    },
  });
  if (!plan) return null;
  const closed = await closedSkpPeriods(db, [plan.employeeId], plan.year);
  const end = plan.periodEnd ? civilOf(plan.periodEnd) : null;
  const period = end ? closed.find((c) => formatCivilDate(c.endsOn) === formatCivilDate(end)) : null;
  const closedRow = period ? await db.skpPeriod.findUnique({ where: { id: period.id }, select: { positionTitle: true, unitName: true } }) : null;
  const person = employeePerson(plan.employee);
  const official = await externalById(db, plan.recordedForOfficialId);
  const recorder = plan.recordedForOfficialId ? await db.employee.findUnique({ where: { id: plan.establishedById ?? '' }, select: { name: true } }) : null;
  const expectations = new Map(plan.behaviourExpectations.map((b) => [b.coreValue, b.text]));
  return {
    agency: plan.employee.agency.name,
    year: plan.year,
    version: plan.version,
    established: plan.status === 'AGREED',
    approach: plan.approach,
    from: period?.startsOn ?? openPeriodStart(plan.year, closed),
    to: end ?? { year: plan.year, month: 12, day: 31 },
    employee: { ...person, position: closedRow?.positionTitle ?? plan.positionTitle, unit: closedRow?.unitName ?? person.unit },
    // An SKP imported without a PPK in the bot: the official outside it who is the employee's PPK.
    ppk: official ?? (plan.rater ? employeePerson(plan.rater) : plan.employee.externalPpk ? externalPerson(plan.employee.externalPpk) : null),
    documentNumber: plan.documentNumber,
    recordedFor: official ? { hr: recorder?.name ?? '-', documentNumber: plan.documentNumber } : null,
    establishedOn: plan.establishedOn ? civilOf(plan.establishedOn) : plan.agreedAt ? localDate(plan.agreedAt, plan.employee.timeZone) : null,
    rhk: plan.resultExpectations.map(rhkOf),
    behaviours: CORE_VALUE_CODES.map((code) => ({ code, expectation: expectations.get(code) ?? null })),
    lampiran: { resourceSupport: plan.resourceSupport, accountability: plan.accountability, consequences: plan.consequences },
  };
}
