import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { LeaseBusyError, LeaseService } from '../common/locks/lease.service.js';

const LEASE_TTL_MS = 2 * 60_000;
const WAIT_MS = 15_000;

/**
 * One action at a time per photo or order (submit, resubmit, cancel): in this process through a
 * queue per key (a lease is re-entrant for its own process), across processes through the lease.
 * A double tap then meets the first tap's result instead of placing a second paid order.
 */
@Injectable()
export class IdPhotoLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly leases: LeaseService) {}

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const run = previous.then(() => this.leases.runExclusive(name, LEASE_TTL_MS, WAIT_MS, work));
    const tail = run.catch(() => undefined);
    this.tails.set(name, tail);
    try {
      return await run;
    } catch (error) {
      if (error instanceof LeaseBusyError) throw AppError.conflict('BUSY', '上一个操作仍在处理中，请稍后重试');
      throw error;
    } finally {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
