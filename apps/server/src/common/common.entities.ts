import { Lease } from './locks/lease.entity.js';
import { StoredFile } from './storage/stored-file.entity.js';

/** The entities `common/` owns: its module registers them, the composition root hands them to the data source. */
export const COMMON_ENTITIES = [Lease, StoredFile];
