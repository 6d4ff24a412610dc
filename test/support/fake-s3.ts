/**
 * A small local fake of S3 for the attachment store's tests, driven by the real AWS SDK: path-style
 * PutObject, GetObject and HeadObject on one bucket, with Signature V4's Authorization header
 * required (its signature is not checked) and S3's XML errors (NoSuchKey, NoSuchBucket).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3Object { bytes: Buffer; contentType: string | undefined }

export class FakeS3 {
  readonly objects = new Map<string, FakeS3Object>();
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];
  readonly server = createServer((req, res) => void this.onRequest(req, res));

  constructor(readonly bucket: string) {}

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, bucket, ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization });
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) return error(res, 403, 'AccessDenied', req.method === 'HEAD');
    if (bucket !== this.bucket) return error(res, 404, 'NoSuchBucket', req.method === 'HEAD');
    if (req.method === 'PUT') {
      const bytes = Buffer.concat(chunks);
      if (req.headers['content-encoding']?.includes('aws-chunked')) return error(res, 400, 'NotImplemented', false);
      this.objects.set(key, { bytes, contentType: req.headers['content-type'] });
      res.writeHead(200, { etag: `"${bytes.length}"` }).end();
      return;
    }
    const object = this.objects.get(key);
    if (!object) return error(res, 404, 'NoSuchKey', req.method === 'HEAD');
    const headers = { 'content-length': String(object.bytes.length), ...(object.contentType ? { 'content-type': object.contentType } : {}), etag: `"${object.bytes.length}"` };
    if (req.method === 'HEAD') return void res.writeHead(200, headers).end();
    if (req.method === 'GET') return void res.writeHead(200, headers).end(object.bytes);
    error(res, 405, 'MethodNotAllowed', false);
  }
}

function error(res: ServerResponse, status: number, code: string, head: boolean): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  // A HEAD answer has no body, as with S3: the SDK then names the error by its status (NotFound).
  res.end(head ? undefined : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

export async function startFakeS3(bucket = 'bukti'): Promise<FakeS3> {
  const fake = new FakeS3(bucket);
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  return fake;
}
