import { Global, Module } from '@nestjs/common';
import { Transactions } from '../database/transactions.js';
import { JobScheduler } from './locks/job-scheduler.service.js';
import { LeaseService } from './locks/lease.service.js';
import { storageDriverProvider } from './storage/storage-driver.provider.js';
import { StorageService } from './storage/storage.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMMON_ENTITIES } from './common.entities.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(COMMON_ENTITIES)],
  providers: [Transactions, LeaseService, JobScheduler, storageDriverProvider, StorageService],
  exports: [Transactions, LeaseService, JobScheduler, StorageService],
})
export class CommonModule {}
