/** Deleting a namespace of keys: a test's or a benchmark's queues, left behind under its own prefix. */
import { Redis } from 'ioredis';

/** Deletes every key under `prefix:` on the Redis at `url` (SCAN, never KEYS: safe on a busy server). */
export async function deleteKeysUnder(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
