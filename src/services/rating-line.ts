/**
 * The rating line of an employee from the database: who is their PPK and Atasan PPK on a day
 * (the rule is domain/ppk.ts; this file only loads what it needs).
 */
import { employeeIdOf, raterChainOf, ratingLineOf, type ChainPerson, type Official, type RatingLine } from '../domain/ppk.js';
import type { Reader } from './db.js';

const chainSelect = { id: true, supervisorId: true, positionType: true, active: true, ppkDelegateId: true, externalPpkId: true, externalAtasanPpkId: true } as const;

/** Trees are a handful of levels deep; the bound guards against a corrupted cycle. */
const MAX_DEPTH = 30;

/** The employee and everyone above them (and above their delegate), by id. */
async function chainPeople(db: Reader, employeeId: string): Promise<Map<string, ChainPerson>> {
  const people = new Map<string, ChainPerson>();
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: chainSelect });
  if (!employee) return people;
  people.set(employee.id, employee);
  for (let next = employee.ppkDelegateId ?? employee.supervisorId, depth = 0; next && !people.has(next) && depth < MAX_DEPTH; depth++) {
    const person: ChainPerson | null = await db.employee.findUnique({ where: { id: next }, select: chainSelect });
    if (!person) break;
    people.set(person.id, person);
    next = person.supervisorId;
  }
  return people;
}

/** The employee's PPK and Atasan PPK on `date` ("YYYY-MM-DD"), or null for an unknown id. */
export async function ratingLineFor(db: Reader, employeeId: string, date: string): Promise<RatingLine | null> {
  const people = await chainPeople(db, employeeId);
  const employee = people.get(employeeId);
  if (!employee) return null;
  const day = new Date(`${date}T00:00:00Z`);
  const acting = await db.actingAssignment.findMany({
    where: { actingForId: { in: [...people.keys()] }, startsOn: { lte: day }, endsOn: { gte: day } },
    select: { actingForId: true },
  });
  const covered = new Set(acting.map((a) => a.actingForId));
  return ratingLineOf(raterChainOf(employee, (id) => people.get(id), (id) => covered.has(id)));
}

/** The PPK and Atasan PPK ids inside the bot, for the access rules. */
export async function ratingIdsFor(db: Reader, employeeId: string, date: string): Promise<{ ppkId: string | null; atasanPpkId: string | null }> {
  const line = await ratingLineFor(db, employeeId, date);
  return { ppkId: employeeIdOf(line?.ppk ?? null), atasanPpkId: employeeIdOf(line?.atasanPpk ?? null) };
}

/** An official's name and office as /saya and the documents show them. */
export async function officialNameOf(db: Reader, official: Official | null): Promise<{ name: string; position: string } | null> {
  if (!official) return null;
  if (official.kind === 'EMPLOYEE') return db.employee.findUnique({ where: { id: official.id }, select: { name: true, position: true } });
  const row = await db.externalOfficial.findUnique({ where: { id: official.id }, select: { name: true, title: true } });
  return row && { name: row.name, position: row.title };
}
