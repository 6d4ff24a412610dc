/**
 * Keeps BullMQ's job schedulers in line with the database without rebuilding them every round:
 * the leader reconciles when what they are built from changed (a version the caller moves – see
 * app/maintenance.ts, which moves it when the tables behind the schedulers change, and every few
 * minutes in case a change slipped past), or when Redis holds a different number of schedulers
 * than it was given (emptied, restarted without persistence, edited by hand).
 */
import type { Logger } from '../logging/logger.js';
import type { JobRuntime, SchedulerSpec } from './runtime.js';

export class SchedulerSync {
  private version: string | undefined;
  private count = -1;

  constructor(
    private readonly jobs: Pick<JobRuntime, 'work' | 'reconcileSchedulers'>,
    private readonly logger: Logger,
  ) {}

  /** Reconciles with `desired()` when `version` moved since the last reconcile or Redis lost count; resolves to whether it did. */
  async sync(version: string, desired: () => Promise<SchedulerSpec[]>): Promise<boolean> {
    if (version === this.version && (await this.jobs.work.getJobSchedulersCount()) === this.count) return false;
    const specs = await desired();
    const result = await this.jobs.reconcileSchedulers(specs);
    [this.version, this.count] = [version, specs.length];
    if (result.upserted > 0 || result.removed > 0) this.logger.info(result, 'job schedulers reconciled');
    return true;
  }
}
