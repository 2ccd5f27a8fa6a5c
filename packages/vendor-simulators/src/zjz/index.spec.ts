import * as zjz from '@banshi/vendor-clients/zjz';
import * as zjzSim from './index.js';
import { escapeXml, maskName } from './documents.js';
import { pathTo } from './lifecycle.js';

describe('@banshi/vendor-clients/zjz and @banshi/vendor-simulators/zjz', () => {
  it('export the client, the verifier, the signing, the catalogue and the simulator', async () => {
    expect(typeof zjz.ZjzClient).toBe('function');
    expect(typeof zjz.verifyZjzCallback).toBe('function');
    expect(zjz.zjzCallbackSign('k')).toMatch(/^[0-9a-f]{32}$/);
    expect(zjz.ZJZ_SPECS.length).toBeGreaterThanOrEqual(8);
    expect(zjz.ZJZ_CALLBACK_FAILURE.code).not.toBe(0);
    const sim = await zjzSim.startZjzSimulator({ apiKey: 'k', port: 0 });
    try {
      expect(sim.vendor).toBe('zjz');
      expect(sim.scenario.reviewDelayMs).toBe(300);
      const client = new zjz.ZjzClient({ baseUrl: sim.url, apiKey: 'k' });
      expect((await client.listItems()).map((item) => item.itemId)).toEqual(zjz.ZJZ_SPECS.map((s) => s.itemId));
    } finally {
      await sim.close();
    }
  });
});

describe('zjz simulator helpers', () => {
  it('walks only the paths the vendor allows', () => {
    expect(pathTo(1, 4, true)).toEqual([2, 3, 4]);
    expect(pathTo(1, 4, false)).toBeUndefined();
    expect(pathTo(1, -1, false)).toEqual([2, -1]);
    expect(pathTo(2, -2, false)).toBeUndefined();
    expect(pathTo(3, -1, false)).toBeUndefined();
    expect(pathTo(-1, 3, false)).toBeUndefined();
  });

  it('masks names and escapes user text put into the receipt SVG', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(escapeXml('<a href="x">&</a>')).not.toMatch(/[<>"&](?!#)/);
  });
});
