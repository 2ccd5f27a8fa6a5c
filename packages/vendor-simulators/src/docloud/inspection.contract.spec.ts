import { ManualClock, VendorApiError } from '@banshi/vendor-clients';
import type { DocloudApiError, ReplaceVehicleInput } from '@banshi/vendor-clients/docloud';
import { pollUntil, rejectionOf, startHarness, type Harness } from './test-support/harness.js';

/** 《年检》 against the simulator, on a fixed date (2025-06-01) so car ages do not drift. */
let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness({ clock: new ManualClock(Date.UTC(2025, 5, 1)) });
  token = await h.client.assignUserToken('banshi-user-1');
});
afterAll(() => h.close());

const codeOf = (error: unknown) => (error as DocloudApiError).code;

/** An Audi A3 from 宁波, private, four years old: eligible for 免检. */
const A3: ReplaceVehicleInput = {
  brandId: 33,
  seriesId: 3170,
  modelId: 17053,
  carNum: '浙BCH111',
  registerDate: '2021-04-15',
  carSeats: 5,
  useFor: 0,
  inspectionVehicleType: 1,
  operationType: 0,
  isAccidentCar: 0,
};

const address = {
  name: '张三',
  phone: '13800000001',
  province: '浙江省',
  city: '宁波市',
  county: '鄞州区',
  address: '天童南路588号',
  contactPhone: '13800000001',
  carOwnerPhone: '13800000002',
};

describe('user token (《获取token》)', () => {
  it('gives one partner user the same token every time, and another user another one', async () => {
    await expect(h.client.assignUserToken('banshi-user-1')).resolves.toBe(token);
    await expect(h.client.assignUserToken('banshi-user-2')).resolves.not.toBe(token);
  });

  it('1110 without a token header, 1101 with an unknown one', async () => {
    expect(codeOf(await rejectionOf(h.client.listBrands('')))).toBe('1110');
    expect(codeOf(await rejectionOf(h.client.listProvinces('NTkzTlYrZlMycmI0V05DL0QxSW1lUT08Cg')))).toBe('1101');
  });
});

describe('base data', () => {
  it('cascades brand → series → model over bare arrays', async () => {
    const brands = await h.client.listBrands(token);
    expect(brands.length).toBeGreaterThanOrEqual(10);
    expect(brands.map((b) => b.brandName)).toEqual(
      expect.arrayContaining([
        '奥迪',
        '宝马',
        '奔驰',
        '大众',
        '丰田',
        '本田',
        '比亚迪',
        '吉利',
        '特斯拉',
        '日产',
        '别克',
      ]),
    );
    expect(brands.find((b) => b.brandName === '奥迪')).toEqual({ brandId: 33, brandName: '奥迪', alphaCode: 'A' });
    const series = await h.client.listSeries(33, token);
    expect(series).toEqual(
      expect.arrayContaining([
        { seriesId: 3170, seriesName: 'A3' },
        { seriesId: 650, seriesName: 'A1' },
      ]),
    );
    const models = await h.client.listModels(3170, token);
    expect(models).toHaveLength(4);
    expect(models[0]).toEqual({
      modelId: 17053,
      modelName: '2014款 30 TFSI 豪华型',
      tireStandard: '215/40R17',
      backTireStandard: '215/40R17',
      guidePriceWan: 28.98,
    });
    await expect(h.client.listSeries(99999, token)).resolves.toEqual([]);
    const tesla = brands.find((b) => b.brandName === '特斯拉')!;
    const [modelY] = (await h.client.listSeries(tesla.brandId, token)).filter((s) => s.seriesName === 'Model Y');
    expect((await h.client.listModels(modelY.seriesId, token)).map((m) => m.modelName)).toContain(
      '2024款 长续航全轮驱动版',
    );
  });

  it('cascades province → city → district with the document’s ids', async () => {
    expect(await h.client.listProvinces(token)).toEqual(expect.arrayContaining([{ id: 4, name: '浙江省' }]));
    const cities = await h.client.listCities(4, token);
    expect(cities).toEqual(
      expect.arrayContaining([
        { id: 1, name: '杭州市', provinceId: 4 },
        { id: 94, name: '宁波市', provinceId: 4 },
      ]),
    );
    expect(await h.client.listDistricts(1, token)).toEqual(
      expect.arrayContaining([{ id: 1, name: '上城区', cityId: 1 }]),
    );
    await expect(h.client.listCities(999, token)).resolves.toEqual([]);
  });
});

describe('vehicles (《绑定用户车辆》)', () => {
  it('binds a car, replaces it by carId, and rebinding the plate keeps its id', async () => {
    const carId = await h.client.replaceVehicle(A3, token);
    expect(carId).toMatch(/^\d+$/);
    await expect(h.client.replaceVehicle({ ...A3, carId, modelId: 17050 }, token)).resolves.toBe(carId);
    await expect(h.client.replaceVehicle(A3, token)).resolves.toBe(carId);
    const other = await h.client.assignUserToken('banshi-user-3');
    expect(codeOf(await rejectionOf(h.client.replaceVehicle({ ...A3, carId }, other)))).toBe('1001');
  });

  it.each([
    ['1001', 'registerDate', { registerDate: '2016/09/01' }],
    ['1001', 'registerDate', { registerDate: '2021-02-30' }],
    ['1001', '车系', { seriesId: 66 }],
    ['1001', '车型', { modelId: 54260 }],
    ['1001', '座位', { carSeats: 7 }],
    ['1001', '用途', { useFor: 2 as 0 }],
    ['1030', '车牌', { carNum: '浙B12' }],
    ['1031', '开通', { carNum: '川A12345' }],
  ])('refuses with %s (%s)', async (code, _about, change) => {
    expect(codeOf(await rejectionOf(h.client.replaceVehicle({ ...A3, ...change }, token)))).toBe(code);
  });
});

describe('pre-orders (《免检待确认订单》)', () => {
  it('lists a private car’s materials and price, with sample pictures served by the simulator', async () => {
    const carId = await h.client.replaceVehicle(A3, token);
    const pre = await h.client.getPreOrder({ carId, lng: '121.55', lat: '29.87' }, token);
    expect(pre).toMatchObject({
      carId,
      carNum: '浙BCH111',
      carRegisterCityId: 94,
      inspectionCityName: '宁波市',
      inspectionShopId: 21777,
      totalPriceFen: 11800,
    });
    expect(pre.materials.map((m) => m.text)).toEqual([
      '行驶证正副本原件',
      '在保险期间内的交强险保单副本原件',
      '车主身份证正反面复印件',
      '车辆违章处理完',
    ]);
    const policy = pre.materials[1];
    expect(policy.isPic).toBe(true);
    expect(policy.message).toHaveLength(3);
    const picture = Buffer.from(await (await fetch(policy.address)).arrayBuffer());
    expect(picture.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('asks a company car for the stamped letter and business licence, at a higher price', async () => {
    const carId = await h.client.replaceVehicle({ ...A3, carNum: '浙B8K2Q7', useFor: 1 }, token);
    const pre = await h.client.getPreOrder({ carId }, token);
    expect(pre.totalPriceFen).toBe(14800);
    const texts = pre.materials.map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['单位车辆年检委托书加盖公章', '公司营业执照复印件加盖公章']));
    expect(texts).not.toContain('车主身份证正反面复印件');
    expect(pre.materials.filter((m) => m.isPic).every((m) => m.address.startsWith(h.sim.url))).toBe(true);
  });

  it('refuses 免检 for a car registered six years ago or more, or one with more than five seats', async () => {
    const old = await h.client.replaceVehicle({ ...A3, carNum: '浙B5X3M1', registerDate: '2019-05-31' }, token);
    const oldError = await rejectionOf(h.client.getPreOrder({ carId: old }, token));
    expect(oldError).toMatchObject({ code: '1001' });
    expect((oldError as Error).message).toContain('注册已满6年');
    const van = await h.client.replaceVehicle(
      { ...A3, brandId: 38, seriesId: 166, modelId: 53880, carNum: '浙A7G8H9', carSeats: 7, inspectionVehicleType: 10 },
      token,
    );
    expect(((await rejectionOf(h.client.getPreOrder({ carId: van }, token))) as Error).message).toContain(
      '座位数超过5座',
    );
  });
});

describe('inspection orders (《确认订单接口》, 《免检订单详情》)', () => {
  async function newOrder(carNum: string, useFor: 0 | 1 = 0) {
    const carId = await h.client.replaceVehicle({ ...A3, carNum, useFor }, token);
    const pre = await h.client.getPreOrder({ carId }, token);
    const input = {
      ...address,
      shopId: pre.inspectionShopId,
      carId,
      inspectCityId: pre.inspectionCityId,
      orderPriceFen: pre.totalPriceFen,
    };
    return { carId, pre, input, orderId: await h.client.createInspectionOrder(input, token) };
  }

  it('refuses a wrong price (1105) and a wrong phone (1035)', async () => {
    const carId = await h.client.replaceVehicle({ ...A3, carNum: '浙B0P1L2' }, token);
    const pre = await h.client.getPreOrder({ carId }, token);
    const input = {
      ...address,
      shopId: pre.inspectionShopId,
      carId,
      inspectCityId: pre.inspectionCityId,
      orderPriceFen: pre.totalPriceFen,
    };
    expect(codeOf(await rejectionOf(h.client.createInspectionOrder({ ...input, orderPriceFen: 100 }, token)))).toBe(
      '1105',
    );
    expect(codeOf(await rejectionOf(h.client.createInspectionOrder({ ...input, phone: '12345' }, token)))).toBe('1035');
  });

  it('does not retry a create that met a 503: the caller sees the failure and no order exists', async () => {
    const carId = await h.client.replaceVehicle({ ...A3, carNum: '浙B2D3F4' }, token);
    const pre = await h.client.getPreOrder({ carId }, token);
    const input = {
      ...address,
      shopId: pre.inspectionShopId,
      carId,
      inspectCityId: pre.inspectionCityId,
      orderPriceFen: pre.totalPriceFen,
    };
    h.sim.faults.failNext(1);
    expect(await rejectionOf(h.client.createInspectionOrder(input, token))).toBeInstanceOf(VendorApiError);
    // Had the failed attempt created an order, this one would meet 1142 (an open order for the car).
    await expect(h.client.createInspectionOrder(input, token)).resolves.toMatch(/^\d+$/);
  });

  it('moves a company car’s order 15 → 20 → 25 → 30 → 35 → 50, with shipments filled in on the way', async () => {
    const { input, orderId } = await newOrder('浙B3N4V5', 1);
    const detail = await h.client.getInspectionOrder(orderId, token);
    expect(detail).toMatchObject({
      orderId,
      worderStatus: 15,
      plateNumber: '浙B3N4V5',
      inspectionCityName: '宁波市',
      memberPriceFen: 14800,
      payPriceFen: 0,
      userAddress: { name: '张三', city: '宁波市', county: '鄞州区' },
    });
    expect(detail.materials.map((m) => m.text)).toContain('单位车辆年检委托书加盖公章');
    expect(codeOf(await rejectionOf(h.client.createInspectionOrder(input, token)))).toBe('1142');

    const seen: number[] = [];
    for (let step = 0; step < 5; step++) {
      h.sim.advanceInspectionOrder(orderId);
      const now = await h.client.getInspectionOrder(orderId, token);
      seen.push(now.worderStatus);
      if (now.worderStatus === 20) expect(now.sendEmsNumber).toMatch(/^SF\d+$/);
      if (now.worderStatus < 35) expect(now.backEmsNumber).toBeUndefined();
      else expect(now).toMatchObject({ backEmsCompany: '顺丰速运', backEmsNumber: expect.stringMatching(/^SF\d+$/) });
    }
    expect(seen).toEqual([20, 25, 30, 35, 50]);
    expect(() => h.sim.advanceInspectionOrder(orderId)).toThrow('订单已结束');
    const stranger = await h.client.assignUserToken('banshi-user-4');
    expect(codeOf(await rejectionOf(h.client.getInspectionOrder(orderId, stranger)))).toBe('1102');
  });

  it('steps on its own with inspectionStepMs', async () => {
    h.sim.timings.inspectionStepMs = 10;
    try {
      const { orderId } = await newOrder('浙B6R7T8');
      const seen = new Set<number>();
      await pollUntil(
        () => h.client.getInspectionOrder(orderId, token),
        (detail) => seen.add(detail.worderStatus).has(50),
        'status 50',
      );
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(15);
    } finally {
      h.sim.timings.inspectionStepMs = null;
    }
  });

  it('online payment: waits at 10 until paid, and can be closed (60)', async () => {
    h.sim.setPaymentMode('online');
    try {
      const first = await newOrder('浙B9W8E7');
      expect((await h.client.getInspectionOrder(first.orderId, token)).worderStatus).toBe(10);
      h.sim.payInspectionOrder(first.orderId);
      expect(await h.client.getInspectionOrder(first.orderId, token)).toMatchObject({
        worderStatus: 15,
        payPriceFen: 11800,
      });
      const second = await newOrder('浙B1A2S3');
      h.sim.closeInspectionOrder(second.orderId);
      expect((await h.client.getInspectionOrder(second.orderId, token)).worderStatus).toBe(60);
    } finally {
      h.sim.setPaymentMode('credit');
    }
  });
});
