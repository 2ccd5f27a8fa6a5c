import { Injectable } from '@nestjs/common';
import { LeaseService } from '../common/locks/lease.service.js';

/**
 * "One at a time", inside this process and across server instances. A database lease is held per
 * process (its holder is the process: a second request in the same process would take it again),
 * so work is first queued behind a local lock of the same name, then run under the lease.
 */
@Injectable()
export class Exclusive {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly leases: LeaseService) {}

  /** Waits for the others (here and elsewhere) up to `waitMs`, then runs `work`. */
  run<T>(name: string, ttlMs: number, waitMs: number, work: () => Promise<T>): Promise<T> {
    return this.local(name, () => this.leases.runExclusive(name, ttlMs, waitMs, work));
  }

  /** Runs `work` only if no one (here or elsewhere) is running it now. */
  async runIfFree<T>(
    name: string,
    ttlMs: number,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.tails.has(name)) return { ran: false };
    return this.local(name, () => this.leases.runIfFree(name, ttlMs, work));
  }

  private async local<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
