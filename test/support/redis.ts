/** Redis for tests: a unique key prefix per bot under test, and cleaning up after it. */
import { randomBytes } from 'node:crypto';
import { deleteKeysUnder } from '../../src/redis/keys.js';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A prefix no other test uses, so parallel test files never share queues. */
export function uniquePrefix(): string {
  return `test-${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under `prefix`. */
export function dropPrefix(prefix: string): Promise<void> {
  return deleteKeysUnder(TEST_REDIS_URL, prefix);
}
