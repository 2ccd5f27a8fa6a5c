import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { LocalStorageDriver } from './local-storage.driver.js';
import { S3StorageDriver } from './s3-storage.driver.js';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver.js';

/** The driver STORAGE_DRIVER names: the local folder under DATA_DIR, or the S3 bucket. */
export function createStorageDriver(config: AppConfig): StorageDriver {
  return config.storage.driver === 's3'
    ? new S3StorageDriver(config.storage)
    : new LocalStorageDriver(join(config.dataDir, 'files'));
}

export const storageDriverProvider: Provider = {
  provide: STORAGE_DRIVER,
  inject: [APP_CONFIG],
  useFactory: createStorageDriver,
};
