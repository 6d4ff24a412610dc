/** Check-in prompts and answers in PostgreSQL. A prompt made by this decision is seen by its later reads. */
import { checkinOfWeek, DEFAULT_SCHEDULE, scheduleOfUnit, settingsOf } from '../checkins/schedules.js';
import { uuidv7 } from '../storage/ids.js';
import type { CheckinStore, PromptView } from './checkin-service.js';
import type { Reader } from './db.js';
import type { UnitOfWork } from './work.js';

export function checkinStore(db: Reader, work: UnitOfWork): CheckinStore {
  const made = new Map<string, PromptView>();
  const view = (row: { id: string; employeeId: string; status: PromptView['status']; schedule: Parameters<typeof settingsOf>[0] | null }): PromptView => ({
    id: row.id,
    employeeId: row.employeeId,
    status: row.status,
    questions: (row.schedule ? settingsOf(row.schedule) : DEFAULT_SCHEDULE).questions,
  });
  return {
    async prompt(id) {
      const mine = made.get(id);
      if (mine) return mine;
      const row = await db.checkinPrompt.findUnique({ where: { id }, include: { schedule: true } });
      return row ? view(row) : null;
    },
    async promptOfThisWeek(actor) {
      const schedule = await scheduleOfUnit(db, actor.unitId);
      const week = checkinOfWeek(schedule.settings, work.now, actor.timeZone);
      const existing = await db.checkinPrompt.findUnique({ where: { employeeId_weekKey: { employeeId: actor.id, weekKey: week.weekKey } }, include: { schedule: true } });
      if (existing) return view(existing);
      const deadlineMs = schedule.settings.deadlineHours * 3_600_000;
      // Before the scheduled time the window is the week's; after its deadline, a fresh window from now.
      const dueAt = new Date(Math.max(week.at.getTime() + deadlineMs, work.now.getTime() + deadlineMs));
      const id = uuidv7(work.now.getTime());
      // Guarded: when the weekly invitation made the week's prompt meanwhile, decide again and use that one.
      work.guarded(`checkinPrompt.insert ${actor.id} ${week.weekKey}`, (tx) =>
        tx.checkinPrompt.createMany({
          data: [
            {
              id,
              employeeId: actor.id,
              scheduleId: schedule.scheduleId,
              weekKey: week.weekKey,
              status: 'PENDING',
              promptedAt: work.now,
              // Left unanswered (the person walked away mid-way), it is reminded like a fanned-out prompt.
              remindAt: new Date(work.now.getTime() + schedule.settings.reminderAfterHours * 3_600_000),
              dueAt,
            },
          ],
          skipDuplicates: true,
        }),
      );
      const prompt: PromptView = { id, employeeId: actor.id, status: 'PENDING', questions: schedule.settings.questions };
      made.set(id, prompt);
      return prompt;
    },
    close(promptId, at) {
      work.guarded(`checkinPrompt.answer ${promptId}`, (tx) => tx.checkinPrompt.updateMany({ where: { id: promptId, status: 'PENDING' }, data: { status: 'ANSWERED', answeredAt: at } }));
    },
    insertAnswers(promptId, answers) {
      if (answers.length === 0) return;
      work.change(`checkinAnswer.insert ${promptId}`, (tx) => tx.checkinAnswer.createMany({ data: answers.map((answer) => ({ promptId, ...answer })) }));
    },
    insertProgress(rows) {
      if (rows.length === 0) return;
      work.change(`progressEntry.insert checkin`, (tx) => tx.progressEntry.createMany({ data: rows }));
    },
  };
}
