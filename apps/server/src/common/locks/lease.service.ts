import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Lease } from './lease.entity.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Leases in the database, so that several server processes behind one load balancer agree on who
 * runs a scheduled job or a vendor call that must not run twice. A lease expires by itself, so a
 * crashed holder cannot block the others for longer than its TTL.
 */
@Injectable()
export class LeaseService {
  /** This process's identity; each acquisition adds a token of its own to it. */
  readonly instanceId = randomUUID();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the lease if it is free or expired, and answers the holder token to release it with.
   * Every acquisition is a new holder, so two requests in the same process exclude each other just
   * as two processes do (a lease is never re-entrant).
   */
  async tryAcquire(name: string, ttlMs: number): Promise<string | undefined> {
    const holder = `${this.holderPrefix}:${randomUUID().slice(0, 18)}`;
    const now = Date.now();
    const expiresAt = String(now + ttlMs);
    const taken = await this.dataSource
      .createQueryBuilder()
      .update(Lease)
      .set({ holder, expiresAt })
      .where('name = :name AND expires_at < :now', { name, now })
      .execute();
    if ((taken.affected ?? 0) > 0) return holder;
    try {
      await this.dataSource.getRepository(Lease).insert({ name, holder, expiresAt });
      return holder;
    } catch {
      return undefined; // Someone else holds it (the row exists and has not expired).
    }
  }

  /** Whether someone (here or elsewhere) holds the lease now; read through the caller's transaction. */
  async isHeld(manager: EntityManager, name: string): Promise<boolean> {
    const lease = await manager.getRepository(Lease).findOneBy({ name });
    return lease !== null && Number(lease.expiresAt) >= Date.now();
  }

  async release(name: string, holder: string): Promise<void> {
    await this.dataSource.getRepository(Lease).delete({ name, holder });
  }

  /** Releases every lease this process still holds (at shutdown); answers how many. */
  async releaseHeld(): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(Lease)
      .where('holder LIKE :mine', { mine: `${this.holderPrefix}:%` })
      .execute();
    return result.affected ?? 0;
  }

  private get holderPrefix(): string {
    return this.instanceId.slice(0, 18);
  }

  /** Runs `work` if this process gets the lease; answers `undefined` when another holds it. */
  async runIfFree<T>(
    name: string,
    ttlMs: number,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const holder = await this.tryAcquire(name, ttlMs);
    if (!holder) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await this.release(name, holder);
    }
  }

  /** Waits (polling) until the lease is free, then runs `work` under it. */
  async runExclusive<T>(name: string, ttlMs: number, waitMs: number, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + waitMs;
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      const result = await this.runIfFree(name, ttlMs, work);
      if (result.ran) return result.value;
      if (Date.now() > deadline) throw new LeaseBusyError(name);
      await sleep(delay);
    }
  }
}

export class LeaseBusyError extends Error {
  constructor(readonly leaseName: string) {
    super(`lease ${leaseName} is busy`);
  }
}
