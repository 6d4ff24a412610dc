/**
 * /checkin answers this week's check-in at any time: the week's prompt if there is one, otherwise
 * a new one (still one per person per week – the database's unique key decides).
 */
import type { Member } from '../services/people.js';
import type { Db } from '../services/db.js';
import { checkinOfWeek, scheduleOfUnit } from './schedules.js';

export async function promptOfThisWeek(db: Db, me: Member, now: Date) {
  const schedule = await scheduleOfUnit(db, me.unitId);
  const week = checkinOfWeek(schedule.settings, now, me.timeZone);
  const existing = await db.checkinPrompt.findUnique({ where: { employeeId_weekKey: { employeeId: me.id, weekKey: week.weekKey } } });
  if (existing) return existing;
  const scheduledDue = week.at.getTime() + schedule.settings.deadlineHours * 3_600_000;
  // Before the scheduled time the window is the week's; after its deadline, a fresh window from now.
  const dueAt = new Date(Math.max(scheduledDue, now.getTime() + schedule.settings.deadlineHours * 3_600_000));
  await db.checkinPrompt.createMany({
    data: [
      {
        employeeId: me.id,
        scheduleId: schedule.scheduleId,
        weekKey: week.weekKey,
        status: 'PENDING',
        promptedAt: now,
        // Left unanswered (the person walked away mid-way), it is reminded like a fanned-out prompt.
        remindAt: new Date(now.getTime() + schedule.settings.reminderAfterHours * 3_600_000),
        dueAt,
      },
    ],
    skipDuplicates: true,
  });
  return db.checkinPrompt.findUniqueOrThrow({ where: { employeeId_weekKey: { employeeId: me.id, weekKey: week.weekKey } } });
}
