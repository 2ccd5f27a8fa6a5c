import type { DataSource } from 'typeorm';
import type { DocloudCredentials } from '../../../src/vehicles/callbacks/docloud-credentials.js';
import { VehicleCar } from '../../../src/vehicles/entities/car.entity.js';
import { plateIndexOf } from '../../../src/vehicles/garage/garage.service.js';
import { newCarRow } from '../../../src/vehicles/garage/new-car.js';
import {
  forgeSigned,
  isDocloudAcknowledgement,
  isDocloudMalformedAnswer,
  isDocloudRejection,
  signed,
} from './docloud.js';
import { canonical, reverseSome, type KitPlan, type Sequence, type Steps, type StormKit } from './kit.js';

const VIOLATION_CALLBACK_PATH = '/api/callbacks/docloud/violation';

/**
 * `one`: the car's list once; `grow`: the list, then the list with a new violation; `fail`: the
 * list and a monitoring failure (1032), whose end state is the same in either order. A `grow` sent
 * backwards would end with the older list: the callback carries no time or sequence, so nothing
 * can tell an older list from a newer one, and those are never sent out of order.
 */
type CarKind = 'one' | 'grow' | 'fail';

interface CarPlan extends Steps {
  kind: CarKind;
  carId: number;
  userId: number;
  plate: string;
  codes: string[];
}

/**
 * Docloud's 《车辆违章信息变更通知》 for monitored cars, each its own user's: every genuine list is
 * stored as the car's violations and its new violations told to the owner once; a monitoring
 * failure marks the car and tells the owner.
 */
export class DocloudViolationKit implements StormKit {
  readonly name = 'docloud violation';
  readonly vendor = 'docloud';
  readonly topics = ['violation'];
  private plans: CarPlan[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: DocloudCredentials,
    /** The cars' owners are users `firstUser`, `firstUser + 1` …, none of which owns anything else. */
    private readonly firstUser: number,
  ) {}

  async prepare({ genuine, outOfOrder, orderFree }: KitPlan): Promise<Sequence[]> {
    const kinds: CarKind[] = [];
    for (let j = 0, counted = 0; counted < genuine; j++) {
      const left = genuine - counted;
      const kind: CarKind = left === 1 || j % 4 === 0 ? 'one' : j % 4 === 1 && !orderFree ? 'grow' : 'fail';
      kinds.push(kind);
      counted += kind === 'one' ? 1 : 2;
    }
    const carIds = await this.seedCars(kinds.length);
    this.plans = kinds.map((kind, j) => {
      const plate = plateOf(j);
      const first = [`V${j}-1`, ...(j % 3 === 0 ? [`V${j}-2`] : [])];
      const lists = kind === 'grow' ? [first, [...first, `V${j}-9`]] : [first];
      const callbacks = lists.map((codes) => this.listCallback(plate, codes));
      if (kind === 'fail') callbacks.push(this.failureCallback(plate));
      return {
        kind,
        carId: carIds[j],
        userId: this.firstUser + j,
        plate,
        codes: lists[lists.length - 1],
        callbacks,
        ranks: callbacks.map((_, at) => at),
        reversed: false,
      };
    });
    reverseSome(this.plans, outOfOrder, (plan) => plan.kind === 'fail');
    return this.plans.map((plan) => ({ callbacks: plan.callbacks }));
  }

  forge(i: number) {
    const plan = this.plans[i % this.plans.length];
    return forgeSigned(this.listCallback(plan.plate, [`V-${i}`]), i, ['"processStatus":1', '"processStatus":3']);
  }

  malformed(i: number) {
    const plate = this.plans[i % this.plans.length].plate;
    const garbage = [
      'not json at all',
      '{"success":true,"data":{}}',
      JSON.stringify({ success: true, data: { plateNumber: plate, items: 5 } }),
      JSON.stringify({ success: true, data: { plateNumber: plate, items: [{ code: 'V-x' }] } }),
      '{',
    ];
    return signed(this.credentials, VIOLATION_CALLBACK_PATH, garbage[i % garbage.length]);
  }

  isAcknowledged = isDocloudAcknowledgement;
  isRejection = isDocloudRejection;
  isMalformedAnswer = isDocloudMalformedAnswer;

  async check(): Promise<unknown[]> {
    const last = this.firstUser + this.plans.length - 1;
    const cars = (await this.dataSource.query(
      `SELECT id, monitor_state AS state, violations_source AS source FROM vehicle_cars WHERE user_id BETWEEN ? AND ?`,
      [this.firstUser, last],
    )) as { id: number; state: string; source: string | null }[];
    const codes = (await this.dataSource.query(
      `SELECT v.car_id AS id, v.code FROM vehicle_violations v JOIN vehicle_cars c ON c.id = v.car_id
       WHERE c.user_id BETWEEN ? AND ?`,
      [this.firstUser, last],
    )) as { id: number; code: string }[];
    const notices = (await this.dataSource.query(
      `SELECT user_id AS id, kind, COUNT(*) AS n FROM notices WHERE user_id BETWEEN ? AND ? GROUP BY user_id, kind`,
      [this.firstUser, last],
    )) as { id: number; kind: string; n: number }[];
    const carOf = new Map(cars.map((car) => [Number(car.id), car]));
    const codesOf = group(codes.map((row) => [Number(row.id), row.code]));
    const noticesOf = new Map<number, Record<string, number>>();
    for (const n of notices) noticesOf.set(Number(n.id), { ...noticesOf.get(Number(n.id)), [n.kind]: Number(n.n) });

    const wrong: unknown[] = [];
    for (const plan of this.plans) {
      const car = carOf.get(plan.carId);
      const expected = {
        state: plan.kind === 'fail' ? 'failed' : 'on',
        source: 'callback',
        codes: [...plan.codes].sort(),
        notices: canonical(
          plan.kind === 'fail' ? { new_violations: 1, monitor_failed: 1 } : { new_violations: plan.callbacks.length },
        ),
      };
      const actual = {
        state: car?.state,
        source: car?.source,
        codes: [...(codesOf.get(plan.carId) ?? [])].sort(),
        notices: canonical(noticesOf.get(plan.userId) ?? {}),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        wrong.push({ plate: plan.plate, kind: plan.kind, expected, actual });
    }
    return wrong;
  }

  private listCallback(plateNumber: string, codes: string[]) {
    const items = codes.map((code, k) => ({
      code,
      time: `2026-11-0${(k % 9) + 1} 08:1${k % 10}:00`,
      fine: '200.00',
      address: '文三路口',
      reason: '机动车违反规定停放',
      point: 0,
      violationCity: '杭州市',
      processStatus: 1,
      paymentStatus: 1,
      organName: '杭州市公安局交通警察支队',
    }));
    return signed(
      this.credentials,
      VIOLATION_CALLBACK_PATH,
      JSON.stringify({ success: true, data: { plateNumber, items } }),
    );
  }

  private failureCallback(plateNumber: string) {
    const body = JSON.stringify({
      success: false,
      data: { plateNumber, code: '1032', message: '车架号或发动机号位数错误' },
    });
    return signed(this.credentials, VIOLATION_CALLBACK_PATH, body);
  }

  /** Monitored cars, stored as the garage stores them: plate encrypted, its blind index beside it. */
  private async seedCars(count: number): Promise<number[]> {
    const ids: number[] = [];
    const now = new Date();
    for (let offset = 0; offset < count; offset += 200) {
      const rows = Array.from({ length: Math.min(200, count - offset) }, (_, i) => {
        const plate = plateOf(offset + i);
        // Monitored already: the violation callbacks are about cars whose monitoring is on.
        const row = newCarRow(
          {
            userId: this.firstUser + offset + i,
            plateNumber: plate,
            plateIndex: plateIndexOf(plate),
            carType: '02',
            city: '杭州市',
            province: '浙江省',
            cityPrefix: '浙A',
            vin: null,
            engineNo: null,
          },
          now,
        );
        return { ...row, monitorWanted: true, monitorState: 'on' as const };
      });
      const inserted = await this.dataSource.getRepository(VehicleCar).insert(rows);
      ids.push(...inserted.identifiers.map((row) => Number(row.id)));
    }
    return ids;
  }
}

function plateOf(j: number): string {
  return `浙A${String(j).padStart(5, '0')}`;
}

function group<K, V>(pairs: [K, V][]): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const [key, value] of pairs) map.set(key, [...(map.get(key) ?? []), value]);
  return map;
}
