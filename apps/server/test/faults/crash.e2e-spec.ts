import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallbackSender, type CallbackDelivery } from '@banshi/vendor-simulators';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { installPiiCipher, PiiCipher } from '../../src/common/crypto/pii-cipher.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { ENTITIES } from '../../src/entities.js';
import {
  freePort,
  killServerProcess,
  liveServerEnv,
  newSecrets,
  startServerProcess,
  startVendors,
  type ServerProcess,
  type SimulatedVendors,
} from '../support/server-process.js';
import { DocloudOrderKit } from './storm-kits/docloud.js';
import { DocloudViolationKit } from './storm-kits/docloud-violations.js';
import type { Sequence, StormKit } from './storm-kits/kit.js';
import { YundouKit } from './storm-kits/yundou.js';
import { ZjzKit } from './storm-kits/zjz.js';

/**
 * The built server as a child process in live mode, its vendors simulated in this process. A storm
 * of every vendor's callbacks (each sent the way its vendor sends it, retrying until acknowledged in
 * the vendor's format) is under way when the server is killed with SIGKILL; it is started again.
 * Every callback acknowledged before the kill must be stored and applied, and the retries of the
 * others must complete the picture: every subject as an orderly delivery leaves it.
 */
/** Genuine callbacks per route, 600 in all. */
const CALLBACKS = { docloudOrder: 240, docloudViolation: 120, zjz: 150, yundou: 90 };

describe('crash in the middle of a callback storm (sqlite file, live mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-crash-'));
  let vendors: SimulatedVendors | undefined;
  let server: ServerProcess | undefined;
  let dataSource: DataSource | undefined;

  afterAll(async () => {
    await killServerProcess(server);
    await dataSource?.destroy();
    await vendors?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged callback and completes the rest from the vendor’s retries', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    vendors = await startVendors(baseUrl);
    const { settings, simulators } = vendors;
    const secrets = newSecrets();
    const databaseUrl = `sqlite:${join(dataDir, 'crash.sqlite')}`;
    const env = liveServerEnv({ port, publicBaseUrl: baseUrl, databaseUrl, dataDir, vendors, secrets });
    const start = async () => {
      server = await startServerProcess(env);
    };

    await start();
    installPiiCipher(new PiiCipher(secrets.pii));
    dataSource = new DataSource({
      ...dataSourceOptions(databaseUrl, ENTITIES),
      migrationsRun: false,
      synchronize: false,
    });
    await dataSource.initialize();
    const docloud = settings.docloud as { appKey: string; appSecret: string };
    const zjz = simulators.find((sim) => sim.vendor === 'zjz') as ZjzSimulator;
    const receipt = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#f4f4f4' } })
      .jpeg()
      .toBuffer();
    const kits: [StormKit, number][] = [
      [new DocloudOrderKit(dataSource, docloud, 'CD'), CALLBACKS.docloudOrder],
      [new DocloudViolationKit(dataSource, docloud, 100_000), CALLBACKS.docloudViolation],
      [new ZjzKit(dataSource, settings.zjz!.apiKey, zjz.host.publishFile(receipt, 'image/jpeg'), 'CZ'), CALLBACKS.zjz],
      [new YundouKit(dataSource, 'CY'), CALLBACKS.yundou],
    ];
    // The vendors' retries decide the arrival order: only subjects whose end state does not depend on it.
    const prepared: { kit: StormKit; sequences: Sequence[] }[] = [];
    for (const [kit, genuine] of kits) {
      prepared.push({ kit, sequences: await kit.prepare({ genuine, outOfOrder: 0, orderFree: true }) });
    }

    // Each vendor's own delivery: retry until acknowledged in its format, here with short waits. The
    // subjects of all vendors take turns; a subject's next callback goes out 12 s after the previous.
    const deliveries: { kit: StormKit; key: string; delivery: CallbackDelivery }[] = [];
    const senders = prepared.map(
      ({ kit }) =>
        new CallbackSender({
          vendor: kit.vendor,
          isAcknowledged: (status, text) => kit.isAcknowledged(status, text),
          retryDelaysMs: [300, 600, 1000, 1500, 2000, 3000, 3000, 5000, 5000, 8000],
          timeoutMs: 5000,
        }),
    );
    const turns = prepared.flatMap(({ kit, sequences }, k) =>
      sequences.map((sequence, i) => ({ kit, sender: senders[k], sequence, at: (i + 0.5) / sequences.length })),
    );
    turns.sort((a, b) => a.at - b.at);
    turns.forEach(({ kit, sender, sequence }, i) => {
      sequence.callbacks.forEach((callback, step) => {
        deliveries.push({
          kit,
          key: `${callback.path}\n${callback.body}`,
          delivery: sender.send({
            url: `${baseUrl}${callback.path}`,
            body: callback.body,
            contentType: callback.contentType,
            delayMs: i * 8 + (sequence.together ? 0 : step * 12_000),
          }),
        });
      });
    });

    // Kill it while the storm is on: some callbacks are in, some in flight, most still to come.
    await new Promise((done) => setTimeout(done, 1200));
    await killServerProcess(server);
    const ackedBeforeKill = deliveries.filter((d) => d.delivery.acknowledged);
    await new Promise((done) => setTimeout(done, 800));
    await start();

    // Everything acknowledged before the crash is there, applied: the stored request is the one sent.
    const stored = await dataSource.getRepository(VendorEvent).findBy({ status: 'applied' });
    const applied = new Set(stored.map(({ raw }) => `${raw.path}${raw.query ? `?${raw.query}` : ''}\n${raw.body}`));
    await Promise.all(senders.map((sender) => sender.idle()));

    const report = [];
    for (const { kit } of prepared) {
      const own = deliveries.filter((d) => d.kit === kit);
      const acked = ackedBeforeKill.filter((d) => d.kit === kit);
      const rows = (await dataSource.query(
        `SELECT status, COUNT(*) AS n FROM vendor_events WHERE vendor = ? AND topic IN (${kit.topics.map(() => '?').join(',')}) GROUP BY status`,
        [kit.vendor, ...kit.topics],
      )) as { status: string; n: number }[];
      const events = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
      const wrong = await kit.check('any');
      const line = {
        name: kit.name,
        callbacks: own.length,
        ackedBeforeKill: acked.length,
        survivedCrash: acked.filter((d) => applied.has(d.key)).length,
        retried: own.filter((d) => d.delivery.attempts > 1).length,
        acknowledged: own.filter((d) => d.delivery.acknowledged).length,
        events,
        notAsOrderly: wrong.length,
      };
      console.warn(`crash ${kit.name}: ${JSON.stringify(line)}`);
      report.push({ line, wrong });
    }

    expect(ackedBeforeKill.length).toBeGreaterThan(0);
    expect(ackedBeforeKill.length).toBeLessThan(deliveries.length);
    expect(report.map(({ line, wrong }) => ({ ...line, notAsOrderly: wrong.slice(0, 3) }))).toEqual(
      report.map(({ line }) => ({
        ...line,
        survivedCrash: line.ackedBeforeKill,
        acknowledged: line.callbacks,
        events: { applied: line.callbacks },
        notAsOrderly: [],
      })),
    );
  }, 240_000);
});
