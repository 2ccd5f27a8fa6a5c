import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * An S3-protocol server for tests and CI: s3rver from npm, in this process, keeping its objects in a
 * temp folder. It speaks path-style requests and checks presigned URLs' expiry (not signatures).
 */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** The settings that point the server at this bucket. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3Server(options: { address?: string; bucket?: string } = {}): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'banshi-s3-'));
  const bucket = options.bucket ?? 'banshi-files';
  const address = options.address ?? '127.0.0.1';
  const server = new S3rver({ address, port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://${address}:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'ap-guangzhou',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
