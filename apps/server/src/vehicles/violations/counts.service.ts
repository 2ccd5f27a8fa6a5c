import { Injectable } from '@nestjs/common';
import { DocloudClient, type DocloudCarType } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { docloudToAppError } from '../docloud-errors.js';
import type { CarDto } from '../dto/car.dto.js';
import { VehicleCar } from '../entities/car.entity.js';
import { countsNote } from '../garage/car-view.js';
import { CityRulesService } from '../garage/city-rules.service.js';
import { GarageService } from '../garage/garage.service.js';

/** Counts change slowly and the card asks on every visit: reuse an answer for half an hour. */
const FRESH_MS = 30 * 60_000;

/** 《查询违章条数》 takes 1 large, 2 small, 15 trailer. */
const COUNT_CAR_TYPE: Record<DocloudCarType, 1 | 2 | 15> = { '01': 1, '51': 1, '02': 2, '52': 2, '15': 15 };

/**
 * Untreated violations in the car's city, the rest of its province and elsewhere, for the car card.
 * Concurrent requests for a car share one vendor call.
 */
@Injectable()
export class CountsService {
  private readonly inflight = new Map<number, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly docloud: DocloudClient,
    private readonly cities: CityRulesService,
    private readonly garage: GarageService,
  ) {}

  async refresh(userId: number, carId: number, force = false): Promise<CarDto> {
    const car = await this.garage.owned(userId, carId);
    const note = countsNote(car);
    if (note) throw AppError.unprocessable('COUNTS_UNAVAILABLE', note);
    const fresh = car.countsAt && Date.now() - car.countsAt.getTime() < FRESH_MS;
    if (!fresh || force) {
      let flight = this.inflight.get(car.id);
      if (!flight) {
        flight = this.fetch(car).finally(() => this.inflight.delete(car.id));
        this.inflight.set(car.id, flight);
      }
      await flight;
    }
    return this.garage.view(await this.garage.owned(userId, carId));
  }

  private async fetch(car: VehicleCar): Promise<void> {
    if (!(await this.cities.countsCover(car.plateNumber))) {
      throw AppError.unprocessable('COUNTS_UNAVAILABLE', `${car.city}暂不支持按地区统计违章条数`);
    }
    try {
      const counts = await this.docloud.queryCounts({
        plateNumber: car.plateNumber,
        engineNo: car.engineNo as string,
        carType: COUNT_CAR_TYPE[car.carType],
      });
      const now = new Date();
      await this.dataSource
        .getRepository(VehicleCar)
        .update({ id: car.id }, { countsJson: JSON.stringify(counts), countsAt: now, updatedAt: now });
    } catch (error) {
      throw docloudToAppError(error);
    }
  }
}
