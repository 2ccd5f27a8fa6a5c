import { Injectable } from '@nestjs/common';

export interface Probe {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * A check the health answer runs. `critical`: when it fails the instance is `down` (HTTP 503);
 * otherwise it is only `degraded` (the features that need it fail, the rest work).
 */
export interface HealthCheck {
  name: string;
  critical: boolean;
  /**
   * Also part of the readiness answer: while it fails the instance takes no traffic (a wrong
   * credential in a rolling deploy keeps the new instances out and the old ones serving).
   */
  readiness?: boolean;
  /** Resolves when healthy, rejects with the reason otherwise. */
  run(): Promise<void>;
}

/**
 * The checks of the health answer beyond the database and the vendors' reachability. A module adds
 * its own in `onModuleInit` (`healthChecks.register(...)`): the object store, a vendor credential,
 * a cache, without the health controller knowing about them.
 */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
  }

  list(): HealthCheck[] {
    return [...this.checks.values()];
  }

  /** Runs every check at once (or only the readiness ones), each within `timeoutMs`. */
  async runAll(
    timeoutMs = 3000,
    only: 'all' | 'readiness' = 'all',
  ): Promise<Record<string, Probe & { critical: boolean }>> {
    const checks = this.list().filter((check) => only === 'all' || check.readiness);
    const entries = await Promise.all(
      checks.map(async (check) => [check.name, { ...(await probe(check.run, timeoutMs)), critical: check.critical }]),
    );
    return Object.fromEntries(entries);
  }
}

export async function probe(run: () => Promise<unknown>, timeoutMs = 3000): Promise<Probe> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([run(), timeout]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, latencyMs: Date.now() - started, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
