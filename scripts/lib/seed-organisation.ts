/**
 * A large organisation written straight into the database in a handful of set-based statements
 * (bench:memory): one agency, a unit tree four levels deep (a secretariat, 40 offices, 10 divisions
 * each, 5 sections per division), a head for every unit and everyone else as staff of a section, each
 * with a supervisor and a Telegram account, and one check-in schedule for the whole agency.
 */
import { isoWeekKey, localParts } from '../../src/domain/time-zones.js';
import type { Database } from '../../src/storage/database.js';

const OFFICES = 40;
const DIVISIONS_PER_OFFICE = 10;
const SECTIONS_PER_DIVISION = 5;
/** Telegram chat ids of the employees: CHAT_BASE + 1 … CHAT_BASE + employees. */
const CHAT_BASE = 200_000_000;
const TIME_ZONE = 'Asia/Jakarta';

/**
 * Seeds `employees` people (at least the 2,441 unit heads). With `checkinWindowOpen`, the agency's
 * check-in opened half an hour before `now` and everyone has answered it – the state every
 * maintenance pass meets from Friday afternoon to Monday; otherwise the check-in is days away.
 */
export async function seedOrganisation(db: Database, options: { employees: number; checkinWindowOpen: boolean; now: Date }): Promise<void> {
  const heads = 1 + OFFICES + OFFICES * DIVISIONS_PER_OFFICE + OFFICES * DIVISIONS_PER_OFFICE * SECTIONS_PER_DIVISION;
  if (options.employees < heads) throw new Error(`at least ${heads} employees are needed for the unit tree`);
  const local = localParts(options.now, TIME_ZONE);
  const minuteNow = local.hour * 60 + local.minute;
  // Open: today, half an hour ago (or at midnight). Closed: three days ahead, or four days past a 24-hour deadline.
  const schedule = options.checkinWindowOpen
    ? { weekday: local.weekday, minuteOfDay: Math.max(0, minuteNow - 30), deadlineHours: 72 }
    : { weekday: ((local.weekday + 2) % 7) + 1, minuteOfDay: 14 * 60, deadlineHours: 24 };

  // One connection throughout: the temporary tables live in its session.
  await db.sql.withSession(async (sql) => {
    await sql.exec(`
      CREATE TEMP TABLE bench_unit (n int PRIMARY KEY, id text, name text, parent int, level int);
      INSERT INTO bench_unit VALUES (0, gen_random_uuid()::text, 'Sekretariat Daerah', NULL, 0);
      INSERT INTO bench_unit SELECT o, gen_random_uuid()::text, 'Dinas ' || o, 0, 1 FROM generate_series(1, ${OFFICES}) o;
      INSERT INTO bench_unit
        SELECT 1000 + (o - 1) * ${DIVISIONS_PER_OFFICE} + d, gen_random_uuid()::text, 'Bidang ' || d || ' Dinas ' || o, o, 2
        FROM generate_series(1, ${OFFICES}) o, generate_series(1, ${DIVISIONS_PER_OFFICE}) d;
      INSERT INTO bench_unit
        SELECT 100000 + (b.n - 1000) * ${SECTIONS_PER_DIVISION} + s, gen_random_uuid()::text, 'Seksi ' || s || ' ' || b.name, b.n, 3
        FROM bench_unit b, generate_series(1, ${SECTIONS_PER_DIVISION}) s WHERE b.level = 2;
    `);
    const [agency] = await sql.query<{ id: string }>(
      `INSERT INTO "Agency" (id, name, "timeZone", "updatedAt") VALUES (gen_random_uuid()::text, 'Pemerintah Provinsi Uji Memori', $1, now()) RETURNING id`,
      [TIME_ZONE],
    );
    await sql.query(
      `INSERT INTO "Unit" (id, "agencyId", name, "parentId", "updatedAt")
       SELECT u.id, $1, u.name, p.id, now() FROM bench_unit u LEFT JOIN bench_unit p ON p.n = u.parent`,
      [agency!.id],
    );
    // Heads first (one per unit, reporting to the head of the parent unit), then staff spread over the sections.
    await sql.exec(
      `CREATE TEMP TABLE bench_employee AS
         SELECT row_number() OVER (ORDER BY u.level, u.n) AS k, gen_random_uuid()::text AS id, u.n AS unit, u.parent AS boss_unit, u.level
         FROM bench_unit u;
       INSERT INTO bench_employee
         SELECT ${heads} + s, gen_random_uuid()::text, sections.n, NULL, 4
         FROM generate_series(1, ${options.employees - heads}) s
         JOIN (SELECT n, row_number() OVER (ORDER BY n) - 1 AS i FROM bench_unit WHERE level = 3) sections
           ON sections.i = s % ${OFFICES * DIVISIONS_PER_OFFICE * SECTIONS_PER_DIVISION};`,
    );
    await sql.query(
      `INSERT INTO "Employee" (id, "agencyId", "unitId", nip, name, position, "positionType", "employmentStatus", "supervisorId", "timeZone", "updatedAt")
       SELECT e.id, $1, u.id, '198001012005' || lpad(e.k::text, 6, '0'), 'Pegawai ' || e.k,
              CASE e.level WHEN 0 THEN 'Sekretaris Daerah' WHEN 1 THEN 'Kepala Dinas' WHEN 2 THEN 'Kepala Bidang' WHEN 3 THEN 'Kepala Seksi' ELSE 'Pelaksana' END,
              (CASE e.level WHEN 0 THEN 'JPT' WHEN 1 THEN 'JPT' WHEN 2 THEN 'ADMINISTRATOR' WHEN 3 THEN 'PENGAWAS' ELSE 'PELAKSANA' END)::"PositionType",
              'PNS'::"EmploymentStatus", boss.id, $2, now()
       FROM bench_employee e
       JOIN bench_unit u ON u.n = e.unit
       LEFT JOIN bench_employee boss ON boss.level < 4 AND boss.unit = CASE WHEN e.level = 4 THEN e.unit ELSE e.boss_unit END`,
      [agency!.id, TIME_ZONE],
    );
    await sql.exec(`
      UPDATE "Unit" SET "leaderId" = e.id FROM bench_unit u JOIN bench_employee e ON e.unit = u.n AND e.level < 4 WHERE "Unit".id = u.id;
      INSERT INTO "ChatIdentity" (id, "employeeId", platform, "externalUserId", "dmChannelId", "updatedAt")
        SELECT gen_random_uuid()::text, e.id, 'TELEGRAM', (${CHAT_BASE} + e.k)::text, (${CHAT_BASE} + e.k)::text, now() FROM bench_employee e;
    `);
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO "CheckinSchedule" (id, "unitId", weekday, "minuteOfDay", "deadlineHours", "reminderAfterHours", "updatedAt")
       SELECT gen_random_uuid()::text, id, $1, $2, $3, 48, now() FROM bench_unit WHERE n = 0 RETURNING id`,
      [schedule.weekday, schedule.minuteOfDay, schedule.deadlineHours],
    );
    if (options.checkinWindowOpen) {
      await sql.query(
        `INSERT INTO "CheckinPrompt" (id, "employeeId", "scheduleId", "weekKey", status, "promptedAt", "answeredAt", "updatedAt")
         SELECT gen_random_uuid()::text, e.id, $1, $2, 'ANSWERED', now(), now(), now() FROM bench_employee e`,
        [row!.id, isoWeekKey(options.now, TIME_ZONE)],
      );
    }
    await sql.exec('DROP TABLE bench_employee; DROP TABLE bench_unit; ANALYZE;');
  });
}

