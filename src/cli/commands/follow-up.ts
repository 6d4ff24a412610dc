/**
 * `follow-up list | decide` and `pak record | list`: HR records at the CLI what the authorised
 * official decided on a rater's follow-up proposal (with the decision document and, when there is
 * one, the Tim Penilai Kinerja PNS's consideration), and the Penetapan Angka Kredit of an annual
 * evaluation from its document. The rules live in services/follow-up-service.ts and
 * services/credit-points-service.ts; the people concerned are told as in chat.
 */
import { creditPointStore } from '../../services/credit-points-store.js';
import { UnitOfWork } from '../../services/work.js';
import { ESTABLISHED_STATUSES } from '../../services/penetapan-service.js';
import { formatCivilDate } from '../../domain/civil-date.js';
import { periodKeyLabel } from '../../domain/periods.js';
import { localDate } from '../../domain/time-zones.js';
import { compareCivilDates } from '../../domain/civil-date.js';
import { CliUsageError } from '../../errors.js';
import { formatNumber } from '../../i18n/catalogue.js';
import { followUpCliText, followUpText } from '../../i18n/follow-up.js';
import { notify } from '../../notifications/notify.js';
import { documentDateLabel } from '../../notifications/follow-up.js';
import { decideAndCommit } from '../../services/commit.js';
import { servicesFor } from '../../services/registry.js';
import type { CliContext } from '../context.js';
import { dateOption } from './acting.js';
import { chooseAgency, choosePerson } from './agency.js';

export interface FollowUpArgs {
  instansi?: string;
  id?: string;
  outcome?: string;
  name?: string;
  number?: string;
  on?: string;
  tim?: string;
  note?: string;
  nip?: string;
  year?: string;
  points?: string;
}

/** The proposals of the agency still waiting for a decision, oldest first. */
export async function followUpListCommand(context: CliContext, args: FollowUpArgs): Promise<number> {
  const t = followUpCliText[context.locale];
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const pending = await db.prisma.evaluationFollowUp.findMany({
    where: { decidedAt: null, evaluation: { employee: { agencyId: agency.id } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, recommendation: true, evaluation: { select: { periodKey: true, employee: { select: { nip: true, name: true } } } } },
  });
  if (pending.length === 0) context.out(t.noPending);
  for (const row of pending) {
    context.out(
      t.pendingLine({
        id: row.id,
        nip: row.evaluation.employee.nip,
        name: row.evaluation.employee.name,
        kind: followUpText[context.locale][`kind${row.kind}`],
        period: periodKeyLabel(row.evaluation.periodKey, context.locale),
        recommendation: row.recommendation,
      }),
    );
  }
  return 0;
}

/** Records the authorised official's decision on proposal `--id`. */
export async function followUpDecideCommand(context: CliContext, args: FollowUpArgs): Promise<number> {
  const t = followUpCliText[context.locale];
  const id = args.id?.trim();
  const official = args.name?.trim();
  const number = args.number?.trim();
  if (!id || !official || !number || !args.outcome) throw new CliUsageError(t.decideUsage);
  const outcome = args.outcome.trim().toUpperCase();
  if (outcome !== 'DISETUJUI' && outcome !== 'DITOLAK') throw new CliUsageError(context.text.badOption({ option: 'outcome', expected: t.badOutcome }));
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const decidedOn = dateOption(context, agency.timeZone, 'on', args.on, t.decideUsage);
  if (compareCivilDates(decidedOn, localDate(context.now(), agency.timeZone)) > 0) throw new CliUsageError(followUpText[context.locale].dateInFuture);
  const found = await db.prisma.evaluationFollowUp.findFirst({ where: { id, evaluation: { employee: { agencyId: agency.id } } }, select: { id: true } });
  if (!found) throw new CliUsageError(t.notFound({ id }));
  const { value: decided } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    const result = await servicesFor(db.prisma, work).followUps.decide('cli', id, {
      outcome,
      officialName: official,
      considerationRef: args.tim ?? null,
      documentNumber: number,
      decidedOn: formatCivilDate(decidedOn),
      note: args.note ?? null,
    });
    if (result.ok) await notify(db.prisma, work, result.events);
    return result;
  });
  const m = followUpText[context.locale];
  if (!decided.ok) {
    if (decided.refusal.code === 'DECIDED') throw new CliUsageError(m.alreadyDecided);
    if (decided.refusal.code === 'INCOMPLETE') throw new CliUsageError(m.incomplete);
    throw new CliUsageError(t.notFound({ id }));
  }
  context.out(t.decided({ kind: m[`kind${decided.value.kind}`], name: decided.value.evaluation.employee.name, outcome: m[`outcome${outcome}`] }));
  return 0;
}

/** Records the PAK of `--nip`'s annual evaluation of `--year` (or `--id` when the year was split). */
export async function pakRecordCommand(context: CliContext, args: FollowUpArgs): Promise<number> {
  const t = followUpCliText[context.locale];
  const number = args.number?.trim();
  if (!args.nip || !number) throw new CliUsageError(t.pakUsage);
  const points = args.points === undefined ? null : Number(args.points.replace(',', '.'));
  if (points !== null && (!Number.isFinite(points) || points < 0)) throw new CliUsageError(context.text.badOption({ option: 'points', expected: '12.5' }));
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const employee = await choosePerson(db.prisma, context, agency.id, args.nip);
  const issuedOn = dateOption(context, agency.timeZone, 'on', args.on, t.pakUsage);
  if (compareCivilDates(issuedOn, localDate(context.now(), agency.timeZone)) > 0) throw new CliUsageError(followUpText[context.locale].dateInFuture);
  const year = args.year ? Number(args.year) : localDate(context.now(), agency.timeZone).year;
  if (!Number.isInteger(year)) throw new CliUsageError(context.text.badOption({ option: 'year', expected: '2027' }));
  // The evaluations that close the year (annual, or the last periodic one under PERIODE_AKHIR), as the chat offers them.
  const closing = new Set(await creditPointStore(db.prisma, new UnitOfWork(context.now())).annualWithoutPak(employee.id));
  const candidates = (
    await db.prisma.evaluation.findMany({
      where: { employeeId: employee.id, year, status: { in: [...ESTABLISHED_STATUSES] }, creditPointAssessment: null, ...(args.id ? { id: args.id.trim() } : {}) },
      select: { id: true, periodKey: true },
      orderBy: { createdAt: 'asc' },
    })
  ).filter((candidate) => closing.has(candidate.id));
  if (candidates.length === 0) throw new CliUsageError(t.pakNone({ name: employee.name, year }));
  if (candidates.length > 1) {
    const lines = [t.pakChoose({ name: employee.name, year })];
    for (const candidate of candidates) {
      const conversion = await decideAndCommit(db.prisma, context.now(), (work) => servicesFor(db.prisma, work).creditPoints.conversion(candidate.id, employee.id));
      const shown = conversion.value.ok ? formatNumber(conversion.value.value.conversion.points, context.locale, 3) : '–';
      lines.push(t.pakCandidate({ id: candidate.id, period: periodKeyLabel(candidate.periodKey, context.locale), points: shown }));
    }
    throw new CliUsageError(lines.join('\n'));
  }
  const evaluationId = candidates[0]!.id;
  const { value: recorded } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    const services = servicesFor(db.prisma, work);
    const conversion = await services.creditPoints.conversion(evaluationId, employee.id);
    const result = await services.creditPoints.record('cli', { employeeId: employee.id, evaluationId, number, issuedOn: formatCivilDate(issuedOn), creditPoints: points });
    if (result.ok) await notify(db.prisma, work, result.events);
    return { result, conversion: conversion.ok ? conversion.value.conversion.points : null };
  });
  if (!recorded.result.ok) {
    const code = recorded.result.refusal.code;
    const reason = code === 'DENIED' || code === 'DATE_IN_FUTURE' ? followUpText[context.locale].dateInFuture : t[`pakReason${code}`];
    throw new CliUsageError(t.pakRefused({ reason }));
  }
  const pak = recorded.result.value;
  context.out(
    t.pakRecorded({
      name: employee.name,
      number: pak.number,
      points: formatNumber(pak.creditPoints, context.locale, 3),
      conversion: recorded.conversion === null ? '–' : formatNumber(recorded.conversion, context.locale, 3),
    }),
  );
  return 0;
}

/** The PAK records of `--nip`, oldest first. */
export async function pakListCommand(context: CliContext, args: FollowUpArgs): Promise<number> {
  const t = followUpCliText[context.locale];
  if (!args.nip) throw new CliUsageError(t.pakUsage);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const employee = await choosePerson(db.prisma, context, agency.id, args.nip);
  const rows = await db.prisma.creditPointAssessment.findMany({ where: { employeeId: employee.id }, orderBy: { issuedOn: 'asc' }, include: { evaluation: { select: { periodKey: true } } } });
  if (rows.length === 0) context.out(t.pakListNone({ name: employee.name }));
  for (const row of rows) {
    const issued = formatCivilDate({ year: row.issuedOn.getUTCFullYear(), month: row.issuedOn.getUTCMonth() + 1, day: row.issuedOn.getUTCDate() });
    context.out(
      t.pakListLine({
        period: periodKeyLabel(row.evaluation.periodKey, context.locale),
        number: row.number,
        date: documentDateLabel(issued, context.locale),
        points: formatNumber(row.creditPoints, context.locale, 3),
        months: row.months,
        level: row.positionLevel,
      }),
    );
  }
  return 0;
}
