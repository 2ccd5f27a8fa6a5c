import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import sharp from 'sharp';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { seeded, type StormKit } from './storm-kits/kit.js';
import { deliver, layOut, type Share } from './storm-kits/mix.js';
import { YundouKit } from './storm-kits/yundou.js';
import { ZjzKit } from './storm-kits/zjz.js';

/**
 * The two cases the callback storm found, one at a time: a callback that overtakes an earlier one
 * of the same order, and two callbacks of one upload at the same moment. Each must leave what an
 * orderly delivery leaves.
 */
describe.each(testDatabases())('callbacks out of order or side by side (%s)', (kind) => {
  let t: TestApp;
  const tag = kind === 'mysql' ? 'M' : 'L';
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  /** Only genuine callbacks, `outOfOrder` of the kit's sequences reversed. */
  const only = (kit: StormKit, genuine: number, outOfOrder: number): Share => ({
    kit,
    n: genuine,
    genuine,
    outOfOrder,
    repeats: 0,
    bad: 0,
    malformed: 0,
    subjects: 0,
  });

  it('zjz: a print order whose "shipped" notice overtakes its "done" one still keeps its receipt', async () => {
    const zjz = t.sandbox.get<ZjzSimulator>('zjz');
    const receipt = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#f4f4f4' } })
      .jpeg()
      .toBuffer();
    const kit = new ZjzKit(t.dataSource, zjz.apiKey, zjz.host.publishFile(receipt, 'image/jpeg'), `OZ${tag}`, [
      'print',
    ]);
    // Shipped (4), then done (3) with the receipt, then reviewing (2), each after the previous answer.
    const answers = await deliver(t.baseUrl, await layOut([only(kit, 3, 1)], seeded(1)), 1);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await kit.check('as-sent')).toEqual([]);
  });

  it('yundou: both bills read from one photo, called back at the same moment, become scans', async () => {
    const kit = new YundouKit(t.dataSource, `OY${tag}`, ['two']);
    // 20 photos of two bills each; each photo's two callbacks are sent side by side.
    const answers = await deliver(t.baseUrl, await layOut([only(kit, 40, 0)], seeded(1)), 8);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect((await kit.check('as-sent')).slice(0, 3)).toEqual([]);
  });
});
