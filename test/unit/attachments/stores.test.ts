/** The attachment stores: the filesystem one under a directory, and the S3 one through the real AWS SDK against a local fake S3. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSystemStore } from '../../../src/attachments/fs-store.js';
import { s3Store } from '../../../src/attachments/s3-store.js';
import type { AttachmentStore } from '../../../src/attachments/store.js';
import { startFakeS3, type FakeS3 } from '../../support/fake-s3.js';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 7)]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What every store must do. */
function behavesAsAStore(name: string, open: () => AttachmentStore, typeKept: boolean) {
  describe(name, () => {
    it('keeps bytes under a key and gives them back whole; head tells the size', async () => {
      const store = open();
      await store.put('evidence/019a-1', pdf, { contentType: 'application/pdf' });
      expect(await store.head('evidence/019a-1')).toEqual({ size: pdf.length, contentType: typeKept ? 'application/pdf' : undefined });
      const got = await store.get('evidence/019a-1');
      expect(got?.size).toBe(pdf.length);
      expect(sha(await bytesOf(got!.body))).toBe(sha(pdf));
    });

    it('answers null for a key it does not hold', async () => {
      const store = open();
      expect(await store.head('evidence/none')).toBeNull();
      expect(await store.get('evidence/none')).toBeNull();
    });

    it('refuses keys that could leave its place', async () => {
      const store = open();
      for (const key of ['../etc/passwd', 'evidence/../../x', '/abs', 'a//b', 'evidence/ spaced']) {
        await expect(store.put(key, pdf, { contentType: 'application/pdf' }), key).rejects.toThrow(/not a valid attachment key/);
      }
    });
  });
}

let dir: string;
let s3: FakeS3;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dk-attachments-'));
  s3 = await startFakeS3('bukti');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await s3?.close();
});

behavesAsAStore('filesystem store', () => fileSystemStore(join(dir, 'attachments')), false);
behavesAsAStore('S3 store (path-style, as for MinIO)', () => s3Store({ bucket: 'bukti', endpoint: s3.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' }, forcePathStyle: true }), true);

describe('the stores’ details', () => {
  it('leaves no temporary file behind in the filesystem store', async () => {
    const store = fileSystemStore(join(dir, 'tidy'));
    await store.put('evidence/a', pdf, { contentType: 'application/pdf' });
    expect(await readdir(join(dir, 'tidy', 'evidence'))).toEqual(['a']);
  });

  it('signs S3 requests and puts the object under the bucket path with its content type', async () => {
    expect(s3.objects.get('evidence/019a-1')?.contentType).toBe('application/pdf');
    expect(s3.requests.every((request) => request.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=minio/'))).toBe(true);
    expect(s3.requests.some((request) => request.method === 'PUT' && request.path === '/bukti/evidence/019a-1')).toBe(true);
  });

  it('reports a missing S3 bucket as an error, not as a missing object', async () => {
    const store = s3Store({ bucket: 'lain', endpoint: s3.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'minio', secretAccessKey: 'x' }, forcePathStyle: true });
    await expect(store.put('evidence/x', pdf, { contentType: 'application/pdf' })).rejects.toThrow();
  });
});
