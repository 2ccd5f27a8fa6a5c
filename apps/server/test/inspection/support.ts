import { DocloudClient } from '@banshi/vendor-clients/docloud';
import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import { InspectionVendor } from '../../src/inspection/inspection-vendor.service.js';
import { userIdOf } from '../support/orders.js';
import type { TestApp } from '../support/test-app.js';

/** The sandbox Docloud, with inspection orders moved on by hand (`advanceInspectionOrder`). */
export function docloud(t: TestApp): DocloudSimulator {
  const sim = t.sandbox.get<DocloudSimulator>('docloud');
  sim.timings.inspectionStepMs = null;
  return sim;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

let plateSerial = 100;
/** A fresh 宁波 (浙B) plate: 免检 is offered there, at ¥118 for a private car. */
export function ningboPlate(): string {
  plateSerial += 1;
  return `浙B${String(plateSerial).padStart(3, '0')}K${plateSerial % 10}`;
}

/** Adds a car to the garage through the vehicles service's own API, as the mini-program does. */
export async function addGarageCar(t: TestApp, token: string, plateNumber = ningboPlate()): Promise<number> {
  const res = await t.http.post('/api/vehicles/cars').set(auth(token)).send({
    plateNumber,
    vin: 'LFV2A21K8E4123456',
    engineNo: 'EA888123',
    phone: '13800000001',
    consent: true,
  });
  if (res.status !== 201) throw new Error(`adding ${plateNumber} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

/** An Audi A3, five seats, private, registered three years ago: qualifies for 免检. */
export function eligibleCar(overrides: Record<string, unknown> = {}) {
  const year = new Date().getFullYear() - 3;
  return {
    brandId: 33,
    seriesId: 3170,
    modelId: 17053,
    registerDate: `${year}-04-15`,
    carSeats: 5,
    useFor: 0,
    operationType: 0,
    isAccidentCar: 0,
    ...overrides,
  };
}

export function saveCar(t: TestApp, token: string, carId: number, body = eligibleCar()) {
  return t.http.put(`/api/inspection/cars/${carId}`).set(auth(token)).send(body);
}

/** 浙江省 / 宁波市 / 鄞州区, as the vendor's area lists number them. */
export const NINGBO_ADDRESS = {
  contactName: '张三',
  contactPhone: '13912345678',
  provinceId: 4,
  cityId: 94,
  districtId: 942,
  address: '天童南路588号',
};

export function placeOrder(
  t: TestApp,
  token: string,
  garageCarId: number,
  priceFen: number,
  extra: Record<string, unknown> = {},
) {
  return t.http
    .post('/api/inspection/orders')
    .set(auth(token))
    .send({ garageCarId, priceFen, ...NINGBO_ADDRESS, ...extra });
}

/** Every row of a table as the database holds it (no entity, no transformer). */
export async function rawRows(t: TestApp, table: string): Promise<Record<string, unknown>[]> {
  return t.dataSource.query(`SELECT * FROM ${table}`);
}

/** The car is given an open order at Docloud through another channel: ours will be refused (1142). */
export async function occupyCarAtVendor(t: TestApp, token: string, carId: number): Promise<void> {
  const sim = docloud(t);
  const vendorToken = await t.app.get(InspectionVendor).tokenOf(await userIdOf(t, token));
  const vehicle = (await rawRows(t, 'inspection_vehicles')).find((r) => Number(r.garage_car_id) === carId);
  const elsewhere = new DocloudClient({
    baseUrl: sim.url,
    appKey: 'SANDBOXDOCLOUD01',
    appSecret: 'sandbox-docloud-secret',
  });
  await elsewhere.createInspectionOrder(
    {
      shopId: 21777,
      carId: String(vehicle?.vendor_car_id),
      contactPhone: '13800000009',
      inspectCityId: 94,
      carOwnerPhone: '13800000009',
      orderPriceFen: 11800,
      name: '李四',
      phone: '13800000009',
      province: '浙江省',
      city: '宁波市',
      address: '中山东路1号',
    },
    vendorToken,
  );
}
