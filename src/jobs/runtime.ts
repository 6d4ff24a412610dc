/**
 * BullMQ on the bot's Redis: the queues, their workers, typed adding of jobs and reconciling job
 * schedulers with what the database says should exist. Redis only executes: everything here can
 * be rebuilt from the database (see maintenance.ts and scheduler-sync.ts), so losing Redis loses nothing.
 */
import { Queue, Worker, type ConnectionOptions, type Job, type JobsOptions, type RepeatOptions, type WorkerOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { quietErrorLogger } from '../redis/backoff.js';
import type { Platform } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import { deliveryQueueName, WORK_QUEUE, type JobHandlers, type JobName, type JobPayloads } from './types.js';

/** Rate limits per platform (BullMQ's limiter, shared by every instance); undefined = none. */
export type PlatformLimits = Record<Platform, WorkerOptions['limiter'] | undefined>;

/**
 * A limiter for `perSecond` messages per second in windows of a tenth of a second. BullMQ counts
 * in fixed windows: with one-second windows, 30 at the end of one and 30 at the start of the next
 * are 60 within a second, and Telegram answers 429. Small windows keep every second near the rate.
 */
export function limiterFor(perSecond: number): NonNullable<WorkerOptions['limiter']> {
  const max = Math.max(1, Math.round(perSecond / 10));
  return { max, duration: Math.round((1000 * max) / perSecond) };
}

/** Telegram allows about 30 messages per second overall; Slack about one per second per channel
 * (paced in the delivery worker) with a higher overall ceiling. */
export const DEFAULT_LIMITS: PlatformLimits = {
  TELEGRAM: limiterFor(30),
  SLACK: limiterFor(50),
  CONSOLE: undefined,
};

/** The limits with Telegram's overall rate as configured (TELEGRAM_MAX_PER_SECOND). */
export function platformLimits(telegramPerSecond: number): PlatformLimits {
  return { ...DEFAULT_LIMITS, TELEGRAM: limiterFor(telegramPerSecond) };
}

const PLATFORMS: Platform[] = ['TELEGRAM', 'SLACK', 'CONSOLE'];

/** Jobs run at once per queue. Deliveries mostly wait on the network and are claimed and marked in
 * batches (see delivery/batcher.ts), so many at once is what makes a fan-out fast; the limiter, not
 * this number, keeps the platform's rate. */
const WORK_CONCURRENCY = 4;
const DELIVERY_CONCURRENCY = 128;

/** A desired job scheduler. */
export interface SchedulerSpec {
  id: string;
  repeat: RepeatOptions;
  name: JobName;
  data: JobPayloads[JobName];
}

export class JobRuntime {
  readonly work: Queue;
  readonly delivery: Map<Platform, Queue>;
  private readonly workers: Worker[] = [];
  /** One quiet log for every BullMQ connection: an outage is a few lines, not one per queue per retry. */
  private readonly quiet;
  private readonly connection: ConnectionOptions;

  constructor(
    redis: RedisOptions,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly limits: PlatformLimits = DEFAULT_LIMITS,
  ) {
    // BullMQ types ioredis options through its own copy of ioredis' types; the values are the same.
    const connection = redis as unknown as ConnectionOptions;
    this.connection = connection;
    this.quiet = quietErrorLogger(logger, 'Redis (job queues)');
    this.work = this.watched(new Queue(WORK_QUEUE, { connection, prefix }));
    this.delivery = new Map(PLATFORMS.map((platform) => [platform, this.watched(new Queue(deliveryQueueName(platform), { connection, prefix }))]));
  }

  private watched<T extends Queue | Worker>(target: T): T {
    (target as Queue).on('error', (error: Error) => this.quiet.onError(error));
    return target;
  }

  /** Adds a job to the work queue. */
  async add<N extends JobName>(name: N, data: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    await this.work.add(name, data, { removeOnComplete: true, removeOnFail: 1000, ...options });
  }

  /** Queues the delivery of outbox rows (the job id is the row id, so adding twice is harmless). */
  async deliver(rows: { id: string; platform: Platform }[]): Promise<void> {
    for (const platform of PLATFORMS) {
      const queue = this.delivery.get(platform);
      const jobs = rows.filter((row) => row.platform === platform);
      if (!queue || jobs.length === 0) continue;
      await queue.addBulk(
        jobs.map((row) => ({
          name: 'deliver',
          data: { outboxId: row.id },
          opts: { jobId: row.id, attempts: 8, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: true, removeOnFail: 1000 },
        })),
      );
    }
  }

  /** Starts the workers: one for the work queue, one per platform's delivery queue. */
  start(handlers: JobHandlers, options: { concurrency?: number; deliveryLeaseSeconds?: number } = {}): void {
    const run = async (job: Job, token?: string) => {
      const handler = handlers[job.name as JobName] as (data: unknown, job: Job, token: string | undefined) => Promise<void>;
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.data, job, token);
    };
    const onFailed = (job: Job | undefined, error: Error) =>
      this.logger.warn({ job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, error: error.message }, 'job failed');
    const work = this.watched(new Worker(WORK_QUEUE, run, { connection: this.connection, prefix: this.prefix, concurrency: options.concurrency ?? WORK_CONCURRENCY }));
    work.on('failed', onFailed);
    this.workers.push(work);
    for (const platform of PLATFORMS) {
      const worker = this.watched(
        new Worker(deliveryQueueName(platform), run, {
          connection: this.connection,
          prefix: this.prefix,
          concurrency: options.concurrency ?? DELIVERY_CONCURRENCY,
          limiter: this.limits[platform],
          // A delivery held by an instance that died is handed to another after the same lease the
          // outbox row's claim has (DELIVERY_LEASE_SECONDS), not after BullMQ's default 30 s + 30 s.
          ...(options.deliveryLeaseSeconds ? { lockDuration: options.deliveryLeaseSeconds * 1000, stalledInterval: options.deliveryLeaseSeconds * 1000 } : {}),
        }),
      );
      worker.on('failed', onFailed);
      this.workers.push(worker);
    }
  }

  /**
   * Makes the work queue's schedulers exactly `desired`: creates the missing ones, updates those
   * whose timing changed, removes the rest. A scheduler already as desired is left alone (re-upserting
   * one reschedules its next job, and costs a round trip per scheduler for nothing).
   */
  async reconcileSchedulers(desired: SchedulerSpec[]): Promise<{ upserted: number; removed: number; unchanged: number }> {
    const existing = new Map((await this.work.getJobSchedulers(0, -1)).map((scheduler) => [scheduler.key, scheduler]));
    const wanted = new Set(desired.map((spec) => spec.id));
    let removed = 0;
    for (const key of existing.keys()) {
      if (!wanted.has(key)) removed += (await this.work.removeJobScheduler(key)) ? 1 : 0;
    }
    let upserted = 0;
    for (const spec of desired) {
      // The id names the job and its data (checkin:<schedule>:<zone>, nudges:<agency>, …): same id and timing, same scheduler.
      const current = existing.get(spec.id);
      if (current && current.name === spec.name && current.pattern === spec.repeat.pattern && current.every === spec.repeat.every && current.tz === spec.repeat.tz) continue;
      await this.work.upsertJobScheduler(spec.id, spec.repeat, { name: spec.name, data: spec.data, opts: { removeOnComplete: true, removeOnFail: 1000 } });
      upserted++;
    }
    return { upserted, removed, unchanged: desired.length - upserted };
  }

  /** Pauses a platform's whole delivery queue, e.g. when the platform answered 429 for the bot as a whole. */
  async pauseDeliveries(platform: Platform, ms: number): Promise<void> {
    await this.delivery.get(platform)?.rateLimit(ms);
  }

  /**
   * Lets running jobs finish (up to `graceMs`), then closes everything. Without Redis no running job
   * could be marked done anyway, so the graceful wait is skipped and the rest gets a second.
   */
  async stop(graceMs = 5_000): Promise<void> {
    const within = <T>(ms: number, work: Promise<T>) => Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
    const reachable = await within(200, this.work.getBackend().client.then((client) => client.status === 'ready')).catch(() => false);
    if (reachable) await within(graceMs, Promise.all(this.workers.map((worker) => worker.close())));
    await within(
      reachable ? graceMs : 1_000,
      Promise.all([...this.workers.map((worker) => worker.close(true)), ...[this.work, ...this.delivery.values()].map((queue) => queue.close())]),
    );
  }
}
