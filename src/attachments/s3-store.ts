/**
 * The attachment store on S3-compatible object storage (AWS S3, MinIO, …), through the AWS SDK.
 * This module is imported only when S3_BUCKET is set, so the SDK costs nothing otherwise.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { S3Config } from '../config/load.js';
import { assertValidKey, type AttachmentStore } from './store.js';

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');
}

export function s3Store(config: S3Config): AttachmentStore {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    // The SDK's newer default adds CRC checksums (and aws-chunked bodies) that several
    // S3-compatible servers reject; an object's SHA-256 is checked by the bot itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const { bucket } = config;
  return {
    kind: 's3',
    async put(key, bytes, meta) {
      assertValidKey(key);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: meta.contentType, ContentLength: bytes.length }));
    },
    async head(key) {
      assertValidKey(key);
      try {
        const found = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: found.ContentLength ?? 0, contentType: found.ContentType };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async get(key) {
      assertValidKey(key);
      try {
        const found = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        // In Node the SDK's body is an http.IncomingMessage (a Readable) with helper methods mixed in.
        return { size: found.ContentLength ?? 0, contentType: found.ContentType, body: found.Body as Readable };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}
