/**
 * What keeps Redis in line with the database, on a plain timer (not a BullMQ job, which an empty
 * Redis would have lost): job schedulers are reconciled, pending outbox rows re-queued, missed
 * check-ins caught up, idle conversations ended. One instance does it – the leader (see
 * leader.ts); the others stand by, asking every few seconds, and the first to get the lead after
 * the leader is gone runs a round at once. Every task is idempotent all the same, so two leaders
 * for a moment (one that lost its connection and has not noticed yet) do no harm.
 */
import type { Logger } from '../logging/logger.js';
import { soleLeader, type Leadership } from './leader.js';

/** One periodic task. */
export interface MaintenanceTask {
  name: string;
  run(): Promise<unknown>;
}

export interface MaintenanceOptions {
  /** Who leads; default: this instance always (one process on its database). */
  leadership?: Leadership;
  /** Time between two rounds of the leader (ms, default 30 s). */
  intervalMs?: number;
  /** How often the leader checks it still leads and a stand-by asks for the lead (ms, default 5 s). */
  pollMs?: number;
}

export class Maintenance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly leadership: Leadership;
  private readonly intervalMs: number;
  private readonly pollMs: number;
  /** Wall-clock time of the last round's start (not the injected clock, which tests freeze). */
  private lastRoundAt = 0;
  private leadingNow = false;
  private stopped = false;
  /** Rounds and ticks queued or running. */
  private queued = 0;

  constructor(
    private readonly tasks: MaintenanceTask[],
    private readonly logger: Logger,
    options: MaintenanceOptions = {},
  ) {
    this.leadership = options.leadership ?? soleLeader;
    this.intervalMs = options.intervalMs ?? 30_000;
    this.pollMs = options.pollMs ?? 5_000;
  }

  /** True when this instance led at its last check. */
  get leading(): boolean {
    return this.leadingNow;
  }

  /**
   * Runs every task once if this instance leads (taking the lead when it is free); a failing task
   * is logged and does not stop the others. Resolves to whether this instance ran them.
   */
  runOnce(): Promise<boolean> {
    return this.serially(async () => (await this.lead()) && (await this.round(), true));
  }

  /** Starts the timer: rounds every intervalMs while leading, a lead check every pollMs. */
  start(): void {
    this.timer = setInterval(() => {
      // A round stuck waiting (Redis down) should not pile up a tick every few seconds behind it.
      if (this.queued > 0) return;
      void this.serially(() => this.tick());
    }, this.pollMs);
    this.timer.unref();
  }

  /**
   * Stops the timer, waits for a round in progress (up to `graceMs`) and hands the lead over. A
   * round stuck waiting for Redis is not waited for: it ends when the queues close after this.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise<void>((resolve) => (timeout = setTimeout(resolve, graceMs)))]);
    clearTimeout(timeout);
    await this.leadership.release();
    this.leadingNow = false;
  }

  /** Rounds never overlap within an instance: the timer and an explicit runOnce queue up. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    this.queued++;
    const next = this.running.then(work, work).finally(() => this.queued--);
    this.running = next.catch(() => {});
    return next;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const before = this.leadingNow;
    if (!(await this.lead())) return;
    // A new leader runs at once: whatever the old one left undone should not wait a full interval.
    if (!before || Date.now() - this.lastRoundAt >= this.intervalMs) await this.round();
  }

  private async lead(): Promise<boolean> {
    this.leadingNow = !this.stopped && (await this.leadership.hold());
    return this.leadingNow;
  }

  private async round(): Promise<void> {
    this.lastRoundAt = Date.now();
    for (const task of this.tasks) {
      try {
        await task.run();
      } catch (error) {
        this.logger.warn({ task: task.name, error: (error as Error).message }, 'maintenance task failed');
      }
    }
  }
}
