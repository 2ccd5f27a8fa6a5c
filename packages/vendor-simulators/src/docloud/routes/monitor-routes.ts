import { type DocloudCarType, DOCLOUD_MONITOR_BATCH_LIMIT } from '@banshi/vendor-clients/docloud';
import type { SimContext } from '../context.js';
import { OPEN_PROVINCES } from '../data/cities.js';
import { fail, jsonBody, jsonList, registerRoute, type Json } from '../route-kit.js';
import type { MonitoredCar } from '../state.js';
import { checkIdentity, plateCity, required, text } from '../validation.js';

const MONITOR_CAR_TYPES = ['01', '02', '51', '52', '15'];

export function registerMonitorRoutes(ctx: SimContext): void {
  // 《查询违章条数 / 支持城市列表》, as its example: municipalities without a city list.
  registerRoute(ctx, { method: 'GET', path: '/violation/amount/cities' }, () =>
    OPEN_PROVINCES.map(({ province, prefix, cities }) =>
      cities.length === 1 && cities[0].cityPrefix === prefix
        ? { province, prefix }
        : { province, prefix, list: cities.map((c) => ({ city: c.city, cityPrefix: c.cityPrefix })) },
    ),
  );

  registerRoute(ctx, { method: 'POST', path: '/violation/amount/query' }, (request) => {
    const body = jsonBody(request);
    const plateNumber = required(body, 'plateNumber', '车牌号');
    const home = plateCity(plateNumber);
    const engineNo = required(body, 'engineNo', '发动机号');
    if (!/^[A-Za-z0-9]{6}$/.test(engineNo)) throw fail('1032', '车架号或发动机号位数错误：需要发动机号后6位');
    if (body.carType !== undefined && ![1, 2, 15].includes(Number(body.carType))) {
      throw fail('1001', '请求参数错误：carType只能为1、2、15');
    }
    const pending = ctx.state.violationsOf(plateNumber).filter((v) => v.processStatus === 1);
    const localCity = pending.filter((v) => v.place === home).length;
    const localProvince = pending.filter((v) => v.place !== home && v.place.province === home.province).length;
    const otherProvince = pending.length - localCity - localProvince;
    return { total: Math.min(10, pending.length), otherProvince, localProvince, localCity };
  });

  const monitorRoute = { method: 'POST' as const, errCodeAsString: true };

  registerRoute(ctx, { ...monitorRoute, path: '/monitor/car/add' }, (request) => {
    const car = monitoredCar(jsonBody(request));
    ctx.state.monitored.set(car.plateNumber, car);
    return true;
  });

  registerRoute(ctx, { ...monitorRoute, path: '/monitor/car/batchAdd' }, (request) => {
    // Validated whole before any is stored: a batch is added entirely or not at all.
    const cars = batch(jsonList(request), '添加').map(monitoredCar);
    for (const car of cars) ctx.state.monitored.set(car.plateNumber, car);
    return true;
  });

  registerRoute(ctx, { ...monitorRoute, path: '/monitor/car/remove' }, (request) => {
    ctx.state.monitored.delete(removedPlate(jsonBody(request)));
    return true;
  });

  registerRoute(ctx, { ...monitorRoute, path: '/monitor/car/batchRemove' }, (request) => {
    const plates = batch(jsonList(request), '移除').map(removedPlate);
    for (const plate of plates) ctx.state.monitored.delete(plate);
    return true;
  });
}

function batch(list: Json[], verb: string): Json[] {
  if (list.length === 0) throw fail('1001', '请求参数错误：车辆列表不能为空');
  if (list.length > DOCLOUD_MONITOR_BATCH_LIMIT) {
    throw fail('1001', `请求参数错误：一次${verb}车辆数量不得超过${DOCLOUD_MONITOR_BATCH_LIMIT}`);
  }
  return list;
}

function carTypeOf(body: Json): DocloudCarType {
  const carType = required(body, 'carType', '车辆类型');
  if (!MONITOR_CAR_TYPES.includes(carType)) throw fail('1001', '请求参数错误：车辆类型错误');
  return carType as DocloudCarType;
}

function monitoredCar(body: Json): MonitoredCar {
  const carType = carTypeOf(body);
  const plateNumber = required(body, 'plateNumber', '车牌号');
  const city = plateCity(plateNumber);
  const vin = required(body, 'vin', '车架号');
  const engineNo = required(body, 'engineNo', '发动机号');
  checkIdentity(city, vin, engineNo);
  return { plateNumber, carType, vin, engineNo };
}

function removedPlate(body: Json): string {
  carTypeOf(body);
  const plate = text(body, 'plateNumber');
  if (!plate) throw fail('1001', '请求参数错误：车牌号不能为空');
  return plate;
}
