/**
 * Figures of the inbound benchmark, per paced phase: rates, reply latency percentiles, the
 * webhook's own answer time, exactly-once accounting, and the bot process's memory and CPU.
 */
import type { ProcessSample } from './bot-process.js';
import type { PacedPhase, UpdateRecord } from './inbound-driver.js';

/** Nearest-rank percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ascending = (values: number[]) => values.sort((a, b) => a - b);

/** Exactly-once accounting of a set of updates. */
export interface Answered {
  updates: number;
  once: number;
  unanswered: number;
  moreThanOnce: number;
  /** Responses other than 200, and POSTs that failed outright. */
  httpErrors: number;
}

export function answered(records: UpdateRecord[]): Answered {
  const count = (test: (r: UpdateRecord) => boolean) => records.filter(test).length;
  return {
    updates: records.length,
    once: count((r) => r.replies.length === 1),
    unanswered: count((r) => r.replies.length === 0),
    moreThanOnce: count((r) => r.replies.length > 1),
    httpErrors: count((r) => r.error !== undefined || (r.status !== undefined && r.status !== 200)),
  };
}

/** Everything printed for one paced phase. */
export interface PhaseFigures extends Answered {
  phase: PacedPhase;
  achievedRate: number;
  reply: { p50: number; p95: number; p99: number; max: number };
  webhook: { p50: number; p99: number };
  /** Waiting for a free webhook connection, p99 (0 unless the connection cap binds). */
  connectionWaitP99: number;
  rssPeak: number;
  rssEnd: number;
  /** The bot's CPU time over the phase as a share of one core, %. */
  cpu: number;
  /** CPU time per update, ms, of the bot and of the PostgreSQL backends serving its database (robust to a busy machine). */
  botCpuPerUpdate: number;
  postgresCpuPerUpdate: number;
}

/**
 * Figures of `phase` over its records; `until` is when its stragglers were drained (memory and CPU
 * are read up to then); `postgresCpuMs` is what PostgreSQL spent for the bot's database meanwhile.
 */
export function phaseFigures(phase: PacedPhase, records: UpdateRecord[], samples: ProcessSample[], until: number, postgresCpuMs: number): PhaseFigures {
  const mine = records.filter((r) => r.phase === phase.phase);
  const replies = ascending(mine.filter((r) => r.replies[0]).map((r) => r.replies[0]!.at - r.offeredAt));
  const webhook = ascending(mine.filter((r) => r.respondedAt !== undefined && r.socketAt !== undefined).map((r) => r.respondedAt! - r.socketAt!));
  const waits = ascending(mine.filter((r) => r.socketAt !== undefined).map((r) => r.socketAt! - r.offeredAt));
  const during = samples.filter((s) => s.at >= phase.startedAt && s.at <= until);
  const first = during[0];
  const last = during.at(-1);
  const seconds = (phase.endedAt - phase.startedAt) / 1000;
  return {
    phase,
    ...answered(mine),
    achievedRate: mine.length / seconds,
    reply: { p50: percentile(replies, 50), p95: percentile(replies, 95), p99: percentile(replies, 99), max: replies.at(-1) ?? Number.NaN },
    webhook: { p50: percentile(webhook, 50), p99: percentile(webhook, 99) },
    connectionWaitP99: percentile(waits, 99),
    rssPeak: Math.max(0, ...during.map((s) => s.rss)),
    rssEnd: last?.rss ?? 0,
    cpu: first && last && last.at > first.at ? (100 * (last.cpuMs - first.cpuMs)) / (last.at - first.at) : Number.NaN,
    botCpuPerUpdate: first && last ? (last.cpuMs - first.cpuMs) / mine.length : Number.NaN,
    postgresCpuPerUpdate: postgresCpuMs / mine.length,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)}`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The main table: one row per rate. Latencies in ms unless marked s. */
export function summaryTable(figures: PhaseFigures[]): string {
  const header = ['offered/s', 'sent/s', 'missed', 'updates', 'reply p50', 'p95', 'p99', 'max', 'webhook p50', 'p99', 'conn wait p99', 'once', 'none', '>1', 'http err', 'RSS peak', 'RSS end', 'bot CPU', 'CPU ms/update bot', 'PostgreSQL'];
  const rows = figures.map((f) => [
    String(f.phase.rate),
    f.achievedRate.toFixed(1),
    String(f.phase.missed),
    String(f.updates),
    ms(f.reply.p50),
    ms(f.reply.p95),
    ms(f.reply.p99),
    ms(f.reply.max),
    ms(f.webhook.p50),
    ms(f.webhook.p99),
    ms(f.connectionWaitP99),
    String(f.once),
    String(f.unanswered),
    String(f.moreThanOnce),
    String(f.httpErrors),
    mb(f.rssPeak),
    mb(f.rssEnd),
    Number.isNaN(f.cpu) ? '–' : `${Math.round(f.cpu)} %`,
    f.botCpuPerUpdate.toFixed(1),
    f.postgresCpuPerUpdate.toFixed(1),
  ]);
  return table(header, rows);
}

/** Reply latency p50/p99 (ms) per kind of update and rate: which handlers are slow. */
export function labelTable(phases: PacedPhase[], records: UpdateRecord[]): string {
  const labels = [...new Set(records.filter((r) => phases.some((p) => p.phase === r.phase)).map((r) => r.label))].sort();
  const rows = labels.map((label) => [
    label,
    ...phases.map((phase) => {
      const mine = records.filter((r) => r.phase === phase.phase && r.label === label);
      const latencies = ascending(mine.filter((r) => r.replies[0]).map((r) => r.replies[0]!.at - r.offeredAt));
      return `${mine.length} × ${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`;
    }),
  ]);
  return table(['update', ...phases.map((p) => `${p.rate}/s: n × p50 / p99`)], rows);
}
