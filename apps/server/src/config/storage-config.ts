import { z } from 'zod';

/**
 * Where stored files live: the local folder (the embedded default) or an S3-compatible object store
 * (Tencent COS in production; MinIO, s3rver and the others speak the same protocol).
 */
export type StorageConfig =
  | { driver: 'local' }
  | {
      driver: 's3';
      bucket: string;
      region: string;
      /** Unset: AWS itself. COS: `https://cos.<region>.myqcloud.com`. */
      endpoint?: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** `bucket` in the path instead of the host name (MinIO, s3rver); COS and AWS take either. */
      forcePathStyle: boolean;
    };

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const storageEnvSchema = z.object({
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: optional,
  S3_REGION: optional,
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
});

const REQUIRED_FOR_S3 = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** The storage settings, or the problems that stop the server (each with the variable's name). */
export function storageConfig(env: z.infer<typeof storageEnvSchema>): StorageConfig | string[] {
  if (env.STORAGE_DRIVER === 'local') return { driver: 'local' };
  const missing = REQUIRED_FOR_S3.filter((name) => !env[name]).map(
    (name) => `${name}: required when STORAGE_DRIVER=s3`,
  );
  if (missing.length) return missing;
  return {
    driver: 's3',
    bucket: env.S3_BUCKET as string,
    region: env.S3_REGION as string,
    endpoint: env.S3_ENDPOINT?.replace(/\/+$/, ''),
    accessKeyId: env.S3_ACCESS_KEY_ID as string,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
  };
}
