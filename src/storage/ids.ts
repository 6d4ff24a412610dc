/**
 * UUIDv7 ids for rows the project inserts itself, matching what Prisma's `@default(uuid(7))`
 * generates: time-ordered, so new rows cluster at the end of indexes. Ids made in one process are
 * also strictly increasing (a counter in the 12 `rand_a` bits orders ids of the same millisecond):
 * the outbox orders a chat's messages by (createdAt, id), and every row of one commit has the same
 * createdAt.
 */
import { randomBytes } from 'node:crypto';

let lastMs = -1;
let sequence = 0;

// Random bytes are drawn 4 KB at a time: one system call per 400 ids instead of one per id.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;

function randomTail(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return bytes;
}

/** A new UUIDv7 string, greater than every one this process made before. */
export function uuidv7(now = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat a value.
    if (sequence > 0xfff) {
      ms = lastMs + 1;
      sequence = 0;
    }
  } else {
    sequence = 0;
  }
  lastMs = ms;
  const bytes = randomTail();
  const time = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (sequence >> 8); // version 7 and the counter's high bits
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
