import { Inject, Injectable } from '@nestjs/common';
import type { DocloudCarType } from '@banshi/vendor-clients/docloud';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { maskPhone } from '../../common/crypto/masking.js';
import { piiCipher } from '../../common/crypto/pii-cipher.js';
import { AppError } from '../../common/errors/app-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { GarageCar, GarageReader, ViolationStanding } from '../../common/garage/garage-reader.js';
import { Transactions } from '../../database/transactions.js';
import { User } from '../../users/user.entity.js';
import { UsersService } from '../../users/users.service.js';
import type { AddCarDto, CarDto, GarageDto, UpdateCarDto } from '../dto/car.dto.js';
import { VehicleCar } from '../entities/car.entity.js';
import { StoredViolation } from '../entities/stored-violation.entity.js';
import { checkCarType, defaultCarType, fitCarNumbers } from './car-numbers.js';
import { carryOverRecentList, checkDailyAdds, isFreshQuery } from './churn-guard.js';
import { summarise, toCarDto } from './car-view.js';
import { CityRulesService, type CityRule } from './city-rules.service.js';
import { newCarRow } from './new-car.js';
import { checkPlate, maskPlate, type PlateKind } from './plate.js';
import { Exclusive } from '../exclusive.service.js';

export const GARAGE_LIMIT = 3;

export function plateIndexOf(plate: string): string {
  return piiCipher().blindIndex(`plate:${plate}`);
}

/**
 * The user's garage: at most three cars, each checked against its city's rules before it is
 * stored (plate format, car type, the VIN / engine-number part the city asks for). It is also the
 * `GarageReader` other services (annual inspection) read cars through.
 */
@Injectable()
export class GarageService implements GarageReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly leases: Exclusive,
    private readonly cities: CityRulesService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async garage(userId: number): Promise<GarageDto> {
    const cars = await this.activeCars(userId);
    const violations = await this.violationsOf(cars.map((car) => car.id));
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    const rules = await this.cities.list().catch(() => [] as CityRule[]);
    return {
      items: cars.map((car) =>
        toCarDto(
          car,
          violations.filter((v) => v.carId === car.id),
          rules.find((r) => r.cityPrefix === car.cityPrefix),
        ),
      ),
      limit: GARAGE_LIMIT,
      phone: maskPhone(user?.phone),
    };
  }

  async view(car: VehicleCar): Promise<CarDto> {
    const rule = await this.cities.forPlate(car.plateNumber).catch(() => undefined);
    return toCarDto(car, await this.violationsOf([car.id]), rule);
  }

  /** The user's own active car, or 404: another user's car does not exist for them. */
  async owned(userId: number, carId: number, manager: EntityManager = this.dataSource.manager): Promise<VehicleCar> {
    const car = await manager.findOne(VehicleCar, { where: { id: carId, userId, removedAt: IsNull() } });
    if (!car) throw AppError.notFound('车辆不存在或已删除');
    return car;
  }

  async add(userId: number, input: AddCarDto): Promise<CarDto> {
    const plate = checkPlate(input.plateNumber);
    if (!plate.valid) throw AppError.badRequest('PLATE_INVALID', plate.message, { plateNumber: plate.message });
    const rule = await this.ruleFor(plate.plate);
    const carType = this.carTypeFor(input.carType, plate.kind, rule);
    const numbers = fitCarNumbers(input, rule);
    await this.usePhone(userId, input.phone, rule);
    const plateIndex = plateIndexOf(plate.plate);

    // One garage change at a time per user, across instances: the limit of three and the day's
    // allowance stay exact.
    const { car, violations } = await this.leases.run(`vehicles:garage:${userId}`, 15_000, 15_000, () =>
      this.transactions.run(async (manager) => {
        const cars = await manager.find(VehicleCar, { where: { userId, removedAt: IsNull() } });
        if (cars.some((c) => c.plateIndex === plateIndex)) {
          throw AppError.conflict('CAR_EXISTS', `${maskPlate(plate.plate)} 已在您的车库中，无需重复添加`);
        }
        if (cars.length >= GARAGE_LIMIT) {
          throw AppError.conflict(
            'GARAGE_FULL',
            `车库最多添加 ${GARAGE_LIMIT} 辆车，您已添加 ${cars.length} 辆；请先删除一辆后再添加`,
          );
        }
        const now = new Date();
        await checkDailyAdds(manager, userId, this.config.carAddsPerDay, now);
        const saved = await manager.save(
          manager.create(
            VehicleCar,
            newCarRow(
              {
                userId,
                plateNumber: plate.plate,
                plateIndex,
                carType,
                city: rule.city,
                province: rule.province,
                cityPrefix: rule.cityPrefix,
                vin: numbers.vin,
                engineNo: numbers.engineNo,
              },
              now,
            ),
          ),
        );
        return { car: saved, violations: await carryOverRecentList(manager, saved, this.freshSeconds, now) };
      }),
    );
    return toCarDto(car, violations, rule);
  }

  async update(userId: number, carId: number, input: UpdateCarDto): Promise<CarDto> {
    const car = await this.owned(userId, carId);
    const rule = await this.ruleFor(car.plateNumber);
    const plate = checkPlate(car.plateNumber);
    const kind: PlateKind = plate.valid ? plate.kind : 'ordinary';
    const patch: Partial<VehicleCar> = { updatedAt: new Date() };
    if (input.carType && input.carType !== car.carType) {
      checkCarType(input.carType, kind, rule);
      patch.carType = input.carType;
    }
    const numbers = fitCarNumbers(
      { vin: input.vin ?? car.vin ?? undefined, engineNo: input.engineNo ?? car.engineNo ?? undefined },
      rule,
    );
    if (numbers.vin !== car.vin || numbers.engineNo !== car.engineNo) {
      Object.assign(patch, { vin: numbers.vin, engineNo: numbers.engineNo, countsJson: null, countsAt: null });
    }
    if (input.phone) {
      await this.usePhone(userId, input.phone, rule);
      // The vendor's token belongs to a phone and a plate: a new phone gets a new one on the next query.
      patch.vendorToken = null;
    }
    // The vendor monitors with the car's details: tell it the new ones.
    if (car.monitorWanted && (patch.vin !== undefined || patch.carType)) patch.monitorState = 'pending';
    await this.dataSource.getRepository(VehicleCar).update({ id: car.id }, patch);
    return this.view(Object.assign(car, patch));
  }

  /**
   * Removes a car from the garage. Its row stays for the orders that refer to it, without the
   * numbers that are no longer needed; monitoring is switched off (the vendor is told by the
   * monitoring service). A list fresh from a query stays until the same plate is added again (it
   * is carried over then, instead of a new paid query) or another car is added.
   */
  async remove(userId: number, carId: number): Promise<VehicleCar> {
    const car = await this.owned(userId, carId);
    const now = new Date();
    const patch: Partial<VehicleCar> = {
      removedAt: now,
      updatedAt: now,
      vin: null,
      engineNo: null,
      vendorToken: null,
      driveNum: null,
      fileNum: null,
      monitorWanted: false,
      monitorState: car.monitorState === 'off' ? 'off' : 'pending',
    };
    await this.transactions.run(async (manager) => {
      await manager.update(VehicleCar, { id: car.id }, patch);
      if (car.violationsDeductSelf || !isFreshQuery(car, this.freshSeconds, now)) {
        await manager.delete(StoredViolation, { carId: car.id });
      }
    });
    return Object.assign(car, patch);
  }

  async phoneOf(userId: number): Promise<string | undefined> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    return user?.phone ?? undefined;
  }

  // GarageReader

  async listCars(userId: number): Promise<GarageCar[]> {
    return (await this.activeCars(userId)).map(toGarageCar);
  }

  async getCar(userId: number, carId: number): Promise<GarageCar | undefined> {
    const car = await this.dataSource.getRepository(VehicleCar).findOneBy({ id: carId, userId, removedAt: IsNull() });
    return car ? toGarageCar(car) : undefined;
  }

  async violationStanding(userId: number, carId: number): Promise<ViolationStanding | undefined> {
    const car = await this.dataSource.getRepository(VehicleCar).findOneBy({ id: carId, userId, removedAt: IsNull() });
    if (!car) return undefined;
    const { untreated, totalFineFen, totalPoints, queriedAt } = summarise(car, await this.violationsOf([car.id]));
    return { untreated, totalFineFen, totalPoints, queriedAt };
  }

  private get freshSeconds(): number {
    return this.config.violationQueryFreshSeconds;
  }

  private activeCars(userId: number): Promise<VehicleCar[]> {
    return this.dataSource
      .getRepository(VehicleCar)
      .find({ where: { userId, removedAt: IsNull() }, order: { id: 'ASC' } });
  }

  private async violationsOf(carIds: number[]): Promise<StoredViolation[]> {
    if (carIds.length === 0) return [];
    return this.dataSource
      .getRepository(StoredViolation)
      .find({ where: { carId: In(carIds) }, order: { occurredAt: 'DESC' } });
  }

  private async ruleFor(plate: string): Promise<CityRule> {
    const rule = await this.cities.forPlate(plate);
    if (!rule) {
      const region = plate.startsWith('使') ? '使馆' : plate.slice(0, 2);
      const message = `暂不支持${region}车辆的违章查询（该地区尚未开通），请核对车牌号`;
      throw AppError.unprocessable('CITY_NOT_OPEN', message);
    }
    return rule;
  }

  private carTypeFor(requested: DocloudCarType | undefined, kind: PlateKind, rule: CityRule): DocloudCarType {
    const carType = requested ?? defaultCarType(kind);
    checkCarType(carType, kind, rule);
    return carType;
  }

  /** Saves a new phone on the user (encrypted); refuses when the city needs one and none is known. */
  private async usePhone(userId: number, phone: string | undefined, rule: CityRule): Promise<void> {
    if (phone) {
      await this.users.setPhone(userId, phone);
      return;
    }
    if (rule.needsPhone && !(await this.phoneOf(userId))) {
      throw AppError.badRequest('PHONE_REQUIRED', `${rule.province}车辆查询违章需要车主手机号，请填写`, {
        phone: '请填写车主手机号',
      });
    }
  }
}

function toGarageCar(car: VehicleCar): GarageCar {
  return { id: car.id, userId: car.userId, plateNumber: car.plateNumber, carType: car.carType };
}
