import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { quietErrorLogger, reconnectDelay } from '../../src/redis/backoff.js';

describe('Redis reconnection', () => {
  it('backs off from about 200 ms to at most about 30 s', () => {
    expect(reconnectDelay(1)).toBeGreaterThanOrEqual(160);
    expect(reconnectDelay(1)).toBeLessThanOrEqual(240);
    expect(reconnectDelay(4)).toBeGreaterThanOrEqual(1280);
    for (let times = 1; times < 50; times++) expect(reconnectDelay(times)).toBeLessThanOrEqual(36_000);
  });

  it('logs the first failure, then one summary per quiet period, then the recovery', () => {
    vi.useFakeTimers();
    const lines: { level: number; msg: string; suppressed?: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const quiet = quietErrorLogger(logger, 'Redis test', 30_000);
    for (let i = 0; i < 10; i++) {
      quiet.onError(new Error('connect ECONNREFUSED'));
      vi.advanceTimersByTime(1_000);
    }
    vi.advanceTimersByTime(25_000);
    quiet.onError(new Error('connect ECONNREFUSED'));
    quiet.onReady();
    vi.useRealTimers();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'Redis test unreachable; retrying with backoff'],
      [40, 'Redis test unreachable; retrying with backoff'],
      [30, 'Redis test connection restored'],
    ]);
    expect(lines[1]?.suppressed).toBe(9);
  });
});
