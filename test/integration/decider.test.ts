/**
 * Who hears a keberatan: the rater's own superior; when a Plt/Plh rated (someone who is not the
 * employee's supervisor), the superior of the employee's supervisor – never the rater or the employee.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { deciderFor } from '../../src/services/evaluations.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();
await seedDemoIfEmpty(db.prisma, 2026);
const person = (name: string) => db.prisma.employee.findFirstOrThrow({ where: { name } });
const evaluation = async (employee: string, rater: string, periodKey: string) =>
  db.prisma.evaluation.create({ data: { employeeId: (await person(employee)).id, raterId: (await person(rater)).id, kind: 'PERIODIC', year: 2026, periodKey } });

describe('deciderFor', () => {
  it('is the rater’s superior when the rater is the employee’s supervisor', async () => {
    expect((await deciderFor(db.prisma, (await evaluation('Ratna Sari Dewi', 'Sri Wahyuni', '2026-Q1')).id))?.name).toBe('Hendra Gunawan');
  });

  it('is the superior of the employee’s supervisor when a Plh rated', async () => {
    // Andi was Plh for Sri and rated Ratna: Andi's own superior is Sri, but the keberatan is Hendra's.
    expect((await deciderFor(db.prisma, (await evaluation('Ratna Sari Dewi', 'Andi Pratama', '2026-Q2')).id))?.name).toBe('Hendra Gunawan');
  });

  it('is nobody when the chain has no superior above the rater', async () => {
    expect(await deciderFor(db.prisma, (await evaluation('Sri Wahyuni', 'Hendra Gunawan', '2026-Q3')).id)).toBeNull();
  });
});
