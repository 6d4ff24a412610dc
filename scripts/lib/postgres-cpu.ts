/**
 * CPU time PostgreSQL spends for one database: the backends serving it (pg_stat_activity), read
 * from /proc on this machine. The server is shared with other work, so the database's own
 * backends are the only fair measure of what the bot costs PostgreSQL. Backends come and go (the
 * pool closes idle connections and opens new ones), so they are sampled all along: a backend's
 * time counts from its first sighting, or from zero when it started after the tracker.
 */
import { readFileSync } from 'node:fs';
import type { SqlSession } from '../../src/storage/sql.js';

/** Linux clock ticks per second (/proc's unit for CPU time). */
const TICKS_PER_SECOND = 100;

function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined; // ended, or a server on another machine
  }
}

/** Samples the backends of `database` every `everyMs` until stopped; `spent()` is their CPU ms since the start. */
export class PostgresCpuTracker {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  private sampling: Promise<void> = Promise.resolve();
  private initial = true;

  constructor(
    private readonly sql: SqlSession,
    private readonly database: string,
    everyMs = 250,
  ) {
    this.sampling = this.sample();
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample());
    }, everyMs);
  }

  /** CPU ms spent by the database's backends since the tracker started (after one more sample). */
  async spent(): Promise<number> {
    await (this.sampling = this.sampling.then(() => this.sample()));
    let total = 0;
    for (const [pid, ms] of this.last) total += ms - (this.first.get(pid) ?? 0);
    return total;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    const rows = await this.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [this.database]).catch(() => []);
    for (const { pid } of rows) {
      const ms = cpuMsOf(pid);
      if (ms === undefined) continue;
      // Backends already running at the start count from then; later ones from zero.
      if (this.initial) this.first.set(pid, ms);
      this.last.set(pid, ms);
    }
    this.initial = false;
  }
}
