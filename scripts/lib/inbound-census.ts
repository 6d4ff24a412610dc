/**
 * The census of the inbound benchmark (BENCH_CENSUS=1): updates sent one at a time, each through
 * to its reply and the settle after it, counting what the bot sent PostgreSQL meanwhile (through
 * scripts/lib/pg-counting-proxy.ts): statements and round trips per kind of update, handling and
 * delivery included. The bot's maintenance timer runs now and then too, hence medians.
 */
import type { InboundDriver, UpdateRecord } from './inbound-driver.js';
import { percentile, table } from './inbound-report.js';
import type { WireCounts } from './pg-counting-proxy.js';

/** Runs `count` updates one by one; returns the table to print. */
export async function census(driver: InboundDriver, counts: () => WireCounts, count: number, timeoutMs: number): Promise<string> {
  const seen: { record: UpdateRecord; statements: number; roundTrips: number }[] = [];
  for (let i = 0; i < count; i++) {
    const before = counts();
    const record = await driver.one('census', timeoutMs);
    if (!record) break;
    const after = counts();
    seen.push({ record, statements: after.statements - before.statements, roundTrips: after.roundTrips - before.roundTrips });
  }
  const labels = [...new Set(seen.map((s) => s.record.label))].sort();
  const rows = labels.map((label) => {
    const mine = seen.filter((s) => s.record.label === label);
    const statements = mine.map((s) => s.statements).sort((a, b) => a - b);
    const trips = mine.map((s) => s.roundTrips).sort((a, b) => a - b);
    const latency = mine.filter((s) => s.record.replies[0]).map((s) => s.record.replies[0]!.at - s.record.offeredAt).sort((a, b) => a - b);
    return [label, String(mine.length), String(percentile(statements, 50)), `${statements[0]}–${statements.at(-1)}`, String(percentile(trips, 50)), percentile(latency, 50).toFixed(1)];
  });
  return table(['update', 'n', 'statements', 'range', 'round trips', 'reply p50 ms'], rows);
}
