/**
 * Seeds a province for the HR digest benchmark in set-based SQL (generate_series, JSON
 * recordsets): one agency with 40 top units (OPD) of very different sizes, each with divisions,
 * sections and UPTD down to four levels; a head per unit who supervises the unit's staff and
 * reports to the head of the unit above; chat accounts (some unreachable, some people with two);
 * 2025 and 2026 plans; a weekly check-in prompt per person for weeks 1 to `weeks` of 2026;
 * obstacles, feedback, clarifications, and the year's evaluations with objections.
 * Random choices use PostgreSQL's random() under a fixed seed, so the same size gives nearly the
 * same shape; the benchmark checks the digest against SQL counts, never against constants.
 */
import type { SqlRunner } from '../../src/storage/sql.js';
import { uuidv7 } from '../../src/storage/ids.js';

export interface DigestSeed {
  employees: number;
  /** Check-in weeks 1 … weeks of 2026, one prompt per person each. */
  weeks: number;
  /** Also seed one CheckinAnswer (mood) per answered prompt; the digest never reads them. */
  answers: boolean;
}

export interface SeededProvince {
  agencyId: string;
  units: number;
  /** The largest top unit, whose HR role is the benchmark's unit scope. */
  largestUnit: { id: string; name: string };
}

const AGENCY = 'Pemerintah Provinsi Contoh';
/** Top units and their relative sizes: teachers make the education office the giant of a province. */
const TOP_UNITS: [string, number][] = [
  ['Sekretariat Daerah', 3], ['Sekretariat DPRD', 1], ['Inspektorat', 1], ['Badan Perencanaan Pembangunan Daerah', 1],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 2], ['Badan Kepegawaian Daerah', 1], ['Badan Pendapatan Daerah', 3],
  ['Badan Penanggulangan Bencana Daerah', 1], ['Badan Kesatuan Bangsa dan Politik', 1], ['Badan Penghubung', 1],
  ['Rumah Sakit Umum Daerah', 8], ['Rumah Sakit Jiwa', 3], ['Dinas Pendidikan', 40], ['Dinas Kesehatan', 4],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 3], ['Dinas Perhubungan', 2], ['Dinas Sosial', 2], ['Dinas Pertanian', 3],
  ['Dinas Kelautan dan Perikanan', 2], ['Dinas Pariwisata', 1], ['Dinas Komunikasi dan Informatika', 1],
  ['Dinas Lingkungan Hidup', 1], ['Dinas Perindustrian dan Perdagangan', 1], ['Dinas Koperasi dan UKM', 1],
  ['Dinas Tenaga Kerja dan Transmigrasi', 1], ['Dinas Kependudukan dan Pencatatan Sipil', 1], ['Dinas Perumahan dan Kawasan Permukiman', 1],
  ['Dinas Energi dan Sumber Daya Mineral', 1], ['Dinas Kehutanan', 3], ['Dinas Pemuda dan Olahraga', 1], ['Dinas Perpustakaan dan Kearsipan', 1],
  ['Dinas Penanaman Modal dan PTSP', 1], ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 1],
  ['Dinas Pengendalian Penduduk dan Keluarga Berencana', 1], ['Dinas Ketahanan Pangan', 1], ['Dinas Pemberdayaan Masyarakat dan Desa', 1],
  ['Dinas Peternakan dan Kesehatan Hewan', 2], ['Dinas Perkebunan', 2], ['Dinas Kebudayaan', 1], ['Satuan Polisi Pamong Praja', 3],
];
const DIVISIONS = ['Sekretariat', 'Bidang Perencanaan', 'Bidang Pelayanan', 'Bidang Pengembangan', 'Bidang Pengawasan'];
const GIVEN = ['Agus', 'Budi', 'Dewi', 'Siti', 'Rina', 'Hendra', 'Yulia', 'Ahmad', 'Nur', 'Fajar', 'Wulan', 'Rizky', 'Dimas', 'Lina', 'Made', 'Ketut', 'Andi', 'Yohanes', 'Maria', 'Putu', 'Eko', 'Sri', 'Bambang', 'Indah', 'Teguh', 'Ratna', 'Joko', 'Ayu', 'Arif', 'Fitri'];
const FAMILY = ['Santoso', 'Rahmawati', 'Setiawan', 'Lestari', 'Marlina', 'Wijaya', 'Kartika', 'Fauzi', 'Aini', 'Nugroho', 'Sari', 'Pratama', 'Saputra', 'Wirawan', 'Ariani', 'Mappasomba', 'Tabuni', 'Kogoya', 'Hidayat', 'Susanto', 'Purnomo', 'Handayani', 'Kurniawan', 'Wahyuni', 'Siregar', 'Nasution', 'Simanjuntak', 'Pohan', 'Tanjung', 'Hutapea'];
const sqlArray = (items: string[]) => `(ARRAY[${items.map((s) => `'${s}'`).join(',')}])`;
/** A random three-part name; the table aliasing the row must be the FROM item that yields random(). */
const NAME_SQL = `${sqlArray(GIVEN)}[1 + floor(random() * ${GIVEN.length})::int] || ' ' || ${sqlArray(GIVEN)}[1 + floor(random() * ${GIVEN.length})::int] || ' ' || ${sqlArray(FAMILY)}[1 + floor(random() * ${FAMILY.length})::int]`;

interface UnitRow {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  headId: string;
  supervisorId: string | null;
  staff: number;
}

/** The unit tree with staff counts adding up to `employees` (one head per unit included). */
export function provinceUnits(employees: number): UnitRow[] {
  const units: UnitRow[] = [];
  const add = (name: string, parent: UnitRow | null): UnitRow => {
    const unit = { id: uuidv7(), name, parentId: parent?.id ?? null, depth: parent ? parent.depth + 1 : 0, headId: uuidv7(), supervisorId: parent?.headId ?? null, staff: 0 };
    units.push(unit);
    return unit;
  };
  const leavesOfTop: UnitRow[][] = [];
  for (const [topName] of TOP_UNITS) {
    const top = add(topName, null);
    const leaves: UnitRow[] = [];
    for (const division of DIVISIONS) {
      const d = add(`${division} ${topName}`, top);
      for (let s = 1; s <= 3; s++) leaves.push(add(`Seksi ${s} ${d.name}`, d));
    }
    for (let k = 1; k <= 2; k++) {
      const uptd = add(`UPTD ${k} ${topName}`, top);
      for (const sub of ['Subbagian Tata Usaha', 'Seksi Layanan']) {
        const s = add(`${sub} ${uptd.name}`, uptd);
        for (let m = 1; m <= 2; m++) leaves.push(add(`Satuan Pelayanan ${m} ${s.name}`, s));
      }
    }
    leavesOfTop.push(leaves);
  }
  const staff = Math.max(0, employees - units.length);
  const weight = TOP_UNITS.reduce((sum, [, w]) => sum + w, 0);
  let left = staff;
  TOP_UNITS.forEach(([, w], t) => {
    const leaves = leavesOfTop[t] ?? [];
    const share = t === TOP_UNITS.length - 1 ? left : Math.min(left, Math.floor((staff * w) / weight));
    left -= share;
    leaves.forEach((leaf, i) => (leaf.staff = Math.floor(share / leaves.length) + (i < share % leaves.length ? 1 : 0)));
  });
  return units;
}

/** Seeds the organisation – units, people, chat accounts, plans, clarifications – and returns what the benchmark needs. */
export async function seedProvince(sql: SqlRunner, seed: DigestSeed, log: (line: string) => void): Promise<SeededProvince> {
  const units = provinceUnits(seed.employees);
  const agencyId = uuidv7();
  const step = async (what: string, script: string, params?: unknown[]) => {
    const started = performance.now();
    // setseed is per connection: every statement sets it, so each step is repeatable on its own.
    if (params) await sql.withSession(async (s) => (await s.query('SELECT setseed(0.42)'), await s.query(script, params)));
    else await sql.exec(`SELECT setseed(0.42); ${script}`);
    log(`  ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  await sql.query(`INSERT INTO "Agency" (id, name, "timeZone", "updatedAt") VALUES ($1, $2, 'Asia/Jakarta', now())`, [agencyId, AGENCY]);
  const unitJson = JSON.stringify(units);
  const recordset = (param: string) => `jsonb_to_recordset(${param}::jsonb) AS x(id text, name text, "parentId" text, depth int, "headId" text, "supervisorId" text, staff int)`;
  await step(
    `${units.length} units and their heads`,
    `WITH x AS (SELECT * FROM ${recordset('$2')}),
       u AS (INSERT INTO "Unit" (id, "agencyId", name, "parentId", "updatedAt") SELECT id, $1, name, "parentId", now() FROM x)
     INSERT INTO "Employee" (id, "agencyId", "unitId", nip, name, position, "positionType", "employmentStatus", "supervisorId", "updatedAt")
     SELECT x."headId", $1, x.id, '1970' || lpad((row_number() OVER ())::text, 14, '0'), ${NAME_SQL}, 'Kepala ' || x.name,
       (CASE x.depth WHEN 0 THEN 'JPT' WHEN 1 THEN 'ADMINISTRATOR' ELSE 'PENGAWAS' END)::"PositionType", 'PNS', x."supervisorId", now()
     FROM x`,
    [agencyId, unitJson],
  );
  await step('unit leaders', `UPDATE "Unit" u SET "leaderId" = x."headId" FROM ${recordset('$1')} WHERE u.id = x.id`, [unitJson]);
  await step(
    `${seed.employees - units.length} staff (1 % deactivated during the year)`,
    `INSERT INTO "Employee" (id, "agencyId", "unitId", nip, name, position, "positionType", "employmentStatus", "supervisorId", active, "deactivatedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, x.id, '1985' || lpad((row_number() OVER ())::text, 14, '0'), ${NAME_SQL},
       CASE WHEN random() < 0.3 THEN 'Analis Kebijakan Ahli Muda' ELSE 'Pengadministrasi Umum' END, 'PELAKSANA',
       (CASE WHEN random() < 0.15 THEN 'PPPK' ELSE 'PNS' END)::"EmploymentStatus", x."headId", g.active,
       CASE WHEN NOT g.active THEN TIMESTAMP '2026-02-01' + random() * INTERVAL '300 days' END, now()
     FROM ${recordset('$2')} CROSS JOIN LATERAL (SELECT n, random() >= 0.01 AS active FROM generate_series(1, x.staff) n) g`,
    [agencyId, unitJson],
  );
  await step(
    'chat accounts (95 % on Telegram, 2 % also on Slack, 0.6 % unreachable)',
    `INSERT INTO "ChatIdentity" (id, "employeeId", platform, "externalUserId", "dmChannelId", reachable, "unreachableReason", "unreachableSince", "linkedAt", "updatedAt")
     SELECT gen_random_uuid(), e.id, 'TELEGRAM', (100000000 + e.n)::text, (100000000 + e.n)::text, e.r >= 0.006,
       CASE WHEN e.r < 0.006 THEN 'Forbidden: bot was blocked by the user' END, CASE WHEN e.r < 0.006 THEN TIMESTAMP '2026-06-01' END, TIMESTAMP '2026-01-15', now()
     FROM (SELECT id, row_number() OVER () AS n, random() AS r, random() AS linked FROM "Employee") e WHERE e.linked < 0.95;
     INSERT INTO "ChatIdentity" (id, "employeeId", platform, workspace, "externalUserId", "dmChannelId", reachable, "unreachableReason", "linkedAt", "updatedAt")
     SELECT gen_random_uuid(), c."employeeId", 'SLACK', 'T0PROV', 'U' || c."externalUserId", 'D' || c."externalUserId", random() >= 0.2,
       NULL, TIMESTAMP '2026-03-01', now()
     FROM "ChatIdentity" c WHERE random() < 0.02;
     UPDATE "ChatIdentity" SET "unreachableReason" = 'channel_not_found' WHERE NOT reachable AND "unreachableReason" IS NULL`,
  );
  await step(
    'plans 2025 and 2026 (2026: 88 % agreed, 3 % agreed twice after a revision, the rest drafts or proposed)',
    `INSERT INTO "Plan" (id, "employeeId", "raterId", year, version, status, "positionTitle", "agreedAt", "updatedAt")
     SELECT gen_random_uuid(), e.id, e."supervisorId", 2025, 1, 'AGREED', e.position, TIMESTAMP '2025-01-20', now() FROM "Employee" e;
     INSERT INTO "Plan" (id, "employeeId", "raterId", year, version, status, "positionTitle", "agreedAt", "supersededAt", "updatedAt")
     SELECT gen_random_uuid(), e.id, e."supervisorId", 2026, 1,
       (CASE WHEN e.r < 0.88 THEN 'AGREED' WHEN e.r < 0.94 THEN 'PROPOSED' WHEN e.r < 0.96 THEN 'CLARIFICATION_REQUESTED' ELSE 'DRAFT' END)::"PlanStatus",
       e.position, CASE WHEN e.r < 0.88 THEN TIMESTAMP '2026-01-25' END, CASE WHEN e.r < 0.03 THEN TIMESTAMP '2026-07-01' END, now()
     FROM (SELECT *, random() AS r FROM "Employee") e;
     INSERT INTO "Plan" (id, "employeeId", "raterId", year, version, status, "positionTitle", "revisionReason", "agreedAt", "updatedAt")
     SELECT gen_random_uuid(), p."employeeId", p."raterId", 2026, 2, 'AGREED', p."positionTitle", 'Perubahan target', TIMESTAMP '2026-07-01', now()
     FROM "Plan" p WHERE p.year = 2026 AND p."supersededAt" IS NOT NULL;
     INSERT INTO "PlanClarification" (id, "planId", "askedById", question, answer, "answeredById", "answeredAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), p.id, p."employeeId", 'Apa ukuran kualitasnya?', CASE WHEN p.r < 0.015 THEN 'Lihat SOP.' END,
       CASE WHEN p.r < 0.015 THEN p."raterId" END, CASE WHEN p.r < 0.015 THEN TIMESTAMP '2026-12-20' - p.r * INTERVAL '20000 days' END,
       TIMESTAMP '2026-01-10', now()
     FROM (SELECT *, random() AS r FROM "Plan" WHERE year = 2026 AND version = 1 AND "raterId" IS NOT NULL) p WHERE p.r < 0.03`,
  );
  return { agencyId, units: units.length, largestUnit: largest(units) };
}

function largest(units: UnitRow[]): { id: string; name: string } {
  const top = new Map<string, number>();
  const topOf = new Map<string, string>();
  for (const unit of units) topOf.set(unit.id, unit.parentId ? (topOf.get(unit.parentId) ?? unit.id) : unit.id);
  for (const unit of units) top.set(topOf.get(unit.id) ?? '', (top.get(topOf.get(unit.id) ?? '') ?? 0) + unit.staff + 1);
  const [id] = [...top.entries()].sort((a, b) => b[1] - a[1])[0] ?? [''];
  return { id, name: units.find((u) => u.id === id)?.name ?? '' };
}

/** Friday of ISO week `week` of 2026 at 14:00 WIB (week 1 starts on Monday 29 December 2025). */
export const fridayOfWeek = (week: number) => new Date(Date.UTC(2026, 0, 2, 7) + (week - 1) * 7 * 86_400_000);
/** The Lebaran week: everyone's check-in skipped for the holiday. */
const HOLIDAY_WEEK = 12;

/** A UUIDv7 (as the bot's own ids) from a millisecond timestamp expression, random in the rest. */
const uuid7Sql = (ms: string) =>
  `(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 16, 3) || '-' || substr(r, 20, 17)
    FROM (SELECT lpad(to_hex((${ms})::bigint), 12, '0') AS h, gen_random_uuid()::text AS r) AS v)`;

/**
 * One prompt per person per week, week by week as the fan-out writes them (so each week's rows sit
 * together on disk, as in production), with time-ordered ids as the fan-out's. Participation differs
 * by unit (55–89 %); 4 % are on leave; people without a chat account are skipped as UNLINKED; the
 * last week still has a few PENDING. The table's secondary indexes are dropped while the 5 million
 * rows go in and built again after (minutes instead of a quarter of an hour of random index inserts).
 */
export async function seedCheckins(sql: SqlRunner, seed: DigestSeed, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const indexes = await sql.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'CheckinPrompt' AND indexname <> 'CheckinPrompt_pkey'`,
  );
  for (const index of indexes) await sql.exec(`DROP INDEX "${index.name}"`);
  for (let week = 1; week <= seed.weeks; week++) {
    const friday = fridayOfWeek(week);
    const weekKey = `2026-W${String(week).padStart(2, '0')}`;
    await sql.withSession(async (s) => {
      await s.query('SELECT setseed($1)', [week / (seed.weeks + 1)]);
      await s.query(
        `INSERT INTO "CheckinPrompt" (id, "employeeId", "weekKey", status, "skipReason", "promptedAt", "dueAt", "answeredAt", "missedAt", "createdAt", "updatedAt")
         SELECT ${uuid7Sql(`extract(epoch FROM $2::timestamp) * 1000 + e.n`)}, e.id, $1, p.status::"CheckinStatus", p.skip::"SkipReason",
           CASE WHEN p.status <> 'SKIPPED' THEN $2::timestamp END, $2::timestamp + INTERVAL '26 hours',
           CASE WHEN p.status = 'ANSWERED' THEN $2::timestamp + e.r * INTERVAL '20 hours' END,
           CASE WHEN p.status = 'MISSED' THEN $2::timestamp + INTERVAL '27 hours' END, $2::timestamp, $2::timestamp
         FROM (SELECT e.id, row_number() OVER () AS n, random() AS r, 0.55 + (abs(hashtext(e."unitId")) % 35) / 100.0 AS diligence,
                 e.id IN (SELECT "employeeId" FROM "ChatIdentity") AS linked
               FROM "Employee" e WHERE e.active OR e."deactivatedAt" > $2::timestamp) e
         CROSS JOIN LATERAL (SELECT CASE WHEN $3 OR NOT e.linked OR e.r < 0.04 THEN 'SKIPPED'
                                         WHEN e.r < 0.04 + 0.96 * e.diligence THEN 'ANSWERED'
                                         WHEN $4 AND e.r > 0.97 THEN 'PENDING' ELSE 'MISSED' END AS status,
                                    CASE WHEN $3 THEN 'HOLIDAY' WHEN NOT e.linked THEN 'UNLINKED' WHEN e.r < 0.04 THEN 'LEAVE' END AS skip) p`,
        [weekKey, friday.toISOString(), week === HOLIDAY_WEEK, week === seed.weeks],
      );
      if (seed.answers) {
        await s.query(
          `INSERT INTO "CheckinAnswer" (id, "promptId", "questionKey", value, "createdAt", "updatedAt")
           SELECT ${uuid7Sql(`extract(epoch FROM p."answeredAt") * 1000`)}, p.id, 'mood', 1 + floor(random() * 5)::int, p."answeredAt", p."answeredAt"
           FROM "CheckinPrompt" p WHERE p."weekKey" = $1 AND p.status = 'ANSWERED'`,
          [weekKey],
        );
      }
    });
    if (week % 10 === 0 || week === seed.weeks) log(`  check-in weeks 1–${week} after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const rebuilt = performance.now();
  for (const index of indexes) await sql.exec(index.definition);
  log(`  ${indexes.length} check-in indexes built again in ${((performance.now() - rebuilt) / 1000).toFixed(0)} s`);
}

/**
 * Obstacles over the year (most resolved, some left open), feedback from supervisors (one in ten
 * silent for the last 30 days), and evaluations: Q1–Q3 final, Q4 under way with drafts, objections
 * and curve reasons, a few annual drafts – as of Monday 21 December 2026.
 */
export async function seedRecord(sql: SqlRunner, now: Date, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  await sql.withSession(async (s) => {
    await s.query('SELECT setseed(0.7)');
    await s.query(
      `INSERT INTO "Obstacle" (id, "employeeId", "supervisorId", source, text, status, response, "respondedById", "respondedAt", "resolvedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), o."employeeId", o."supervisorId", 'CHECKIN', 'Akses aplikasi lambat', o.status::"ObstacleStatus",
         CASE WHEN o.status <> 'OPEN' THEN 'Sudah dilaporkan ke TI' END, CASE WHEN o.status <> 'OPEN' THEN o."supervisorId" END,
         CASE WHEN o.status <> 'OPEN' THEN LEAST($1::timestamp, o.created + INTERVAL '2 days') END,
         CASE WHEN o.status = 'RESOLVED' THEN LEAST($1::timestamp, o.created + INTERVAL '5 days') END, o.created, o.created
       FROM (SELECT c.*, CASE WHEN c.created > $1::timestamp - INTERVAL '14 days' THEN (CASE WHEN c.r < 0.5 THEN 'OPEN' WHEN c.r < 0.8 THEN 'ANSWERED' ELSE 'RESOLVED' END)
                              ELSE (CASE WHEN c.r < 0.02 THEN 'OPEN' WHEN c.r < 0.05 THEN 'ANSWERED' ELSE 'RESOLVED' END) END AS status
             FROM (SELECT e.id AS "employeeId", e."supervisorId", random() AS r, $1::timestamp - random() * INTERVAL '350 days' AS created, random() AS pick FROM "Employee" e) c
             WHERE c.pick < 0.3) o`,
      [now.toISOString()],
    );
    await s.query(
      `INSERT INTO "Feedback" (id, "recipientId", "giverId", kind, text, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), f.id, f."supervisorId", (CASE WHEN random() < 0.7 THEN 'APRESIASI' ELSE 'PERBAIKAN' END)::"FeedbackKind", 'Terima kasih atas laporannya', f.at, f.at
       FROM (SELECT e.id, e."supervisorId",
               CASE WHEN abs(hashtext(e."supervisorId")) % 10 = 0 THEN $1::timestamp - INTERVAL '31 days' - random() * INTERVAL '320 days'
                    ELSE $1::timestamp - random() * INTERVAL '350 days' END AS at
             FROM "Employee" e CROSS JOIN generate_series(1, 3) WHERE e."supervisorId" IS NOT NULL) f`,
      [now.toISOString()],
    );
  });
  log(`  obstacles and feedback in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const evaluations = performance.now();
  await sql.withSession(async (s) => {
    await s.query('SELECT setseed(0.9)');
    await s.query(
      `INSERT INTO "Evaluation" (id, "employeeId", "raterId", kind, year, "periodKey", "resultsRating", "behaviourRating", predikat, status, "finalizedAt", "updatedAt")
       SELECT gen_random_uuid(), e.id, e."supervisorId", 'PERIODIC', 2026, q.key, 'SESUAI', 'SESUAI', 'BAIK',
         (CASE WHEN random() < 0.6 THEN 'ACKNOWLEDGED' ELSE 'FINAL' END)::"EvaluationStatus", q.at, q.at
       FROM "Employee" e CROSS JOIN (VALUES ('2026-Q1', TIMESTAMP '2026-04-10'), ('2026-Q2', TIMESTAMP '2026-07-10'), ('2026-Q3', TIMESTAMP '2026-10-10')) q(key, at)
       WHERE e."supervisorId" IS NOT NULL`,
    );
    await s.query(
      `INSERT INTO "Evaluation" (id, "employeeId", "raterId", kind, year, "periodKey", predikat, status, "curveDeviationReason", "finalizedAt", "updatedAt")
       SELECT gen_random_uuid(), e.id, e."supervisorId", e.kind::"EvaluationKind", 2026, e.key, 'BAIK', e.status::"EvaluationStatus",
         CASE WHEN e.status <> 'DRAFT' AND e.c < 0.04 THEN 'Seluruh tim mencapai target' WHEN e.status <> 'DRAFT' AND e.c < 0.045 THEN '' END,
         CASE WHEN e.status <> 'DRAFT' THEN TIMESTAMP '2026-12-19' END, TIMESTAMP '2026-12-19'
       FROM (SELECT e.*, 'PERIODIC' AS kind, '2026-Q4' AS key, random() AS c,
               CASE WHEN r < 0.30 THEN 'DRAFT' WHEN r < 0.65 THEN 'FINAL' WHEN r < 0.73 THEN 'ACKNOWLEDGED' WHEN r < 0.745 THEN 'OBJECTED' WHEN r < 0.75 THEN 'DECIDED' END AS status
             FROM (SELECT *, random() AS r FROM "Employee" WHERE "supervisorId" IS NOT NULL) e
             UNION ALL
             SELECT e.*, 'ANNUAL', '2026', 1, 'DRAFT' FROM (SELECT *, random() AS r FROM "Employee" WHERE "supervisorId" IS NOT NULL) e WHERE r < 0.01) e
       WHERE e.status IS NOT NULL`,
    );
    await s.query(
      `INSERT INTO "Objection" (id, "evaluationId", reasons, status, "deciderId", decision, "filedAt", "decidedAt", "updatedAt")
       SELECT gen_random_uuid(), v.id, 'Bukti dukung belum dipertimbangkan',
         (CASE WHEN v.status = 'DECIDED' THEN 'DECIDED' WHEN random() < 0.5 THEN 'FILED' ELSE 'UNDER_REVIEW' END)::"ObjectionStatus",
         s."supervisorId", CASE WHEN v.status = 'DECIDED' THEN 'UPHELD'::"ObjectionDecision" END, TIMESTAMP '2026-12-20',
         CASE WHEN v.status = 'DECIDED' THEN TIMESTAMP '2026-12-20' END, TIMESTAMP '2026-12-20'
       FROM "Evaluation" v JOIN "Employee" s ON s.id = v."raterId" WHERE v.status IN ('OBJECTED', 'DECIDED')`,
    );
  });
  log(`  evaluations and objections in ${((performance.now() - evaluations) / 1000).toFixed(1)} s`);
}
