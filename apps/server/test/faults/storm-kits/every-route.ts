import type { DocloudCredentials } from '../../../src/vehicles/callbacks/docloud-credentials.js';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { DocloudOrderKit } from './docloud.js';
import { DocloudViolationKit } from './docloud-violations.js';
import type { StormKit } from './kit.js';
import { YundouKit } from './yundou.js';
import { ZjzKit } from './zjz.js';

/**
 * A kit for every callback route, weighted as a storm mixes them: Docloud order and violation
 * changes, zjz receipt notices (their "done" pointing at a receipt the zjz simulator serves, as the
 * vendor serves it), Yundou bill and QR results. `tag` keeps the subjects of two storms apart.
 */
export async function everyRoute(
  dataSource: DataSource,
  vendors: { docloud: DocloudCredentials; zjz: ZjzSimulator },
  tag: string,
): Promise<{ kit: StormKit; weight: number }[]> {
  const receipt = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#f4f4f4' } })
    .jpeg()
    .toBuffer();
  const receiptUrl = vendors.zjz.host.publishFile(receipt, 'image/jpeg');
  return [
    { kit: new DocloudOrderKit(dataSource, vendors.docloud, `SD${tag}`), weight: 30 },
    { kit: new DocloudViolationKit(dataSource, vendors.docloud, 100_000), weight: 20 },
    { kit: new ZjzKit(dataSource, vendors.zjz.apiKey, receiptUrl, `SZ${tag}`), weight: 25 },
    { kit: new YundouKit(dataSource, `SY${tag}`), weight: 25 },
  ];
}
