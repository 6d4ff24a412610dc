/**
 * UUIDv7 ids for rows the project inserts with raw SQL, matching what Prisma's
 * `@default(uuid(7))` generates: time-ordered, so new rows cluster at the end of indexes.
 */
import { randomBytes } from 'node:crypto';

/** A new UUIDv7 string. */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  const time = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
