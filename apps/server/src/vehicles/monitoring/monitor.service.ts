import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  DocloudClient,
  DOCLOUD_MONITOR_BATCH_LIMIT,
  type MonitoredCarInput,
  type MonitoredCarRef,
} from '@banshi/vendor-clients/docloud';
import { VendorError } from '@banshi/vendor-clients';
import { DataSource, In, IsNull } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { JobScheduler } from '../../common/locks/job-scheduler.service.js';
import { docloudToAppError } from '../docloud-errors.js';
import type { CarDto } from '../dto/car.dto.js';
import { VehicleCar, type MonitorState } from '../entities/car.entity.js';
import { GarageService } from '../garage/garage.service.js';
import { Exclusive } from '../exclusive.service.js';

export const MONITOR_SYNC_JOB = 'vehicles-monitor-sync';

interface PlateChange {
  plateIndex: string;
  /** Some active car with this plate wants monitoring: the vendor should watch it. */
  wanted: boolean;
  /** The car whose details go to the vendor (or whose plate is removed). */
  car: VehicleCar;
  cars: VehicleCar[];
}

/**
 * The monitoring switch of each car. The vendor watches plates, and two users may hold the same
 * car: a plate is watched while any active car with it wants monitoring. A switch is stored as
 * `pending` and passed to the vendor at once when possible; the sync job passes what is still
 * pending in batches of at most 50 (《批量添加或覆盖监控车辆》), on one instance at a time.
 */
@Injectable()
export class MonitorService implements OnModuleInit {
  private readonly logger = new Logger(MonitorService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly docloud: DocloudClient,
    private readonly garage: GarageService,
    private readonly leases: Exclusive,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: MONITOR_SYNC_JOB, intervalMs: 5 * 60_000, run: () => this.syncPending() });
  }

  async setSwitch(userId: number, carId: number, enabled: boolean): Promise<CarDto> {
    const car = await this.garage.owned(userId, carId);
    if (enabled && (!car.vin || !car.engineNo)) {
      throw AppError.unprocessable(
        'MONITOR_UNAVAILABLE',
        `违章监控需要车架号和发动机号，${car.city}车辆登记时无需填写其中一项，暂不支持开启监控`,
      );
    }
    const patch = { monitorWanted: enabled, monitorState: 'pending' as MonitorState, monitorMessage: null };
    await this.dataSource.getRepository(VehicleCar).update({ id: car.id }, { ...patch, updatedAt: new Date() });
    await this.syncSoon(car.plateIndex);
    return this.garage.view(await this.garage.owned(userId, carId));
  }

  /** Tells the vendor about a plate's switches now if no one else is; otherwise the job will. */
  async syncSoon(plateIndex: string): Promise<void> {
    await this.leases
      .runIfFree(`vehicles:monitor:${plateIndex}`, 30_000, () => this.syncPlates([plateIndex], false))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'monitor switch left for the sync job'));
  }

  /** Passes every pending switch to the vendor, in batches. */
  async syncPending(): Promise<void> {
    const pending = await this.dataSource
      .getRepository(VehicleCar)
      .find({ where: { monitorState: 'pending' }, select: { plateIndex: true }, take: 2000 });
    const plates = [...new Set(pending.map((car) => car.plateIndex))];
    for (let i = 0; i < plates.length; i += DOCLOUD_MONITOR_BATCH_LIMIT) {
      await this.syncPlates(plates.slice(i, i + DOCLOUD_MONITOR_BATCH_LIMIT), true);
    }
  }

  private async syncPlates(plateIndexes: string[], batched: boolean): Promise<void> {
    const changes = await this.changesFor(plateIndexes);
    const adds = changes.filter((c) => c.wanted);
    const removes = changes.filter((c) => !c.wanted);
    if (adds.length) {
      await this.send(adds, (list) =>
        list.length === 1 && !batched
          ? this.docloud.addMonitoredCar(toInput(list[0].car))
          : this.docloud.addMonitoredCars(list.map((c) => toInput(c.car))),
      );
    }
    if (removes.length) {
      await this.send(removes, (list) =>
        list.length === 1 && !batched
          ? this.docloud.removeMonitoredCar(toRef(list[0].car))
          : this.docloud.removeMonitoredCars(list.map((c) => toRef(c.car))),
      );
    }
  }

  /**
   * Sends one call for the whole list. The vendor takes a batch entirely or not at all, so when it
   * refuses one, each car is tried alone to find which: the others go through, the refused one is
   * marked failed with the vendor's reason. A vendor that is down leaves everything pending.
   */
  private async send(list: PlateChange[], call: (list: PlateChange[]) => Promise<boolean>): Promise<void> {
    try {
      await call(list);
      await this.settle(list, null);
    } catch (error) {
      if (error instanceof VendorError && error.retryable) {
        this.logger.warn({ err: error, cars: list.length }, 'monitor sync postponed: vendor unavailable');
        return;
      }
      if (list.length === 1) return this.settle(list, error);
      for (const change of list) await this.send([change], call);
    }
  }

  private async settle(list: PlateChange[], error: unknown): Promise<void> {
    const message = error ? (docloudToAppError(error).getResponse() as { message: string }).message : null;
    const repository = this.dataSource.getRepository(VehicleCar);
    for (const change of list) {
      for (const car of change.cars) {
        // Only what was pending when read: a switch flipped meanwhile stays pending for the next round.
        const state: MonitorState = error ? (car.monitorWanted ? 'failed' : 'off') : car.monitorWanted ? 'on' : 'off';
        await repository.update(
          { id: car.id, monitorState: 'pending', monitorWanted: car.monitorWanted },
          { monitorState: state, monitorMessage: error && car.monitorWanted ? message : null, updatedAt: new Date() },
        );
      }
    }
  }

  private async changesFor(plateIndexes: string[]): Promise<PlateChange[]> {
    if (plateIndexes.length === 0) return [];
    const cars = await this.dataSource.getRepository(VehicleCar).find({ where: { plateIndex: In(plateIndexes) } });
    return plateIndexes.flatMap((plateIndex) => {
      const all = cars.filter((c) => c.plateIndex === plateIndex);
      const wanting = all.filter((c) => c.removedAt === null && c.monitorWanted && c.vin && c.engineNo);
      const pending = all.filter((c) => c.monitorState === 'pending');
      if (pending.length === 0) return [];
      const car = wanting.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0] ?? pending[0];
      return [{ plateIndex, wanted: wanting.length > 0, car, cars: pending }];
    });
  }

  /** Active cars of a plate whose owners want monitoring (for callbacks). */
  watchersOf(plateIndex: string): Promise<VehicleCar[]> {
    return this.dataSource
      .getRepository(VehicleCar)
      .find({ where: { plateIndex, removedAt: IsNull(), monitorWanted: true } });
  }
}

function toInput(car: VehicleCar): MonitoredCarInput {
  return {
    plateNumber: car.plateNumber,
    carType: car.carType,
    vin: car.vin ?? '',
    engineNo: car.engineNo ?? '',
  };
}

function toRef(car: VehicleCar): MonitoredCarRef {
  return { plateNumber: car.plateNumber, carType: car.carType };
}
