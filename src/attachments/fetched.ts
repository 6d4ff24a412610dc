/**
 * What asking a platform for a file can give, and reading a download without going over a limit.
 * A platform's temporary trouble (network, 5xx, 429, a bad token) is thrown, so the download job
 * tries again; a definite answer (too large, refused) is a value and is final.
 */

/** The outcome of asking a platform for one file. */
export type Fetched =
  | { kind: 'FILE'; bytes: Buffer; contentType: string | undefined; permalink?: string }
  | { kind: 'TOO_LARGE'; limitBytes: number; detail: string; permalink?: string }
  | { kind: 'REFUSED'; detail: string; permalink?: string };

/** A platform answer worth trying again later. */
export class TransientFetchError extends Error {
  readonly code = 'EVIDENCE_FETCH_TRANSIENT';
  constructor(message: string) {
    super(message);
    this.name = 'TransientFetchError';
  }
}

/** Longest one platform request may take (ms): a stuck download must not hold a worker forever. */
export const FETCH_TIMEOUT_MS = 120_000;

/** The response body, or 'TOO_LARGE' as soon as it goes over `limitBytes` (the rest is not read). */
export async function readLimited(response: Response, limitBytes: number): Promise<Buffer | 'TOO_LARGE'> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    await response.body?.cancel();
    return 'TOO_LARGE';
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      return 'TOO_LARGE';
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}
