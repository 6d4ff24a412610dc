/**
 * The bot's background upkeep, wired: which job schedulers the database calls for, how the leader
 * notices they changed without rebuilding them every round, and the tasks of a round. The timer
 * and the one-leader rule are in jobs/maintenance.ts, how the lead is held in jobs/leader.ts.
 */
import { pendingDownloads } from '../attachments/download.js';
import { expireIdleSessions } from '../bot/expiry.js';
import type { BotContext } from '../bot/context.js';
import { catchUpCheckins } from '../checkins/catch-up.js';
import { checkinGroups, checkinSchedulersOf, type CheckinGroup } from '../checkins/schedules.js';
import type { Config } from '../config/load.js';
import type { ConversationEngine } from '../conversation/engine.js';
import { sweepOutbox } from '../delivery/sweep.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { AdvisoryLockLeadership, soleLeader } from '../jobs/leader.js';
import { Maintenance } from '../jobs/maintenance.js';
import type { JobRuntime, SchedulerSpec } from '../jobs/runtime.js';
import { SchedulerSync } from '../jobs/scheduler-sync.js';
import type { Logger } from '../logging/logger.js';
import { catchUpWeeklyDigests } from '../reports/send-digest.js';
import type { QueuedMessage } from '../services/outbox.js';
import type { Database } from '../storage/database.js';

/** Every job scheduler the database calls for, given its check-in groups. */
export async function desiredSchedulers(prisma: PrismaClient, groups: CheckinGroup[]): Promise<SchedulerSpec[]> {
  const agencies = await prisma.agency.findMany({ select: { id: true, timeZone: true, _count: { select: { reportDestinations: true } } } });
  return [
    ...checkinSchedulersOf(groups),
    { id: 'checkin-sweep', repeat: { every: 5 * 60_000 }, name: 'checkin.sweep', data: {} },
    ...agencies.map((a): SchedulerSpec => ({ id: `nudges:${a.id}`, repeat: { pattern: '0 9 * * *', tz: a.timeZone }, name: 'nudges.daily', data: { agencyId: a.id } })),
    ...agencies
      .filter((a) => a._count.reportDestinations > 0)
      .map((a): SchedulerSpec => ({ id: `digest:${a.id}`, repeat: { pattern: '0 8 * * 1', tz: a.timeZone }, name: 'digest.weekly', data: { agencyId: a.id } })),
  ];
}

/**
 * Changes whenever a row that desiredSchedulers or the check-in groups depend on is added, removed
 * or updated (through Prisma or the import, which both set updatedAt): one statement of counts
 * and latest changes, instead of reading the unit tree and grouping every employee each round.
 */
export async function schedulerFingerprint(prisma: PrismaClient): Promise<string> {
  const table = (name: string) => `(SELECT count(*) || ':' || COALESCE(max("updatedAt")::text, '-') FROM "${name}")`;
  const [row] = await prisma.$queryRawUnsafe<{ fingerprint: string }[]>(
    `SELECT concat_ws('|', ${['Unit', 'CheckinSchedule', 'Employee', 'Agency', 'ReportDestination'].map(table).join(', ')}) AS fingerprint`,
  );
  return row?.fingerprint ?? '';
}

/** The check-in groups are read again at least this often, whatever the fingerprint says (ms). */
const REREAD_EVERY_MS = 10 * 60_000;

/** The check-in groups as of the last round, re-read only when the fingerprint moved (or now and then). */
class ScheduleWatch {
  groups: CheckinGroup[] = [];
  /** Moves whenever the groups were re-read: what the scheduler sync compares. */
  version = '';
  private fingerprint: string | undefined;
  private readAt = 0;

  constructor(private readonly prisma: PrismaClient) {}

  async refresh(): Promise<void> {
    // Read before the groups, so a change in between shows as a new fingerprint next round.
    const fingerprint = await schedulerFingerprint(this.prisma);
    if (fingerprint === this.fingerprint && Date.now() - this.readAt < REREAD_EVERY_MS) return;
    this.groups = await checkinGroups(this.prisma);
    [this.fingerprint, this.readAt] = [fingerprint, Date.now()];
    this.version = `${fingerprint}@${this.readAt}`;
  }
}

/** The maintenance of a running bot: the leader's tasks, in order, every round. */
export function createMaintenance(options: {
  config: Pick<Config, 'databaseUrl' | 'queuePrefix' | 'defaultLocale' | 'maintenanceIntervalSeconds'>;
  db: Database;
  jobs: JobRuntime;
  engine: ConversationEngine<BotContext>;
  deliver: (rows: QueuedMessage[]) => Promise<void>;
  logger: Logger;
  now: () => Date;
  /** Handles updates stored by an instance that died before handling them (Bot.resumeStaleUpdates). */
  resumeStaleUpdates: () => Promise<number>;
  /** Queues evidence downloads (their job ids make asking twice harmless). */
  queueDownloads?: (evidenceIds: string[]) => Promise<void>;
}): Maintenance {
  const { config, db, jobs, engine, deliver, logger, now } = options;
  const prisma = db.prisma;
  const watch = new ScheduleWatch(prisma);
  const schedulers = new SchedulerSync(jobs, logger);
  // Instances sharing the database and the queues share a leader; PGlite has one process, which leads.
  const leadership =
    db.kind === 'postgres' && config.databaseUrl ? new AdvisoryLockLeadership(config.databaseUrl, `maintenance:${config.queuePrefix}`, logger) : soleLeader;
  return new Maintenance(
    [
      { name: 'read check-in groups', run: () => watch.refresh() },
      { name: 'reconcile job schedulers', run: () => schedulers.sync(watch.version, () => desiredSchedulers(prisma, watch.groups)) },
      { name: 'sweep outbox', run: () => sweepOutbox(prisma, jobs, { graceSeconds: Math.min(10, config.maintenanceIntervalSeconds) }) },
      // Check-ins whose scheduler fired while Redis or the bot was down: only groups with no completed run this week.
      {
        name: 'check-in catch-up',
        run: async () => {
          const caught = await catchUpCheckins(prisma, deliver, now(), watch.groups);
          if (caught.groups > 0) logger.info(caught, 'missed check-in fan-outs caught up');
        },
      },
      { name: 'digest catch-up', run: () => catchUpWeeklyDigests(prisma, deliver, { now: now(), locale: config.defaultLocale }) },
      { name: 'end idle conversations', run: async () => deliver(await expireIdleSessions(prisma, engine, now())) },
      { name: 'resume stale updates', run: async () => void (await options.resumeStaleUpdates()) },
      // Evidence whose download job Redis lost. createdAt is the database's clock, so the wall clock compares with it.
      {
        name: 'evidence download catch-up',
        run: async () => {
          const ids = options.queueDownloads ? await pendingDownloads(prisma, new Date()) : [];
          if (ids.length > 0) await options.queueDownloads?.(ids);
        },
      },
    ],
    logger,
    { leadership, intervalMs: config.maintenanceIntervalSeconds * 1000 },
  );
}
