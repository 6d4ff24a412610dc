/**
 * The attachment store: where the bot keeps its own copy of evidence files. Objects are written
 * once under a key and never changed; the database row (Evidence) holds the key, checksum, size
 * and content type, so a store only keeps bytes.
 */
import type { Readable } from 'node:stream';

/** What a store knows of an object. */
export interface StoredObject {
  size: number;
  /** As given to put; the filesystem store does not keep it (the database row does). */
  contentType: string | undefined;
}

export interface AttachmentStore {
  /** "filesystem" or "s3", for logs. */
  readonly kind: string;
  /** Writes `bytes` under `key`, whole or not at all. */
  put(key: string, bytes: Buffer, meta: { contentType: string }): Promise<void>;
  /** The object's bytes as a stream; null when there is none under `key`. */
  get(key: string): Promise<(StoredObject & { body: Readable }) | null>;
  /** The object's size and type without its bytes; null when there is none. */
  head(key: string): Promise<StoredObject | null>;
}

/** Keys are made by the bot ("evidence/<uuid>"): letters, digits, and / _ . - without empty or dot segments. */
export function assertValidKey(key: string): void {
  if (!/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/.test(key) || key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`not a valid attachment key: ${JSON.stringify(key)}`);
  }
}

/** The key of an evidence item's copy. */
export function evidenceKey(evidenceId: string): string {
  return `evidence/${evidenceId}`;
}
