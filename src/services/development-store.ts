/** Guidance sessions in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import { json, type Reader } from './db.js';
import type { DevelopmentStore } from './development-service.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;

export function developmentStore(db: Reader, work: UnitOfWork): DevelopmentStore {
  return {
    find: (id) =>
      db.developmentSession.findUnique({
        where: { id },
        select: { id: true, kind: true, heldAt: true, topic: true, followUp: true, ratedAt: true, employee: person, leader: person },
      }),
    person: (id) => db.employee.findUnique({ where: { id }, ...person }),
    insert(row) {
      work.change(`developmentSession.insert ${row.id}`, (tx) => tx.developmentSession.create({ data: row }));
    },
    rate(id, employeeId, rating) {
      // Rated once: a second submission (two devices, a retried button) makes this one decide again, and it is refused.
      work.guarded(`developmentSession.rate ${id}`, (tx) =>
        tx.developmentSession.updateMany({ where: { id, employeeId, ratedAt: null }, data: { employeeRating: json(rating.employeeRating), ratedAt: rating.ratedAt } }),
      );
    },
  };
}
