import { toCountProvinces, toCounts } from './mappers/violations.js';
import { flag } from './parse.js';
import {
  DOCLOUD_MONITOR_BATCH_LIMIT,
  type DocloudCountProvince,
  type DocloudViolationCounts,
  type MonitoredCarInput,
  type MonitoredCarRef,
  type QueryCountsInput,
} from './types/monitor.js';
import { DocloudViolationsClient } from './violations-client.js';

/** 《查询违章条数》 and 《车辆违章监控》 endpoints. */
export class DocloudMonitorClient extends DocloudViolationsClient {
  /** 《查询违章条数 / 支持城市列表》 `GET /violation/amount/cities`. */
  async listCountCities(): Promise<DocloudCountProvince[]> {
    return this.call({ method: 'GET', path: '/violation/amount/cities', idempotent: true }, toCountProvinces);
  }

  /** 《查询违章条数》 `POST /violation/amount/query`: untreated counts by local city, province and elsewhere. */
  async queryCounts(input: QueryCountsInput): Promise<DocloudViolationCounts> {
    const body = { plateNumber: input.plateNumber, engineNo: input.engineNo.trim().slice(-6), carType: input.carType };
    // A paid query like /violation/query/1.0: never retried blindly.
    return this.call({ method: 'POST', path: '/violation/amount/query', body, idempotent: false }, toCounts);
  }

  /** 《添加或覆盖监控车辆信息》 `POST /monitor/car/add`: changes then arrive at the violation callback URL. */
  async addMonitoredCar(car: MonitoredCarInput): Promise<boolean> {
    return this.call({ method: 'POST', path: '/monitor/car/add', body: monitoredCar(car), idempotent: true }, flag);
  }

  /** 《批量添加或覆盖监控车辆》 `POST /monitor/car/batchAdd`, at most 50 cars per call. */
  async addMonitoredCars(cars: MonitoredCarInput[]): Promise<boolean> {
    checkBatch(cars.length);
    const body = cars.map(monitoredCar);
    return this.call({ method: 'POST', path: '/monitor/car/batchAdd', body, idempotent: true }, flag);
  }

  /** 《移除监控车辆信息》 `POST /monitor/car/remove`. */
  async removeMonitoredCar(car: MonitoredCarRef): Promise<boolean> {
    const body = { plateNumber: car.plateNumber, carType: car.carType };
    return this.call({ method: 'POST', path: '/monitor/car/remove', body, idempotent: true }, flag);
  }

  /** 《批量移除监控车辆信息》 `POST /monitor/car/batchRemove`, at most 50 cars per call. */
  async removeMonitoredCars(cars: MonitoredCarRef[]): Promise<boolean> {
    checkBatch(cars.length);
    const body = cars.map((car) => ({ plateNumber: car.plateNumber, carType: car.carType }));
    return this.call({ method: 'POST', path: '/monitor/car/batchRemove', body, idempotent: true }, flag);
  }
}

function monitoredCar(car: MonitoredCarInput) {
  return { engineNo: car.engineNo, plateNumber: car.plateNumber, vin: car.vin, carType: car.carType };
}

/** Refused before sending: the vendor's limit is documented, and a half-applied batch helps no one. */
function checkBatch(count: number): void {
  if (count === 0) throw new RangeError('docloud monitor batch is empty');
  if (count > DOCLOUD_MONITOR_BATCH_LIMIT) {
    throw new RangeError(`docloud monitor batches hold at most ${DOCLOUD_MONITOR_BATCH_LIMIT} cars, got ${count}`);
  }
}
