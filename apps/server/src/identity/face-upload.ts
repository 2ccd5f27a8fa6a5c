import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { FileInterceptor } from '@nestjs/platform-express';

/** Phones take large photos; the photo is shrunk to the vendor's limit in memory afterwards. */
export const FACE_UPLOAD_MAX_BYTES = 15 * 1024 * 1024;

/**
 * Keeps an upload in memory, never on disk: the face photo must be gone when the request ends.
 * Multer's own memory storage does the same, but it is chosen only by the absence of options; this
 * engine is given explicitly so that no module-wide upload setting (a `dest`) can change it.
 */
export const memoryOnlyStorage: StorageEngine = {
  _handleFile(_req: Request, file, callback) {
    const chunks: Buffer[] = [];
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    file.stream.on('error', (error: Error) => callback(error));
    file.stream.on('end', () => callback(null, { buffer: Buffer.concat(chunks, size), size }));
  },
  _removeFile(_req: Request, file, callback) {
    file.buffer?.fill(0);
    callback(null);
  },
};

/** The options `FileInterceptor` takes (its type is not exported by name). */
export const FACE_UPLOAD_OPTIONS: NonNullable<Parameters<typeof FileInterceptor>[1]> = {
  storage: memoryOnlyStorage,
  limits: { fileSize: FACE_UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024 },
};

/** Overwrites the bytes of a photo once it has been used, rather than leaving them to the collector. */
export function wipe(...buffers: (Buffer | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
