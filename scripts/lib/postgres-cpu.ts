/**
 * CPU time PostgreSQL spends for one database: the backends serving it (pg_stat_activity), read
 * from /proc on this machine. The server is shared with other work, so the database's own
 * backends are the only fair measure of what the bot costs PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import type { SqlSession } from '../../src/storage/sql.js';

/** Linux clock ticks per second (/proc's unit for CPU time). */
const TICKS_PER_SECOND = 100;

/** CPU ms (user + system) of each backend serving `database`, by pid. */
export async function backendCpu(sql: SqlSession, database: string): Promise<Map<number, number>> {
  const rows = await sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // Ended between the query and the read, or a server on another machine: nothing to count.
    }
  }
  return cpu;
}

/** CPU ms spent between two readings (backends started in between count from zero). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
