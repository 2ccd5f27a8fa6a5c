import { Injectable } from '@nestjs/common';
import { DocloudClient, isDocloudError } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { UsersService } from '../../users/users.service.js';
import { docloudToAppError } from '../docloud-errors.js';
import { VehicleCar } from '../entities/car.entity.js';
import { ViolationQueryService } from '../violations/violation-query.service.js';
import { GarageService } from './garage.service.js';

export const PHONE_FOR_ORDER_MESSAGE = '办理缴费需要车主手机号（服务商凭手机号和车牌受理），请填写后再提交';

/**
 * Docloud's token for a car: what orders, licence uploads and self-deduct checks need. A query
 * with the owner's phone answers it; a query without one does not (《注意事项》4), and then
 * 《获取token》 `/violation/assign/token` gets it from the phone, plate, VIN and engine number, free
 * of charge, before the first order. The phone is asked for only then.
 */
@Injectable()
export class VendorTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly docloud: DocloudClient,
    private readonly garage: GarageService,
    private readonly users: UsersService,
    private readonly queries: ViolationQueryService,
  ) {}

  /** Whether the next order of this car must ask the user for a phone first. */
  async phoneNeeded(car: VehicleCar): Promise<boolean> {
    return !car.vendorToken && !(await this.garage.phoneOf(car.userId));
  }

  /**
   * The car with its token, getting one first when it has none. `phone`, when the user gave one
   * with the request, is saved on the user (encrypted) as the garage does.
   */
  async ensure(car: VehicleCar, phone?: string): Promise<VehicleCar> {
    if (car.vendorToken) return car;
    if (phone) await this.users.setPhone(car.userId, phone);
    const known = phone ?? (await this.garage.phoneOf(car.userId));
    if (!known) throw AppError.badRequest('PHONE_REQUIRED', PHONE_FOR_ORDER_MESSAGE, { phone: '请填写车主手机号' });
    let token: string;
    try {
      token = await this.docloud.assignToken({
        phone: known,
        plateNumber: car.plateNumber,
        vin: car.vin ?? undefined,
        engineNo: car.engineNo ?? undefined,
      });
    } catch (error) {
      // 1036: this phone holds the plate already (an earlier query of ours gave the token and it
      // was let go when the phone changed back): a query with the phone answers the same token.
      if (!isDocloudError(error, '1036')) throw docloudToAppError(error);
      return this.throughQuery(car);
    }
    await this.dataSource
      .getRepository(VehicleCar)
      .update({ id: car.id }, { vendorToken: token, updatedAt: new Date() });
    return Object.assign(car, { vendorToken: token });
  }

  private async throughQuery(car: VehicleCar): Promise<VehicleCar> {
    try {
      await this.queries.refresh(car, new Date(), true);
    } catch (error) {
      throw docloudToAppError(error);
    }
    return this.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: car.id });
  }
}
