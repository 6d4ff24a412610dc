/**
 * Reconnection policy and quiet error logging for Redis: a Redis outage produces a few
 * readable log lines, not a stack trace per retry.
 */
import type { Logger } from '../logging/logger.js';

/** Delay before reconnection attempt `times` (1-based): 200 ms doubling to 30 s, with jitter. */
export function reconnectDelay(times: number): number {
  const base = Math.min(200 * 2 ** Math.max(0, times - 1), 30_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Logs the first connection error, then at most one summary per `quietMs`, and the recovery. */
export function quietErrorLogger(logger: Logger, label: string, quietMs = 30_000) {
  let failingSince: number | undefined;
  let lastLoggedAt = 0;
  let suppressed = 0;
  return {
    onError(error: Error) {
      const now = Date.now();
      failingSince ??= now;
      if (now - lastLoggedAt < quietMs) {
        suppressed++;
        return;
      }
      logger.warn({ target: label, error: error.message, suppressed }, `${label} unreachable; retrying with backoff`);
      lastLoggedAt = now;
      suppressed = 0;
    },
    onReady() {
      if (failingSince !== undefined) {
        logger.info({ target: label, downForMs: Date.now() - failingSince }, `${label} connection restored`);
      }
      failingSince = undefined;
      lastLoggedAt = 0;
      suppressed = 0;
    },
  };
}
