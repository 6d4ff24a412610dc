/** Guidance sessions in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { json, type Reader } from './db.js';
import type { DevelopmentStore } from './development-service.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;
const sessionSelect = { id: true, kind: true, heldAt: true, topic: true, followUp: true, ratedAt: true, competencyEvaluatedAt: true, employee: person, leader: person } as const;

export function developmentStore(db: Reader, work: UnitOfWork): DevelopmentStore {
  return {
    find: (id) => db.developmentSession.findUnique({ where: { id }, select: sessionSelect }),
    person: (id) => db.employee.findUnique({ where: { id }, ...person }),
    async superiorOf(leaderId) {
      const leader = await db.employee.findUnique({ where: { id: leaderId }, select: { supervisor: { select: { id: true, name: true, locale: true, active: true } } } });
      const superior = leader?.supervisor;
      return superior?.active ? { id: superior.id, name: superior.name, locale: superior.locale } : null;
    },
    awaitingCompetency: (leaderId, employeeId) =>
      db.developmentSession.findMany({ where: { leaderId, employeeId, competencyEvaluatedAt: null }, select: sessionSelect, orderBy: { heldAt: 'desc' }, take: 10 }),
    insert(row) {
      work.change(`developmentSession.insert ${row.id}`, (tx) => tx.developmentSession.create({ data: row }));
    },
    rate(id, employeeId, rating) {
      // Rated once: a second submission (two devices, a retried button) makes this one decide again, and it is refused.
      work.guarded(`developmentSession.rate ${id}`, (tx) =>
        tx.developmentSession.updateMany({
          where: { id, employeeId, ratedAt: null },
          data: { employeeRating: json(rating.employeeRating), ratedAt: rating.ratedAt, feedbackToId: rating.feedbackToId },
        }),
      );
    },
    evaluateCompetencies(id, leaderId, rows, at, newId) {
      // Once: the guard claims the session first, so a second evaluation fails before writing its rows.
      work.guarded(`developmentSession.competencies ${id}`, (tx) => tx.developmentSession.updateMany({ where: { id, leaderId, competencyEvaluatedAt: null }, data: { competencyEvaluatedAt: at } }));
      const data = rows.map((row, position) => ({ id: newId(), sessionId: id, position, competency: row.competency, score: row.score, reason: row.reason }));
      work.change(`competencyScore.insert ${id}`, (tx) => tx.competencyScore.createMany({ data }));
    },
  };
}
