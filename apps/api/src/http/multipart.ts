import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '@teamflow/core/platform/errors';

export interface ReceivedFile {
  path: string;
  fileName: string;
  size: number;
  /** The form's text fields sent with the file (e.g. an import's `mapping`), by name. */
  fields: Record<string, string>;
}

/**
 * Streams the one file of a `multipart/form-data` request (field `field`) to a temporary file,
 * never holding it in memory, and hands it to `use`; the temporary file is removed afterwards,
 * whatever happens. Over `maxBytes` → 413 as soon as the limit is crossed; not multipart → 415;
 * no such field or a broken body → 400.
 */
export async function withUploadedFile<T>(
  req: Request,
  options: { field: string; maxBytes: number; tooLargeMessage: string },
  use: (file: ReceivedFile) => Promise<T>,
): Promise<T> {
  if (!req.is('multipart/form-data'))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send multipart/form-data with the file in field "${options.field}"`,
    );
  const dir = await mkdtemp(join(tmpdir(), 'teamflow-upload-'));
  try {
    const file = await receive(req, dir, options);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function receive(
  req: Request,
  dir: string,
  options: { field: string; maxBytes: number; tooLargeMessage: string },
): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as UTF-8.
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: options.maxBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 30 },
      });
    } catch {
      reject(new AppError('INVALID_BODY', 'The multipart body has no boundary'));
      return;
    }
    let settled = false;
    let writing: Promise<ReceivedFile> | undefined;
    const fields: Record<string, string> = {};
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      // Stop parsing; what is left of the body is read and dropped so the connection stays sane.
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        fail(
          new AppError('VALIDATION_ERROR', 'Request validation failed', [
            { field: name, message: 'Too long' },
          ]),
        );
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== options.field || writing) {
        stream.resume();
        return;
      }
      const path = join(dir, randomUUID());
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      // Fires once one byte more than allowed has arrived: a file of exactly maxBytes passes.
      stream.on('limit', () => fail(new AppError('PAYLOAD_TOO_LARGE', options.tooLargeMessage)));
      writing = pipeline(stream, createWriteStream(path)).then(() => ({
        path,
        fileName: info.filename ?? 'file',
        size,
        fields,
      }));
      writing.catch(() => undefined);
    });
    parser.on('error', () => fail(new AppError('INVALID_BODY', 'The multipart body could not be read')));
    parser.on('close', () => {
      if (settled) return;
      if (!writing) {
        settled = true;
        reject(
          new AppError('VALIDATION_ERROR', 'Request validation failed', [
            { field: options.field, message: 'Attach a file in this field' },
          ]),
        );
        return;
      }
      writing.then(
        (file) => {
          if (settled) return;
          settled = true;
          resolve(file);
        },
        () => fail(new AppError('INVALID_BODY', 'The file could not be received')),
      );
    });
    req.pipe(parser);
  });
}
