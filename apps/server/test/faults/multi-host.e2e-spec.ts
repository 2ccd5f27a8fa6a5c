import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { DataSource } from 'typeorm';
import { installPiiCipher, PiiCipher } from '../../src/common/crypto/pii-cipher.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { ENTITIES } from '../../src/entities.js';
import type { DocloudCredentials } from '../../src/vehicles/callbacks/docloud-credentials.js';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases.js';
import { findNginx, startNginx, type RunningNginx } from '../support/hosts/nginx.js';
import { startTcpRelay, type TcpRelay } from '../support/hosts/tcp-relay.js';
import { createTopology, type Host, type Topology } from '../support/hosts/topology.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import {
  killServerProcess,
  liveServerEnv,
  login,
  newSecrets,
  startServerProcess,
  startVendors,
  type ServerProcess,
  type SimulatedVendors,
} from '../support/server-process.js';
import { portraitJpeg } from '../id-photo/support.js';
import { everyRoute } from './storm-kits/every-route.js';
import { seeded } from './storm-kits/kit.js';
import { deliver, layOut, shareOut, stormOutcome } from './storm-kits/mix.js';

/**
 * Three hosts, each a network namespace of its own (see `support/hosts/topology.ts`): two server
 * instances and nginx in front of them, with MariaDB, the S3 server and the vendors on the root
 * namespace, reached over the hosts' own links. A photo uploaded through one instance is served by
 * the other; a storm of every vendor's callbacks goes through nginx while one instance is stopped
 * with SIGTERM and started again: every acknowledged callback is applied once, nothing is lost, and
 * no answer is a 5xx (a draining instance's 503 is passed on by nginx to the other one).
 */
const STORM = Number(process.env.STORM_N ?? 10_000);
const APP_PORT = 3000;
const LB_PORT = 8080;
const here = dirname(fileURLToPath(import.meta.url));
const BRIDGE = resolve(here, '../support/hosts/loopback-bridge.mjs');
// Needs MariaDB (SQLite is one process's database) and nginx; CI has both, and fails without them.
const runs = testDatabases().includes('mysql') && (findNginx() !== undefined || process.env.CI === 'true');
if (testDatabases().includes('mysql') && !runs) console.warn('several hosts: nginx is not installed, skipped');
const onMysql = runs ? describe : describe.skip;

onMysql('several hosts: two instances behind nginx, one MariaDB, one object store', () => {
  const dataDirs = [mkdtempSync(join(tmpdir(), 'banshi-host-a-')), mkdtempSync(join(tmpdir(), 'banshi-host-b-'))];
  let topology: Topology;
  let database: TestDatabase;
  let s3: TestS3Server;
  let vendors: SimulatedVendors;
  let nginx: RunningNginx;
  const relays: TcpRelay[] = [];
  const bridges: ChildProcess[] = [];
  const servers: Record<'a' | 'b', ServerProcess | undefined> = { a: undefined, b: undefined };
  let envOf: (host: Host) => NodeJS.ProcessEnv;
  let dataSource: DataSource;

  /** Each shared service, reachable from every host at the address it has on the root's loopback. */
  async function shareServices(ports: number[]): Promise<void> {
    if (!topology.namespaces) return;
    for (const port of ports) {
      relays.push(await startTcpRelay({ host: topology.servicesAddress, port }, { host: '127.0.0.1', port }));
    }
    for (const host of [topology.hosts.a, topology.hosts.b]) {
      const [command, ...args] = [
        ...host.exec,
        process.execPath,
        BRIDGE,
        topology.servicesAddress,
        ...ports.map(String),
      ];
      const bridge = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
      bridges.push(bridge);
      await new Promise<void>((ready, fail) => {
        bridge.stdout?.once('data', () => ready());
        bridge.once('exit', (code) => fail(new Error(`the loopback bridge of ${host.name} exited with ${code}`)));
      });
    }
  }

  const start = (name: 'a' | 'b') =>
    startServerProcess(envOf(topology.hosts[name]), dataDirs[name === 'a' ? 0 : 1], topology.hosts[name]).then(
      (server) => (servers[name] = server),
    );

  beforeAll(async () => {
    topology = createTopology(['a', 'b', 'lb']);
    if (!topology.namespaces) {
      console.warn('several hosts: this machine cannot make network namespaces; the hosts share the loopback');
    }
    const lb = topology.hosts.lb;
    const lbPort = topology.namespaces ? LB_PORT : 18_080;
    const publicBaseUrl = `http://${lb.address}:${lbPort}`;
    database = await createTestDatabase('mysql', dataDirs[0]);
    s3 = await startS3Server();
    vendors = await startVendors(publicBaseUrl);
    const servicePorts = [database.url, s3.endpoint, ...vendors.simulators.map((sim) => sim.url)].map((url) =>
      Number(new URL(url).port || 3306),
    );
    await shareServices(servicePorts);
    const secrets = newSecrets();
    envOf = (host) => ({
      ...liveServerEnv({
        port: topology.namespaces ? APP_PORT : host.name === 'a' ? 13_001 : 13_002,
        publicBaseUrl,
        databaseUrl: database.url,
        dataDir: dataDirs[host.name === 'a' ? 0 : 1],
        vendors,
        secrets,
      }),
      ...s3.env,
      HOST: host.address,
      TRUST_PROXY: topology.namespaces ? lb.address : 'loopback',
      SHUTDOWN_DRAIN_DELAY_MS: '500',
    });
    // One after the other: the first one runs the migrations.
    await start('a');
    await start('b');
    nginx = await startNginx(
      lb,
      lbPort,
      [servers.a!, servers.b!].map((server) => new URL(server.baseUrl).host),
    );
    installPiiCipher(new PiiCipher(secrets.pii));
    dataSource = new DataSource({
      ...dataSourceOptions(database.url, ENTITIES),
      migrationsRun: false,
      synchronize: false,
    });
    await dataSource.initialize();
  }, 180_000);

  afterAll(async () => {
    await nginx?.close();
    await Promise.all([servers.a, servers.b].map((server) => killServerProcess(server)));
    for (const bridge of bridges) bridge.kill('SIGKILL');
    await Promise.all(relays.map((relay) => relay.close()));
    await dataSource?.destroy();
    await vendors?.close();
    await s3?.close();
    await database?.drop();
    topology?.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const vendor = <T>(name: string) => vendors.simulators.find((sim) => sim.vendor === name) as T;

  it('serves through one instance the photo uploaded through the other', async () => {
    const a = servers.a!.baseUrl;
    const b = servers.b!.baseUrl;
    const token = await login(a, vendor<WechatSimulator>('wechat').mintLoginCode('several-hosts'));
    const form = new FormData();
    form.append('itemId', '21');
    form.append('file', new Blob([new Uint8Array(await portraitJpeg())], { type: 'image/jpeg' }), 'me.jpg');
    const uploaded = await fetch(`${a}/api/id-photo/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: number };
    const fromB = await fetch(`${b}/api/id-photo/photos/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(fromB.status).toBe(200);
    const { previews } = (await fromB.json()) as { previews: Array<{ url: string }> };
    expect(previews.length).toBeGreaterThan(0);
    const image = await fetch(new URL(previews[0].url, b));
    const bytes = Buffer.from(await image.arrayBuffer());
    console.warn(
      `several hosts (${topology.namespaces ? 'network namespaces' : 'loopback'}): photo ${id} uploaded through ${a}, its preview (${bytes.length} bytes) served by ${b}'s signed URL`,
    );
    expect(image.status).toBe(200);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('takes a storm through nginx while one instance restarts: each callback applied once, no 5xx', async () => {
    const kits = await everyRoute(
      dataSource,
      { docloud: vendors.settings.docloud as DocloudCredentials, zjz: vendor<ZjzSimulator>('zjz') },
      'H',
    );
    const shares = shareOut(kits, STORM);
    const sends = await layOut(shares, seeded(20261205));
    const started = Date.now();
    const storm = deliver(nginx.baseUrl, sends, 32);
    // A third of the way in, instance a is stopped (SIGTERM: drain, finish, exit) and started again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const stopped = new Promise((resolve) => servers.a!.child.once('exit', resolve));
    servers.a!.child.kill('SIGTERM');
    await stopped;
    const restartedAfter = (Date.now() - started) / 1000;
    await start('a');
    const answers = await storm;
    const fiveHundreds = answers.filter((answer) => answer.status >= 500).length;
    console.warn(
      `several hosts, storm: ${STORM} callbacks through nginx to 2 instances in ${((Date.now() - started) / 1000).toFixed(1)} s; instance a stopped with SIGTERM at ${restartedAfter.toFixed(1)} s and started again; ${fiveHundreds} answers 5xx`,
    );
    const { actual, expected } = await stormOutcome('several hosts, storm', dataSource, shares, answers);
    expect(actual).toEqual(expected);
  }, 900_000);
});
