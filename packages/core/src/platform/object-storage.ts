import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Env } from '@teamflow/config/env';
import { unavailable } from './errors';

/**
 * Object storage through the S3 API (AWS S3, R2, MinIO; s3rver locally). The only module that
 * talks to it: attachments put, read and delete their bytes here.
 */
export interface ObjectStorage {
  /**
   * Stores an object. `openBody` opens its bytes afresh for every attempt: the SDK does not retry
   * an upload whose body is a stream (it cannot rewind it), so a connection reset mid-upload, such
   * as a keep-alive socket the store closed just as it was reused, would fail a good upload.
   */
  put(key: string, openBody: () => Readable, size: number, contentType: string): Promise<void>;
  /** A stream of the object's bytes, or undefined when it is gone. */
  get(key: string): Promise<{ body: Readable; size: number } | undefined>;
  /** Rejects when the bucket cannot be reached (readiness shows it). */
  ping(): Promise<void>;
  /** Deleting a missing object is fine (S3 semantics), so retries are harmless. */
  remove(key: string): Promise<void>;
}

const clients = new WeakMap<Env, ObjectStorage & { client: S3Client }>();

/** Delays before the 2nd and 3rd attempt of an upload. */
const PUT_RETRY_DELAYS_MS = [100, 400];

const NETWORK_CODES = ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN'];
const WRAPPED_NETWORK_ERROR = new RegExp(
  `^AWS SDK error wrapper for (TimeoutError|.*\\b(${NETWORK_CODES.join('|')})\\b)`,
);

/** A failure another attempt may not meet: the connection, a timeout, or the store's own 5xx. */
function isTransient(error: unknown): boolean {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  if (e.name === 'TimeoutError' || NETWORK_CODES.includes(e.code ?? '')) return true;
  // The SDK wraps a failure that is not an `Error` of its own realm (a socket error under Jest's
  // sandbox) as "AWS SDK error wrapper for TimeoutError: read ECONNRESET": only the text is left.
  if (WRAPPED_NETWORK_ERROR.test(e.message ?? '')) return true;
  return (e.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** Closes the process's S3 connections (shutdown, and the end of a test's api). */
export function closeObjectStorage(env: Env): void {
  clients.get(env)?.client.destroy();
  clients.delete(env);
}

export function isStorageConfigured(env: Env): boolean {
  return env.S3_BUCKET !== undefined;
}

/** The deployment's object storage (one client per process); 503 when none is configured. */
export function objectStorage(env: Env): ObjectStorage {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw unavailable('File storage is not configured (S3_BUCKET)');
  let storage = clients.get(env);
  if (storage) return storage;
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Checksums only when the operation requires them: s3rver and some S3-compatible stores
    // do not speak the SDK's newer default (CRC32 trailers on every upload).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  storage = {
    client,
    async put(key, openBody, size, contentType) {
      for (let attempt = 0; ; attempt++) {
        const body = openBody();
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: body,
              ContentLength: size,
              ContentType: contentType,
            }),
          );
          return;
        } catch (error) {
          body.destroy();
          if (!isTransient(error)) throw error;
          const delay = PUT_RETRY_DELAYS_MS[attempt];
          // The store is away, not the request wrong: 503, so the client tries again later.
          if (delay === undefined) throw unavailable('File storage did not answer; try again');
          await sleep(delay);
        }
      }
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { body: out.Body as Readable, size: Number(out.ContentLength ?? 0) };
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
  clients.set(env, storage);
  return storage;
}
