import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { isDocloudError, type InspectionPreOrder } from '@banshi/vendor-clients/docloud';
import { DataSource, In } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { GARAGE_READER, type GarageCar, type GarageReader } from '../common/garage/garage-reader.js';
import { LeaseService } from '../common/locks/lease.service.js';
import { Order } from '../orders/order.entity.js';
import type { InspectionCarDto, PreOrderDto, SaveInspectionCarDto } from './dto/car.dto.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import { InspectionVehicle } from './entities/inspection-vehicle.entity.js';
import { checkExemption, isCalendarDate, STATION_NOT_SUPPORTED, type ExemptionResult } from './exemption.js';
import type { PreOrderSnapshot } from './inspection-types.js';
import { checkViolations, type ViolationCheck } from './violation-check.js';
import { InspectionVendor, SERVICE_NAME } from './inspection-vendor.service.js';
import { maskPlate, materialView } from './inspection-views.js';

const OPEN_STATUSES = ['pending', 'processing', 'action_required'] as const;

export const exemptionView = (result: ExemptionResult) => ({ ...result, stationNotice: STATION_NOT_SUPPORTED });

/**
 * The garage's cars with what annual inspection knows of them: their model and facts (filled in
 * here), whether they qualify for 免检, and their binding at Docloud (《绑定用户车辆》). The garage is
 * read through `GARAGE_READER`, which the vehicles service provides; this module never imports it.
 */
@Injectable()
export class InspectionCars {
  private readonly logger = new Logger(InspectionCars.name);

  constructor(
    @Optional() @Inject(GARAGE_READER) private readonly garage: GarageReader | null,
    private readonly vendor: InspectionVendor,
    private readonly leases: LeaseService,
    private readonly dataSource: DataSource,
  ) {}

  async list(userId: number): Promise<InspectionCarDto[]> {
    const cars = await this.requireGarage().listCars(userId);
    if (cars.length === 0) return [];
    const ids = cars.map((car) => car.id);
    const vehicles = await this.dataSource.getRepository(InspectionVehicle).findBy({ userId, garageCarId: In(ids) });
    const open = await this.openOrders(userId, ids);
    const byCar = new Map(vehicles.map((vehicle) => [vehicle.garageCarId, vehicle]));
    return cars.map((car) => this.view(car, byCar.get(car.id) ?? null, open.get(car.id) ?? null));
  }

  async get(userId: number, garageCarId: number): Promise<InspectionCarDto> {
    const car = await this.car(userId, garageCarId);
    const open = await this.openOrders(userId, [car.id]);
    return this.view(car, await this.vehicleOf(userId, car.id), open.get(car.id) ?? null);
  }

  /** The user's car from the garage, or 404. */
  async car(userId: number, garageCarId: number): Promise<GarageCar> {
    const car = await this.requireGarage().getCar(userId, garageCarId);
    if (!car || car.userId !== userId) throw AppError.notFound('找不到该车辆，请先在车辆页添加车辆', 'CAR_NOT_FOUND');
    return car;
  }

  vehicleOf(userId: number, garageCarId: number): Promise<InspectionVehicle | null> {
    return this.dataSource.getRepository(InspectionVehicle).findOneBy({ userId, garageCarId });
  }

  /**
   * Saves the car's facts; a car that qualifies for 免检 is bound at the vendor (or its binding
   * replaced, keeping Docloud's carId). One save per car at a time, across server instances.
   */
  async save(userId: number, garageCarId: number, input: SaveInspectionCarDto): Promise<InspectionCarDto> {
    const car = await this.car(userId, garageCarId);
    if (!isCalendarDate(input.registerDate) || new Date(`${input.registerDate}T00:00:00+08:00`) > new Date()) {
      throw AppError.badRequest('VALIDATION', '注册日期无效，请按行驶证上的注册日期选择', {
        registerDate: '注册日期无效',
      });
    }
    const names = await this.modelNames(userId, input);
    await this.leases.runExclusive(`inspection:car:${userId}:${car.id}`, 60_000, 30_000, async () => {
      const repo = this.dataSource.getRepository(InspectionVehicle);
      const now = new Date();
      const existing = await this.vehicleOf(userId, car.id);
      const vehicle =
        existing ?? repo.create({ userId, garageCarId: car.id, vendorCarId: null, createdAt: now, preOrder: null });
      Object.assign(vehicle, {
        ...names,
        plateNumber: car.plateNumber,
        brandId: input.brandId,
        seriesId: input.seriesId,
        modelId: input.modelId,
        registerDate: input.registerDate,
        carSeats: input.carSeats,
        useFor: input.useFor,
        operationType: input.operationType,
        accidentCar: input.isAccidentCar,
        preOrder: null,
        preOrderAt: null,
        updatedAt: now,
      });
      // A car that does not qualify is not bound: the vendor has nothing to offer it.
      if (checkExemption(this.facts(vehicle)).eligible) vehicle.vendorCarId = await this.bind(userId, vehicle);
      await repo.save(vehicle);
    });
    return this.get(userId, car.id);
  }

  /**
   * 《免检待确认订单》 for a bound car that (still) qualifies: price, city and the materials to send,
   * kept as the quote an order is placed with.
   */
  async preOrder(userId: number, garageCarId: number): Promise<PreOrderDto> {
    const car = await this.car(userId, garageCarId);
    const vehicle = await this.requireEligibleVehicle(userId, car);
    const snapshot = await this.quote(userId, car, vehicle);
    return {
      garageCarId: car.id,
      plateNumber: maskPlate(car.plateNumber),
      priceFen: snapshot.priceFen,
      inspectionCityName: snapshot.inspectionCityName,
      registerCityName: snapshot.registerCityName,
      useFor: vehicle.useFor,
      materials: snapshot.materials,
      quotedAt: (vehicle.preOrderAt ?? new Date()).toISOString(),
      violations: await this.violations(userId, car.id),
    };
  }

  /** The car's violations as last queried: an order for a car with untreated ones is refused. */
  async violations(userId: number, garageCarId: number): Promise<ViolationCheck> {
    const standing = await this.requireGarage().violationStanding(userId, garageCarId);
    if (!standing) throw AppError.notFound('找不到该车辆，请先在车辆页添加车辆', 'CAR_NOT_FOUND');
    return checkViolations(standing);
  }

  /** Asks the vendor for a fresh quote and keeps it on the vehicle. */
  async quote(userId: number, car: GarageCar, vehicle: InspectionVehicle): Promise<PreOrderSnapshot> {
    if (vehicle.plateNumber !== car.plateNumber || !vehicle.vendorCarId) {
      // The plate was edited in the garage (or never bound): bind again before quoting.
      vehicle.plateNumber = car.plateNumber;
      vehicle.vendorCarId = await this.bind(userId, vehicle);
    }
    const carId = vehicle.vendorCarId;
    let pre: InspectionPreOrder;
    try {
      pre = await this.vendor.raw(userId, (token) => this.vendor.client.getPreOrder({ carId }, token));
    } catch (error) {
      if (isDocloudError(error, '1031')) {
        throw AppError.vendorRefused('CITY_NOT_OPEN', '该车辆注册地暂未开通年检代办，请前往当地车管所或检测站办理');
      }
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
    const snapshot: PreOrderSnapshot = {
      vendorCarId: pre.carId,
      priceFen: pre.totalPriceFen,
      inspectionCityId: pre.inspectionCityId,
      inspectionCityName: pre.inspectionCityName,
      registerCityName: pre.carRegisterCityName,
      shopId: pre.inspectionShopId,
      materials: pre.materials.map(materialView),
    };
    const now = new Date();
    Object.assign(vehicle, { preOrder: snapshot, preOrderAt: now, updatedAt: now });
    await this.dataSource.getRepository(InspectionVehicle).save(vehicle);
    return snapshot;
  }

  /** The vehicle of a car whose facts are filled in and qualify today (a car ages out of 免检). */
  async requireEligibleVehicle(userId: number, car: GarageCar): Promise<InspectionVehicle> {
    const vehicle = await this.vehicleOf(userId, car.id);
    if (!vehicle) throw AppError.conflict('CAR_PROFILE_MISSING', '请先填写车辆信息（品牌车型、注册日期等）');
    const exemption = checkExemption(this.facts(vehicle));
    if (!exemption.eligible) throw AppError.unprocessable('NOT_EXEMPT', exemption.summary);
    return vehicle;
  }

  private async bind(userId: number, vehicle: InspectionVehicle): Promise<string> {
    const input = {
      brandId: vehicle.brandId,
      seriesId: vehicle.seriesId,
      modelId: vehicle.modelId,
      carNum: vehicle.plateNumber,
      registerDate: vehicle.registerDate,
      carSeats: vehicle.carSeats,
      useFor: vehicle.useFor,
      inspectionVehicleType: vehicle.carSeats <= 6 ? (1 as const) : (10 as const),
      operationType: vehicle.operationType,
      isAccidentCar: vehicle.accidentCar,
    };
    const replace = (carId?: string) =>
      this.vendor.raw(userId, (token) => this.vendor.client.replaceVehicle({ ...input, carId }, token));
    try {
      if (!vehicle.vendorCarId) return await replace();
      try {
        return await replace(vehicle.vendorCarId);
      } catch (error) {
        // The vendor no longer knows our carId (1001 车辆不存在): bind the car afresh.
        if (!isDocloudError(error, '1001')) throw error;
        this.logger.warn(`docloud forgot car ${vehicle.vendorCarId} of user ${userId}; binding it again`);
        return await replace();
      }
    } catch (error) {
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
  }

  /** Names of the chosen brand, series and model, checked against the vendor's lists. */
  private async modelNames(userId: number, input: SaveInspectionCarDto) {
    const brand = (await this.vendor.brands(userId)).find((b) => b.brandId === input.brandId);
    const series =
      brand && (await this.vendor.series(userId, brand.brandId)).find((s) => s.seriesId === input.seriesId);
    const model =
      series && (await this.vendor.models(userId, series.seriesId)).find((m) => m.modelId === input.modelId);
    if (!brand || !series || !model) {
      throw AppError.badRequest('VALIDATION', '所选车型不存在，请重新选择品牌、车系和车型', {
        modelId: '请重新选择车型',
      });
    }
    return { brandName: brand.brandName, seriesName: series.seriesName, modelName: model.modelName };
  }

  private facts(vehicle: InspectionVehicle) {
    return {
      carSeats: vehicle.carSeats,
      operationType: vehicle.operationType,
      isAccidentCar: vehicle.accidentCar,
      registerDate: vehicle.registerDate,
    };
  }

  private view(car: GarageCar, vehicle: InspectionVehicle | null, openOrderId: number | null): InspectionCarDto {
    return {
      garageCarId: car.id,
      plateNumber: maskPlate(car.plateNumber),
      profile: vehicle
        ? {
            brandId: vehicle.brandId,
            brandName: vehicle.brandName,
            seriesId: vehicle.seriesId,
            seriesName: vehicle.seriesName,
            modelId: vehicle.modelId,
            modelName: vehicle.modelName,
            registerDate: vehicle.registerDate,
            carSeats: vehicle.carSeats,
            useFor: vehicle.useFor,
            operationType: vehicle.operationType,
            isAccidentCar: vehicle.accidentCar,
          }
        : null,
      exemption: vehicle ? exemptionView(checkExemption(this.facts(vehicle))) : null,
      bound: Boolean(vehicle?.vendorCarId) && vehicle?.plateNumber === car.plateNumber,
      openOrderId,
    };
  }

  /** Inspection orders still under way, by garage car. */
  async openOrders(userId: number, garageCarIds: number[]): Promise<Map<number, number>> {
    if (garageCarIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(InspectionOrderDetail)
      .createQueryBuilder('d')
      .innerJoin(Order, 'o', 'o.id = d.order_id')
      .select(['d.garage_car_id AS car', 'd.order_id AS orderId'])
      .where('d.user_id = :userId', { userId })
      .andWhere('d.garage_car_id IN (:...ids)', { ids: garageCarIds })
      .andWhere('o.status IN (:...open)', { open: [...OPEN_STATUSES] })
      .getRawMany<{ car: number; orderId: number }>();
    return new Map(rows.map((row) => [Number(row.car), Number(row.orderId)]));
  }

  private requireGarage(): GarageReader {
    if (!this.garage) throw AppError.conflict('GARAGE_UNAVAILABLE', '请先在车辆页添加车辆');
    return this.garage;
  }
}
