/** Obstacles in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import type { Reader } from './db.js';
import type { ObstacleStore, ObstacleView } from './obstacles.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;

export function obstacleStore(db: Reader, work: UnitOfWork): ObstacleStore {
  return {
    async find(id) {
      const row = await db.obstacle.findUnique({
        where: { id },
        select: { id: true, status: true, text: true, supportNeeded: true, rhk: { select: { text: true } }, employee: person, supervisor: person },
      });
      if (!row) return null;
      const { rhk, ...rest } = row;
      return { ...rest, rhkText: rhk?.text ?? null } satisfies ObstacleView;
    },
    async newcomer(employeeId, rhkId) {
      const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { supervisor: person } });
      const rhk = rhkId ? await db.resultExpectation.findUnique({ where: { id: rhkId }, select: { text: true } }) : null;
      return { supervisor: employee?.supervisor ?? null, rhkText: rhk?.text ?? null };
    },
    insert(row) {
      work.change(`obstacle.insert ${row.id}`, (tx) => tx.obstacle.create({ data: row }));
    },
    respond(id, change) {
      work.guarded(`obstacle.respond ${id}`, (tx) =>
        tx.obstacle.updateMany({ where: { id, status: { not: 'RESOLVED' } }, data: { ...change, status: 'ANSWERED' } }),
      );
    },
    resolve(id, at) {
      work.guarded(`obstacle.resolve ${id}`, (tx) => tx.obstacle.updateMany({ where: { id, status: { not: 'RESOLVED' } }, data: { status: 'RESOLVED', resolvedAt: at } }));
    },
  };
}
