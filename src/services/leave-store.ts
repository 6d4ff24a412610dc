/** Leave in PostgreSQL. */
import type { Reader } from './db.js';
import type { LeaveStore } from './leave-service.js';
import type { UnitOfWork } from './work.js';

export function leaveStore(db: Reader, work: UnitOfWork): LeaveStore {
  return {
    person: (id) => db.employee.findUnique({ where: { id }, select: { id: true, name: true, locale: true } }),
    insert(row) {
      work.change(`leave.insert ${row.id}`, (tx) => tx.leave.create({ data: row }));
    },
  };
}
