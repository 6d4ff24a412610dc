/**
 * What keeps Redis in line with the database, run in every instance on a plain timer (not a
 * BullMQ job, which an empty Redis would have lost): job schedulers are reconciled, pending
 * outbox rows re-queued, idle conversations ended. Every task is idempotent, so several
 * instances running it at once do no harm.
 */
import type { Logger } from '../logging/logger.js';

/** One periodic task. */
export interface MaintenanceTask {
  name: string;
  run(): Promise<unknown>;
}

export class Maintenance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly tasks: MaintenanceTask[],
    private readonly logger: Logger,
  ) {}

  /** Runs every task once; a failing task is logged and does not stop the others. */
  async runOnce(): Promise<void> {
    for (const task of this.tasks) {
      try {
        await task.run();
      } catch (error) {
        this.logger.warn({ task: task.name, error: (error as Error).message }, 'maintenance task failed');
      }
    }
  }

  start(intervalMs = 30_000): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.runOnce());
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
