/**
 * The check-in sweep, run every few minutes: one reminder when a prompt is still open after the
 * schedule's reminder time; missed at the deadline; and when someone has missed the configured
 * number of weeks in a row, their supervisor is told – once per streak. Every message is keyed in
 * the outbox (dedupeKey), so running the sweep twice, or in two instances, sends nothing twice.
 */
import { paragraph, reply } from '../conversation/reply.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { checkinText } from '../i18n/checkins.js';
import { json, type Db } from '../services/db.js';
import { queueKeyed, type QueuedMessage } from '../services/outbox.js';
import { newToken, TOKEN_TTL_DAYS } from '../services/tokens.js';
import { formatDue } from './fanout.js';
import { DEFAULT_SCHEDULE, settingsOf } from './schedules.js';

export interface SweepResult {
  reminded: number;
  missed: number;
  escalated: number;
}

export async function sweepCheckins(prisma: PrismaClient, deliver: (rows: QueuedMessage[]) => Promise<void>, now: Date): Promise<SweepResult> {
  const result: SweepResult = { reminded: 0, missed: 0, escalated: 0 };
  const open = await prisma.checkinPrompt.findMany({
    where: { status: 'PENDING', promptedAt: { not: null } },
    include: { schedule: true, employee: { select: { name: true, locale: true, timeZone: true } } },
  });

  for (const prompt of open) {
    const settings = prompt.schedule ? settingsOf(prompt.schedule) : DEFAULT_SCHEDULE;
    const dueAt = prompt.dueAt ?? now;
    if (dueAt <= now) {
      const queued = await prisma.$transaction(async (tx) => {
        const marked = await tx.checkinPrompt.updateMany({ where: { id: prompt.id, status: 'PENDING' }, data: { status: 'MISSED', missedAt: now } });
        if (marked.count === 0) return [];
        result.missed++;
        return escalateIfStreak(tx, prompt.employeeId, settings.escalateAfterMissed, now, result);
      });
      await deliver(queued);
      continue;
    }
    const remindAt = (prompt.promptedAt?.getTime() ?? 0) + settings.reminderAfterHours * 3_600_000;
    if (prompt.remindedAt || remindAt > now.getTime()) continue;
    const queued = await prisma.$transaction(async (tx) => {
      const marked = await tx.checkinPrompt.updateMany({ where: { id: prompt.id, remindedAt: null, status: 'PENDING' }, data: { remindedAt: now } });
      if (marked.count === 0) return [];
      const text = checkinText[prompt.employee.locale];
      const token = newToken();
      await tx.actionToken.create({
        data: { token, employeeId: prompt.employeeId, payload: json({ kind: 'start', flow: 'checkin', context: { promptId: prompt.id } }), expiresAt: new Date(now.getTime() + TOKEN_TTL_DAYS * 86_400_000) },
      });
      const message = reply(
        [paragraph(text.reminder({ name: prompt.employee.name, due: formatDue(dueAt, prompt.employee.locale, prompt.employee.timeZone) }))],
        [[{ label: text.startButton, token }]],
      );
      const rows = await queueKeyed(tx, prompt.employeeId, `checkin-reminder:${prompt.id}`, message);
      result.reminded += rows.length;
      return rows;
    });
    await deliver(queued);
  }
  return result;
}

/** After a miss: if the last `weeks` prompts (skipped weeks aside) were all missed, tell the supervisor once. */
async function escalateIfStreak(tx: Db, employeeId: string, weeks: number, now: Date, result: SweepResult): Promise<QueuedMessage[]> {
  if (weeks < 1) return [];
  const recent = await tx.checkinPrompt.findMany({
    where: { employeeId, status: { not: 'SKIPPED' } },
    orderBy: { weekKey: 'desc' },
    take: weeks,
  });
  const streak = recent.length === weeks && recent.every((p) => p.status === 'MISSED');
  if (!streak || recent.some((p) => p.escalatedAt)) return [];
  const latest = recent[0];
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: employeeId }, include: { supervisor: true } });
  if (!latest || !employee.supervisor) return [];
  await tx.checkinPrompt.update({ where: { id: latest.id }, data: { escalatedAt: now } });
  const text = checkinText[employee.supervisor.locale];
  const rows = await queueKeyed(tx, employee.supervisor.id, `checkin-escalation:${latest.id}`, reply([paragraph(text.escalation({ name: employee.name, weeks }))]));
  result.escalated += rows.length;
  return rows;
}
