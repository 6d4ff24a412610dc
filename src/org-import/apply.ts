/**
 * Writes validated rows in bulk inside the caller's transaction: units (and their parents),
 * employees inserted or updated by NIP, supervisor links, delegations of the PPK's authority and the
 * officials outside the bot (for the columns the file has), optional deactivation of people the
 * file no longer lists, and each unit's leader.
 *
 * Bulk SQL rather than one Prisma call per row: a 50,000-row file must import in well under a
 * minute, and each statement here handles hundreds of rows.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { uuidv7 } from '../storage/ids.js';
import { externalOfficialKey, unitKey, type ExternalOfficialName, type OrgRow } from './columns.js';

type Tx = Prisma.TransactionClient;

/** Rows per INSERT/UPDATE statement; keeps parameters far below PostgreSQL's 65,535. */
const CHUNK = 1000;

/** Counts of what changed. */
export interface ApplySummary {
  created: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
  unitsCreated: number;
  unitsMoved: number;
  leadersSet: number;
  /** Officials outside the bot (PPK / Atasan PPK) recorded for the first time. */
  externalOfficialsCreated: number;
  /** Units where the leader could not be told apart: name and number of candidates. */
  unitsWithoutClearLeader: { unit: string; candidates: number }[];
}

/** Progress of the write phase, in rows. */
export type WriteProgress = (done: number, total: number) => void;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** "($1,$2),($3,$4)" for `rowCount` rows of `columnCount` parameters, each row followed by `extra` SQL. */
function valuesList(rowCount: number, columnCount: number, extra = ''): string {
  const rows: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const params = Array.from({ length: columnCount }, (_, c) => `$${r * columnCount + c + 1}`);
    rows.push(`(${params.join(',')}${extra})`);
  }
  return rows.join(',');
}

/** Creates missing units and sets the parents the file names; returns unit ids by unitKey. */
async function writeUnits(tx: Tx, agencyId: string, rows: OrgRow[]): Promise<{ ids: Map<string, string>; created: number; moved: number }> {
  const names = new Map<string, string>();
  const parents = new Map<string, string>();
  for (const row of rows) {
    if (!names.has(unitKey(row.unit))) names.set(unitKey(row.unit), row.unit);
    if (row.parentUnit) {
      if (!names.has(unitKey(row.parentUnit))) names.set(unitKey(row.parentUnit), row.parentUnit);
      if (!parents.has(unitKey(row.unit))) parents.set(unitKey(row.unit), unitKey(row.parentUnit));
    }
  }
  const stored = await tx.unit.findMany({ where: { agencyId }, select: { id: true, name: true, parentId: true } });
  const ids = new Map(stored.map((unit) => [unitKey(unit.name), unit.id]));
  const storedParent = new Map(stored.map((unit) => [unit.id, unit.parentId]));
  const missing = [...names.entries()].filter(([key]) => !ids.has(key));
  for (const [key] of missing) ids.set(key, uuidv7());
  if (missing.length > 0) {
    await tx.unit.createMany({ data: missing.map(([key, name]) => ({ id: ids.get(key) ?? '', agencyId, name })) });
  }
  const moves = [...parents.entries()]
    .map(([child, parent]) => ({ child: ids.get(child) ?? '', parent: ids.get(parent) ?? '' }))
    .filter((move) => storedParent.get(move.child) !== move.parent);
  for (const part of chunks(moves)) {
    await tx.$executeRawUnsafe(
      `UPDATE "Unit" AS u SET "parentId" = v.parent, "updatedAt" = now()
       FROM (VALUES ${valuesList(part.length, 2)}) AS v(child, parent) WHERE u.id = v.child`,
      ...part.flatMap((move) => [move.child, move.parent]),
    );
  }
  const newIds = new Set(missing.map(([key]) => ids.get(key)));
  return { ids, created: missing.length, moved: moves.filter((move) => !newIds.has(move.child)).length };
}

const EMPLOYEE_COLUMNS = [
  'id',
  'agencyId',
  'unitId',
  'nip',
  'name',
  'position',
  'positionType',
  'positionLevel',
  'employmentStatus',
  'email',
  'rank',
  'timeZone',
  'telegramUsername',
] as const;
const UPDATED_COLUMNS = EMPLOYEE_COLUMNS.filter((name) => !['id', 'agencyId', 'nip'].includes(name));

/** Inserts or updates employees by NIP; returns the NIPs whose row was inserted or changed. */
async function writeEmployees(
  tx: Tx,
  agencyId: string,
  rows: OrgRow[],
  unitIds: Map<string, string>,
  advance: (rows: number) => void,
): Promise<{ inserted: Set<string>; changed: Set<string> }> {
  const inserted = new Set<string>();
  const changed = new Set<string>();
  const columnList = EMPLOYEE_COLUMNS.map((name) => `"${name}"`).join(',');
  const setList = UPDATED_COLUMNS.map((name) => `"${name}" = EXCLUDED."${name}"`).join(', ');
  const current = UPDATED_COLUMNS.map((name) => `e."${name}"`).join(',');
  const incoming = UPDATED_COLUMNS.map((name) => `EXCLUDED."${name}"`).join(',');
  for (const part of chunks(rows)) {
    const params = part.flatMap((row) => [
      uuidv7(),
      agencyId,
      unitIds.get(unitKey(row.unit)) ?? '',
      row.nip,
      row.name,
      row.position,
      row.positionType,
      row.positionLevel,
      row.employmentStatus,
      row.email,
      row.rank,
      row.timeZone,
      row.telegramUsername,
    ]);
    // Only rows that really change are updated (and returned), so a repeated import reports "unchanged".
    const result = await tx.$queryRawUnsafe<{ nip: string; inserted: boolean }[]>(
      `INSERT INTO "Employee" AS e (${columnList}, "active", "updatedAt")
       VALUES ${valuesList(part.length, EMPLOYEE_COLUMNS.length, ', true, now()')}
       ON CONFLICT (nip) DO UPDATE SET ${setList}, "active" = true, "deactivatedAt" = NULL, "updatedAt" = now()
       WHERE (${current}, e."active") IS DISTINCT FROM (${incoming}, true)
       RETURNING e.nip, (xmax = 0) AS inserted`,
      ...params,
    );
    for (const row of result) (row.inserted ? inserted : changed).add(row.nip);
    advance(part.length);
  }
  return { inserted, changed };
}

/** Points each employee at the supervisor the file names (or at nobody); returns NIPs that changed. */
async function writeSupervisors(tx: Tx, rows: OrgRow[], advance: (rows: number) => void): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const part of chunks(rows, 2 * CHUNK)) {
    const result = await tx.$queryRawUnsafe<{ nip: string }[]>(
      `UPDATE "Employee" AS e SET "supervisorId" = s.id, "updatedAt" = now()
       FROM (VALUES ${valuesList(part.length, 2)}) AS v(nip, supervisor_nip)
       LEFT JOIN "Employee" AS s ON s.nip = v.supervisor_nip
       WHERE e.nip = v.nip AND e."supervisorId" IS DISTINCT FROM s.id
       RETURNING e.nip`,
      ...part.flatMap((row) => [row.nip, row.supervisorNip]),
    );
    for (const row of result) changed.add(row.nip);
    advance(part.length);
  }
  return changed;
}

/**
 * Records each official outside the bot the rows name once per agency, office and name (case and
 * repeated spaces ignored, so "Gubernur Contoh" in many rows is one official); returns ids by
 * externalOfficialKey.
 */
async function writeExternalOfficials(tx: Tx, agencyId: string, rows: OrgRow[]): Promise<{ ids: Map<string, string>; created: number }> {
  const wanted = new Map<string, ExternalOfficialName>();
  for (const row of rows) {
    for (const official of [row.externalPpk, row.externalAtasanPpk]) {
      if (official && !wanted.has(externalOfficialKey(official))) wanted.set(externalOfficialKey(official), official);
    }
  }
  const ids = new Map<string, string>();
  if (wanted.size === 0) return { ids, created: 0 };
  const stored = await tx.externalOfficial.findMany({ where: { agencyId }, select: { id: true, title: true, name: true }, orderBy: { createdAt: 'asc' } });
  for (const official of stored) if (!ids.has(externalOfficialKey(official))) ids.set(externalOfficialKey(official), official.id);
  // The stored spelling stays: a re-import with other capitals changes nothing.
  const missing = [...wanted.entries()].filter(([key]) => !ids.has(key));
  for (const [key] of missing) ids.set(key, uuidv7());
  if (missing.length > 0) {
    await tx.externalOfficial.createMany({
      data: missing.map(([key, official]) => ({ id: ids.get(key) ?? '', agencyId, title: official.title, name: official.name })),
    });
  }
  return { ids, created: missing.length };
}

/** Points each employee at the delegate the file names (or at nobody) where the file has nip_ppk; returns NIPs that changed. */
async function writeDelegates(tx: Tx, rows: OrgRow[]): Promise<Set<string>> {
  const changed = new Set<string>();
  const stated = rows.filter((row) => row.ppkDelegateNip !== undefined);
  for (const part of chunks(stated, 2 * CHUNK)) {
    const result = await tx.$queryRawUnsafe<{ nip: string }[]>(
      `UPDATE "Employee" AS e SET "ppkDelegateId" = d.id, "updatedAt" = now()
       FROM (VALUES ${valuesList(part.length, 2)}) AS v(nip, delegate_nip)
       LEFT JOIN "Employee" AS d ON d.nip = v.delegate_nip
       WHERE e.nip = v.nip AND e."ppkDelegateId" IS DISTINCT FROM d.id
       RETURNING e.nip`,
      ...part.flatMap((row) => [row.nip, row.ppkDelegateNip ?? null]),
    );
    for (const row of result) changed.add(row.nip);
  }
  return changed;
}

/** Sets one external-official column where the file has its columns (null clears it); returns NIPs that changed. */
async function writeExternalLinks(
  tx: Tx,
  rows: OrgRow[],
  column: 'externalPpkId' | 'externalAtasanPpkId',
  officialOf: (row: OrgRow) => ExternalOfficialName | null | undefined,
  ids: Map<string, string>,
): Promise<Set<string>> {
  const changed = new Set<string>();
  const stated = rows.flatMap((row) => {
    const official = officialOf(row);
    return official === undefined ? [] : [{ nip: row.nip, id: official ? (ids.get(externalOfficialKey(official)) ?? null) : null }];
  });
  for (const part of chunks(stated, 2 * CHUNK)) {
    const result = await tx.$queryRawUnsafe<{ nip: string }[]>(
      `UPDATE "Employee" AS e SET "${column}" = v.official_id, "updatedAt" = now()
       FROM (VALUES ${valuesList(part.length, 2)}) AS v(nip, official_id)
       WHERE e.nip = v.nip AND e."${column}" IS DISTINCT FROM v.official_id
       RETURNING e.nip`,
      ...part.flatMap((link) => [link.nip, link.id]),
    );
    for (const row of result) changed.add(row.nip);
  }
  return changed;
}

/** Sets each unit's leader when exactly one active member's supervisor is outside the unit (or absent). */
async function writeLeaders(tx: Tx, agencyId: string): Promise<{ set: number; unclear: { unit: string; candidates: number }[] }> {
  const candidates = `
    SELECT e."unitId" AS unit_id, count(*)::int AS n, min(e.id) AS employee_id
    FROM "Employee" e LEFT JOIN "Employee" s ON s.id = e."supervisorId" AND s.active
    WHERE e."agencyId" = $1 AND e.active AND (s.id IS NULL OR s."unitId" <> e."unitId")
    GROUP BY e."unitId"`;
  const set = await tx.$executeRawUnsafe(
    `UPDATE "Unit" AS u SET "leaderId" = c.employee_id, "updatedAt" = now()
     FROM (${candidates}) AS c WHERE u.id = c.unit_id AND c.n = 1 AND u."leaderId" IS DISTINCT FROM c.employee_id`,
    agencyId,
  );
  const unclear = await tx.$queryRawUnsafe<{ unit: string; candidates: number }[]>(
    `SELECT u.name AS unit, c.n AS candidates FROM (${candidates}) AS c JOIN "Unit" u ON u.id = c.unit_id
     WHERE c.n > 1 ORDER BY u.name`,
    agencyId,
  );
  return { set, unclear };
}

/** Applies validated rows; everything happens in `tx`, so a failure leaves the database as it was. */
export async function applyRows(
  tx: Tx,
  options: {
    agencyId: string;
    rows: OrgRow[];
    /** NIPs stored before the import, and whether each was active. */
    storedActive: Map<string, boolean>;
    deactivateMissing: boolean;
    progress: WriteProgress;
  },
): Promise<ApplySummary> {
  const { agencyId, rows, progress } = options;
  // Progress counts each row twice: once written, once linked to its supervisor.
  let done = 0;
  const advance = (count: number) => progress((done += count), rows.length * 2);
  const units = await writeUnits(tx, agencyId, rows);
  const employees = await writeEmployees(tx, agencyId, rows, units.ids, advance);
  const supervisorChanges = await writeSupervisors(tx, rows, advance);
  // After the employees: a delegate may be new in this very file.
  const officials = await writeExternalOfficials(tx, agencyId, rows);
  const ratingLineChanges = [
    ...(await writeDelegates(tx, rows)),
    ...(await writeExternalLinks(tx, rows, 'externalPpkId', (row) => row.externalPpk, officials.ids)),
    ...(await writeExternalLinks(tx, rows, 'externalAtasanPpkId', (row) => row.externalAtasanPpk, officials.ids)),
  ];

  let deactivated = 0;
  if (options.deactivateMissing) {
    deactivated = await tx.$executeRawUnsafe(
      `UPDATE "Employee" SET active = false, "deactivatedAt" = now(), "updatedAt" = now()
       WHERE "agencyId" = $1 AND active AND NOT (nip = ANY($2::text[]))`,
      agencyId,
      rows.map((row) => row.nip),
    );
  }
  const leaders = await writeLeaders(tx, agencyId);

  const updated = new Set([...employees.changed, ...supervisorChanges, ...ratingLineChanges].filter((nip) => !employees.inserted.has(nip)));
  const reactivated = rows.filter((row) => options.storedActive.get(row.nip) === false).length;
  return {
    created: employees.inserted.size,
    updated: updated.size,
    unchanged: rows.length - employees.inserted.size - updated.size,
    reactivated,
    deactivated,
    unitsCreated: units.created,
    unitsMoved: units.moved,
    leadersSet: leaders.set,
    externalOfficialsCreated: officials.created,
    unitsWithoutClearLeader: leaders.unclear,
  };
}
