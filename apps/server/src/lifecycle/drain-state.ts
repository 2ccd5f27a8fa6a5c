import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is draining (SIGTERM received: it takes no new requests and finishes the
 * ones in flight), and how many requests are in flight. Readiness reads it; the drain middleware
 * and the graceful shutdown write it.
 */
@Injectable()
export class DrainState {
  private draining = false;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  begin(): void {
    this.draining = true;
  }

  enter(): void {
    this.inFlight++;
  }

  leave(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once no request is in flight, or after `timeoutMs`; answers whether it emptied. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const emptied = new Promise<boolean>((done) => this.waiters.push(() => done(true)));
    const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), timeoutMs)));
    const result = await Promise.race([emptied, timedOut]);
    clearTimeout(timer);
    return result;
  }
}
