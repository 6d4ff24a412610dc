/** `status`: what the bot would run with, and what the database holds. */
import { channelStatuses } from '../../channels/configured.js';
import { localDate } from '../../domain/periods.js';
import { dateOnly } from '../../holidays/seed.js';
import { describeRedisUrl } from '../../redis/connect.js';
import { redisAnswers } from '../../redis/local-server.js';
import type { CliContext } from '../context.js';

export async function statusCommand(context: CliContext): Promise<number> {
  const t = context.text;
  const db = await context.database();
  context.out(t.statusDatabase({ kind: db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite', location: db.location }));
  const migrations = await db.sql.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
  );
  context.out(t.statusMigrations({ count: migrations.length, last: migrations.at(-1)?.migration_name ?? '-' }));

  const agencies = await db.prisma.agency.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { units: true } } } });
  if (agencies.length === 0) context.out(t.statusNoAgency);
  for (const agency of agencies) {
    const [active, inactive, linked] = await Promise.all([
      db.prisma.employee.count({ where: { agencyId: agency.id, active: true } }),
      db.prisma.employee.count({ where: { agencyId: agency.id, active: false } }),
      db.prisma.employee.count({ where: { agencyId: agency.id, active: true, chatIdentities: { some: {} } } }),
    ]);
    context.out(t.statusAgency({ name: agency.name, units: agency._count.units, active, inactive, linked }));
  }
  const year = localDate(context.now(), context.config.defaultTimeZone).year;
  const holidays = await db.prisma.holiday.count({ where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } } });
  context.out(t.statusHolidays({ year, count: holidays }));

  const redisUrl = context.config.redisUrl ?? 'redis://127.0.0.1:6379';
  const answers = await redisAnswers(redisUrl);
  context.out(!context.config.redisUrl && !answers ? t.statusRedisSelfStarted : t.statusRedis({ target: describeRedisUrl(redisUrl), ok: answers }));
  for (const channel of channelStatuses(context.config)) context.out(t.statusChannel({ name: channel.name, detail: channel.detail }));
  return 0;
}
