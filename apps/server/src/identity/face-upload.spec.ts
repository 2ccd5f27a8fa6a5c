import { Readable } from 'node:stream';
import type { Request } from 'express';
import { FACE_UPLOAD_OPTIONS, memoryOnlyStorage, wipe } from './face-upload.js';

type Info = { buffer: Buffer; size: number };

function handle(chunks: Buffer[]): Promise<Info> {
  const file = { stream: Readable.from(chunks) } as unknown as Express.Multer.File;
  return new Promise((resolve, reject) =>
    memoryOnlyStorage._handleFile({} as Request, file, (error, info) =>
      error ? reject(error as Error) : resolve(info as Info),
    ),
  );
}

describe('face upload', () => {
  it('is handled by an explicit memory-only storage engine (no disk destination)', () => {
    expect(FACE_UPLOAD_OPTIONS.storage).toBe(memoryOnlyStorage);
    expect(FACE_UPLOAD_OPTIONS).not.toHaveProperty('dest');
    expect(FACE_UPLOAD_OPTIONS.limits).toMatchObject({ files: 1 });
  });

  it('keeps the upload in one buffer, and wiping overwrites its bytes', async () => {
    const info = await handle([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('rest of the photo')]);
    expect(info.size).toBe(20);
    expect(info.buffer.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    wipe(info.buffer, undefined);
    expect(info.buffer.every((byte) => byte === 0)).toBe(true);
  });

  it('a removed file (a request rejected by a pipe) is wiped too', async () => {
    const buffer = Buffer.from('photo');
    await new Promise<void>((resolve) =>
      memoryOnlyStorage._removeFile({} as Request, { buffer } as Express.Multer.File, () => resolve()),
    );
    expect(buffer.every((byte) => byte === 0)).toBe(true);
  });
});
