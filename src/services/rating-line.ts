/**
 * The rating line of an employee from the database: who is their PPK and Atasan PPK on a day
 * (the rule is domain/ppk.ts; this file only loads what it needs).
 */
import { employeeIdOf, raterChainOf, ratingLineOf, type ChainPerson, type Official, type RatingLine } from '../domain/ppk.js';
import type { Reader } from './db.js';

/**
 * The employee, then their delegate or supervisor and everyone above, with whether someone stands
 * in for each on `date` – in one round trip, since the access rules ask this on every decision.
 * The depth bound guards against a corrupted cycle.
 */
async function chainOf(db: Reader, employeeId: string, date: string): Promise<(ChainPerson & { covered: boolean })[]> {
  const day = new Date(`${date}T00:00:00Z`);
  return db.$queryRaw<(ChainPerson & { covered: boolean })[]>`
    WITH RECURSIVE chain AS (
      SELECT e.id, e."supervisorId", e."positionType"::text AS "positionType", e.active, e."ppkDelegateId", e."externalPpkId", e."externalAtasanPpkId",
             0 AS depth, COALESCE(e."ppkDelegateId", e."supervisorId") AS next
        FROM "Employee" e WHERE e.id = ${employeeId}
      UNION ALL
      SELECT e.id, e."supervisorId", e."positionType"::text, e.active, e."ppkDelegateId", e."externalPpkId", e."externalAtasanPpkId",
             c.depth + 1, e."supervisorId"
        FROM chain c JOIN "Employee" e ON e.id = c.next
       WHERE c.depth < 30
    )
    SELECT c.id, c."supervisorId", c."positionType", c.active, c."ppkDelegateId", c."externalPpkId", c."externalAtasanPpkId",
           EXISTS (SELECT 1 FROM "ActingAssignment" a WHERE a."actingForId" = c.id AND a."startsOn" <= ${day} AND a."endsOn" >= ${day}) AS covered
      FROM chain c ORDER BY c.depth`;
}

/** The employee's PPK and Atasan PPK on `date` ("YYYY-MM-DD"), or null for an unknown id. */
export async function ratingLineFor(db: Reader, employeeId: string, date: string): Promise<RatingLine | null> {
  const chain = await chainOf(db, employeeId, date);
  const employee = chain[0];
  if (!employee) return null;
  const people = new Map(chain.map((person) => [person.id, person]));
  return ratingLineOf(raterChainOf(employee, (id) => people.get(id), (id) => people.get(id)?.covered ?? false));
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
