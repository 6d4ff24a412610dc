/**
 * The daily nudges of an agency, run at 09:00 in its time zone:
 * - planning season (January up to the SKP deadline), on Mondays and 7, 3 and 1 days before the
 *   deadline: leaders first – a PPK whose own SKP is not established is nudged, and the people they
 *   rate are told they are waiting on their leader; PPKs with an established SKP hear how many of
 *   their people still have none; employees with a plan waiting for them are reminded;
 * - on the last day of each evaluation period (quarter or month): PPKs are reminded to start the
 *   periodic evaluation;
 * - on the day an evaluation window opens (periodic or annual), PPKs are told until when it is
 *   open; 3 days before it closes, PPKs whose people are not all finalised are reminded;
 * - on Mondays: a direct superior who has had no dialogue with a report for 30 days (feedback, a
 *   clarification answered, an obstacle answered) is nudged, naming that person;
 * - a keberatan still undecided: the Atasan PPK (or, for an official outside the bot, the pengelola
 *   kinerja who record the decision) is reminded on days 7 and 13 after filing, and from day 15 the
 *   pengelola kinerja covering the employee are told once that it is overdue (domain/keberatan.ts);
 * - once every proposal of an organisation for a period is in and the period is over: its leader (or,
 *   for a leader outside the bot or gone without a Plt/Plh, the pengelola kinerja who record the
 *   penetapan) is asked, once, to establish them (services/penetapan-service.ts).
 * The PPK of each person follows domain/ppk.ts (a ketua tim who is fungsional is not one).
 * Every message is keyed in the outbox, so a retried or repeated run, or two at once, sends
 * nothing twice.
 */
import { paragraph, reply } from '../conversation/reply.js';
import { addDays, compareCivilDates, epochDay, formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { membershipOf, organisationFinder } from '../domain/distribution-scope.js';
import { isEvaluatedPeriod } from '../domain/final-evaluation.js';
import { parsePeriodKey } from '../domain/periods.js';
import { organisationEntries } from '../services/penetapan-store.js';
import { KEBERATAN_DECISION, keberatanNudge } from '../domain/keberatan.js';
import { hrCovering } from '../services/people.js';
import { evaluationCandidates, finalisableFrom, windowSettingOf } from '../domain/evaluation-window.js';
import { civilDayLabel, daysUntilSkpDeadline, periodLabel, periodOf, type Period } from '../domain/periods.js';
import { isoWeekKey, localParts } from '../domain/time-zones.js';
import { employeeIdOf, ratingLinesOf } from '../domain/ppk.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { digestText } from '../i18n/digest.js';
import { queueKeyedMany, type KeyedMessage } from '../services/bulk-outbox.js';
import type { QueuedMessage } from '../services/outbox.js';

const DAY = 86_400_000;
const COUNTDOWN_DAYS = [7, 3, 1];
/** Days before an evaluation window closes on which unfinished teams are reminded. */
const CLOSING_REMINDER_DAYS = 3;

export interface NudgeResult {
  planning: number;
  periodEnd: number;
  noDialogue: number;
  evaluation: number;
  keberatan: number;
  penetapan: number;
}

export async function sendDailyNudges(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  options: { agencyId: string; now: Date },
): Promise<NudgeResult> {
  const { now } = options;
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: options.agencyId } });
  const today = localParts(now, agency.timeZone);
  const date = formatCivilDate(today);
  const everyone = await prisma.employee.findMany({
    where: { agencyId: agency.id },
    select: { id: true, name: true, locale: true, active: true, supervisorId: true, positionType: true, ppkDelegateId: true, externalPpkId: true, externalAtasanPpkId: true },
  });
  const people = everyone.filter((person) => person.active);
  // Direct reports, for the dialogue nudge.
  const reportsOf = new Map<string, typeof people>();
  for (const person of people) if (person.supervisorId) reportsOf.set(person.supervisorId, [...(reportsOf.get(person.supervisorId) ?? []), person]);
  const supervisors = people.filter((p) => reportsOf.has(p.id));
  // The people each PPK rates, for planning and evaluation (Plt/Plh in force today keep an inactive PPK in place).
  const day = new Date(`${date}T00:00:00Z`);
  const acting = await prisma.actingAssignment.findMany({ where: { actingFor: { agencyId: agency.id }, startsOn: { lte: day }, endsOn: { gte: day } }, select: { actingForId: true } });
  const lines = ratingLinesOf(everyone, new Set(acting.map((a) => a.actingForId)));
  const ratedBy = new Map<string, typeof people>();
  for (const person of people) {
    const ppk = employeeIdOf(lines.get(person.id)?.ppk ?? null);
    if (ppk) ratedBy.set(ppk, [...(ratedBy.get(ppk) ?? []), person]);
  }
  const raters = people.filter((p) => ratedBy.has(p.id));
  // Decided here, written at the end in one statement per batch (queueKeyedMany): a nudge to
  // every supervisor of a province is a few round trips, not two per message.
  const nudges: (KeyedMessage & { counter: keyof NudgeResult })[] = [];
  const queue = (employeeId: string, dedupeKey: string, text: string, counter: keyof NudgeResult) => {
    nudges.push({ employeeId, dedupeKey, payload: reply([paragraph(text)]), counter });
  };

  // Planning season: January up to the deadline, leaders first.
  const deadline = { month: agency.skpDeadlineMonth, day: agency.skpDeadlineDay };
  const daysLeft = daysUntilSkpDeadline(now, today.year, deadline, agency.timeZone);
  const inSeason = today.month <= deadline.month && daysLeft >= 0;
  if (inSeason && (today.weekday === 1 || COUNTDOWN_DAYS.includes(daysLeft))) {
    const plans = await prisma.plan.findMany({ where: { year: today.year, periodEnd: null, employee: { agencyId: agency.id } }, select: { employeeId: true, status: true, supersededAt: true } });
    const agreed = new Set(plans.filter((p) => p.status === 'AGREED').map((p) => p.employeeId));
    const anyPlan = new Set(plans.map((p) => p.employeeId));
    const waiting = new Set(plans.filter((p) => (p.status === 'PROPOSED' || p.status === 'CLARIFICATION_REQUESTED') && !p.supersededAt).map((p) => p.employeeId));
    for (const supervisor of raters) {
      const reports = ratedBy.get(supervisor.id) ?? [];
      const t = digestText[supervisor.locale];
      // Someone with no PPK recorded, in the bot or outside it, cannot get an SKP: nudging them would be noise.
      if (!agreed.has(supervisor.id) && lines.get(supervisor.id)?.ppk) {
        queue(supervisor.id, `nudge:leader:${supervisor.id}:${date}`, t.leaderFirst({ year: today.year, days: daysLeft }), 'planning');
        for (const report of reports.filter((r) => !anyPlan.has(r.id))) {
          queue(report.id, `nudge:waiting:${report.id}:${date}`, digestText[report.locale].waitingOnLeader({ year: today.year, leader: supervisor.name }), 'planning');
        }
      } else if (agreed.has(supervisor.id)) {
        const without = reports.filter((r) => !anyPlan.has(r.id)).length;
        if (without > 0) queue(supervisor.id, `nudge:reports:${supervisor.id}:${date}`, t.reportsWithoutPlan({ year: today.year, count: without, days: daysLeft }), 'planning');
      }
    }
    for (const person of people.filter((p) => waiting.has(p.id))) {
      queue(person.id, `nudge:answer:${person.id}:${date}`, digestText[person.locale].answerYourPlan({ year: today.year, days: daysLeft }), 'planning');
    }
  }

  // The last day of an evaluation period.
  const period = periodOf(now, agency.periodCadence, agency.timeZone);
  if (formatCivilDate(period.end) === date) {
    for (const supervisor of raters) {
      const text = digestText[supervisor.locale].periodEnd({ period: periodLabel(period, supervisor.locale), count: ratedBy.get(supervisor.id)?.length ?? 0 });
      queue(supervisor.id, `nudge:period:${period.key}:${supervisor.id}`, text, 'periodEnd');
    }
  }

  // Evaluation windows opening today, or closing in a few days.
  // No separate annual evaluation when the last quarter (or month) closes the year (domain/final-evaluation.ts).
  const windows = evaluationCandidates(today, agency.periodCadence, windowSettingOf(agency)).filter((w) => isEvaluatedPeriod(w.period, agency.finalEvaluation));
  const opening = windows.filter((w) => formatCivilDate(w.opens) === date);
  if (opening.length > 0) {
    const closes = opening.map((w) => w.closes).sort((a, b) => formatCivilDate(a).localeCompare(formatCivilDate(b)))[0]!;
    for (const supervisor of raters) {
      const periods = opening.map((w) => periodLabel(w.period, supervisor.locale)).join(' & ');
      const text = digestText[supervisor.locale].evaluationOpens({ periods, closes: civilDayLabel(closes, supervisor.locale) });
      queue(supervisor.id, `nudge:evaluation-opens:${opening.map((w) => w.period.key).join('+')}:${supervisor.id}`, text, 'evaluation');
    }
  }
  for (const w of windows.filter((w) => formatCivilDate(addDays(w.closes, -CLOSING_REMINDER_DAYS)) === date)) {
    const done = await finishedEvaluations(prisma, w.period);
    for (const supervisor of raters) {
      const open = (ratedBy.get(supervisor.id) ?? []).filter((r) => !done.has(r.id)).length;
      if (open === 0) continue;
      const text = digestText[supervisor.locale].evaluationCloses({ period: periodLabel(w.period, supervisor.locale), closes: civilDayLabel(w.closes, supervisor.locale), count: open });
      queue(supervisor.id, `nudge:evaluation-closes:${w.period.key}:${supervisor.id}`, text, 'evaluation');
    }
  }

  // Mondays: supervisors without dialogue with a report for 30 days.
  if (today.weekday === 1) {
    const since = new Date(now.getTime() - 30 * DAY);
    const [feedback, clarifications, obstacles, linked] = await Promise.all([
      prisma.feedback.findMany({ where: { createdAt: { gte: since }, giver: { agencyId: agency.id } }, select: { giverId: true, recipientId: true } }),
      prisma.planClarification.findMany({ where: { answeredAt: { gte: since }, answeredById: { not: null } }, select: { answeredById: true, plan: { select: { employeeId: true } } } }),
      prisma.obstacle.findMany({ where: { respondedAt: { gte: since }, respondedById: { not: null } }, select: { respondedById: true, employeeId: true } }),
      // Only people linked for 30 days or more: a new account has had no time for dialogue yet.
      prisma.chatIdentity.findMany({ where: { linkedAt: { lte: since }, employee: { agencyId: agency.id } }, select: { employeeId: true } }),
    ]);
    const talked = new Set([
      ...feedback.map((f) => `${f.giverId}|${f.recipientId}`),
      ...clarifications.map((c) => `${c.answeredById}|${c.plan.employeeId}`),
      ...obstacles.map((o) => `${o.respondedById}|${o.employeeId}`),
    ]);
    const longLinked = new Set(linked.map((l) => l.employeeId));
    const week = isoWeekKey(now, agency.timeZone);
    for (const supervisor of supervisors) {
      if (!longLinked.has(supervisor.id)) continue;
      for (const report of reportsOf.get(supervisor.id) ?? []) {
        if (!longLinked.has(report.id) || talked.has(`${supervisor.id}|${report.id}`)) continue;
        const text = digestText[supervisor.locale].noDialogue({ name: report.name, days: 30 });
        queue(supervisor.id, `nudge:dialogue:${supervisor.id}:${report.id}:${week}`, text, 'noDialogue');
      }
    }
  }
  // Keberatan waiting for a decision.
  const waiting = await prisma.objection.findMany({
    where: { status: { not: 'DECIDED' }, evaluation: { employee: { agencyId: agency.id } } },
    select: { id: true, filedAt: true, decider: { select: { id: true, name: true, locale: true, active: true } }, externalDecider: { select: { name: true, title: true } }, evaluation: { select: { employee: { select: { id: true, name: true } } } } },
  });
  for (const objection of waiting) {
    const days = epochDay(today) - epochDay(localParts(objection.filedAt, agency.timeZone));
    const nudge = keberatanNudge(days);
    if (!nudge) continue;
    const employee = objection.evaluation.employee;
    if (nudge === 'REMIND') {
      // The decider in the bot, or the pengelola kinerja who record an outside official's decision.
      const recipients = objection.decider?.active ? [objection.decider] : objection.externalDecider ? await hrCovering(prisma, employee.id) : [];
      const target = addDays(localParts(objection.filedAt, agency.timeZone), KEBERATAN_DECISION.days);
      for (const to of recipients) {
        const text = digestText[to.locale].keberatanReminder({ name: employee.name, days, by: civilDayLabel(target, to.locale) });
        queue(to.id, `nudge:keberatan:${objection.id}:${to.id}:${days}`, text, 'keberatan');
      }
    } else {
      const decider = objection.decider?.name ?? (objection.externalDecider ? `${objection.externalDecider.name}, ${objection.externalDecider.title}` : '-');
      for (const to of await hrCovering(prisma, employee.id)) queue(to.id, `nudge:keberatan-overdue:${objection.id}:${to.id}`, digestText[to.locale].keberatanOverdue({ name: employee.name, days, decider }), 'keberatan');
    }
  }

  await penetapanNudges(prisma, agency, today, queue);

  const queued = await queueKeyedMany(prisma, nudges);
  const counterOf = new Map(nudges.map((nudge) => [nudge.dedupeKey, nudge.counter]));
  const result: NudgeResult = { planning: 0, periodEnd: 0, noDialogue: 0, evaluation: 0, keberatan: 0, penetapan: 0 };
  for (const row of queued) {
    const counter = counterOf.get(row.dedupeKey);
    if (counter) result[counter]++;
  }
  await deliver(queued);
  return result;
}

/** Employees whose evaluation for the period is past the draft stage. */
async function finishedEvaluations(prisma: PrismaClient, period: Period): Promise<Set<string>> {
  const rows = await prisma.evaluation.findMany({ where: { periodKey: period.key, status: { not: 'DRAFT' } }, select: { employeeId: true } });
  return new Set(rows.map((row) => row.employeeId));
}

/** Asks each organisation's leader, once per period, to establish the proposals once all are in and the period is over. */
async function penetapanNudges(
  prisma: PrismaClient,
  agency: { id: string; distributionLevel: number },
  today: CivilDate,
  queue: (employeeId: string, dedupeKey: string, text: string, counter: keyof NudgeResult) => void,
): Promise<void> {
  const proposed = await prisma.evaluation.findMany({
    where: { status: 'PROPOSED', employee: { agencyId: agency.id } },
    select: { periodKey: true, employee: { select: { unitId: true } } },
    distinct: ['periodKey', 'employeeId'],
  });
  if (proposed.length === 0) return;
  const units = await prisma.unit.findMany({ where: { agencyId: agency.id }, select: { id: true, name: true, parentId: true, leaderId: true, leader: { select: { id: true, locale: true, active: true } } } });
  const led = units.map((unit) => ({ id: unit.id, parentId: unit.parentId, leaderId: unit.leaderId }));
  const level = agency.distributionLevel;
  const organisationOf = organisationFinder(led, level);
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  // An organisation's own leader is in the one above: both are candidates, each checked in full below.
  const candidates = new Map<string, { organisationId: string; periodKey: string }>();
  for (const row of proposed) {
    const own = organisationOf(row.employee.unitId);
    const parentId = parentOf.get(own);
    for (const organisationId of [own, ...(parentId ? [organisationOf(parentId)] : [])]) candidates.set(`${organisationId} ${row.periodKey}`, { organisationId, periodKey: row.periodKey });
  }
  for (const { organisationId, periodKey } of candidates.values()) {
    const period = parsePeriodKey(periodKey);
    if (!period || compareCivilDates(today, finalisableFrom(period)) < 0) continue;
    const members = membershipOf(organisationId, led, level);
    const entries = await organisationEntries(prisma, members.unitIds, period, members.leaderId, members.alsoIds);
    const count = entries.filter((entry) => entry.evaluation?.status === 'PROPOSED').length;
    if (count === 0 || entries.some((entry) => !entry.evaluation || entry.evaluation.status === 'DRAFT')) continue;
    const organisation = units.find((unit) => unit.id === organisationId);
    if (!organisation) continue;
    const leader = organisation.leader?.active ? organisation.leader : null;
    const recipients = leader ? [leader] : await hrCovering(prisma, entries[0]?.employeeId ?? '');
    for (const to of recipients) {
      const text = digestText[to.locale].penetapanReady({ organisation: organisation.name, period: periodLabel(period, to.locale), count });
      queue(to.id, `nudge:penetapan:${organisationId}:${periodKey}:${to.id}`, text, 'penetapan');
    }
  }
}
