import type { AppConfig } from '../../config/app-config.js';
import type { MetricsService } from '../../observability/metrics.service.js';
import { JobScheduler } from './job-scheduler.service.js';
import type { LeaseService } from './lease.service.js';

/** A lease service that always grants, and counts what the scheduler gives back at shutdown. */
function grantingLeases() {
  const calls = { released: 0 };
  const leases = {
    runIfFree: async <T>(_name: string, _ttl: number, work: () => Promise<T>) => ({
      ran: true as const,
      value: await work(),
    }),
    releaseHeld: async () => {
      calls.released++;
      return 0;
    },
  } as unknown as LeaseService;
  return { leases, calls };
}

describe('JobScheduler at shutdown', () => {
  it('waits for the tick in flight, then releases the leases, and starts no new tick', async () => {
    const { leases, calls } = grantingLeases();
    const metrics = { job: () => undefined } as unknown as MetricsService;
    const scheduler = new JobScheduler(leases, metrics, { env: 'test' } as AppConfig);
    let finish = () => {};
    let finished = false;
    scheduler.register({
      name: 'slow',
      intervalMs: 60_000,
      run: () =>
        new Promise<void>((done) => {
          finish = () => {
            finished = true;
            done();
          };
        }),
    });
    const tick = scheduler.runNow('slow');
    expect(scheduler.ticksInFlight).toBe(1);
    let shutDown = false;
    const shutdown = scheduler.beforeApplicationShutdown().then(() => (shutDown = true));
    await new Promise((done) => setTimeout(done, 20));
    expect(shutDown).toBe(false);
    expect(calls.released).toBe(0);
    finish();
    await shutdown;
    expect(finished).toBe(true);
    expect(await tick).toBe(true);
    expect(calls.released).toBe(1);
    expect(await scheduler.runNow('slow')).toBe(false);
  });
});
