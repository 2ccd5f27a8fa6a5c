import { Injectable } from '@nestjs/common';
import { DocloudClient, type DocloudViolationResult } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { Transactions } from '../../database/transactions.js';
import { docloudToAppError } from '../docloud-errors.js';
import type { ManualQuoteDto, ViolationListDto } from '../dto/violation.dto.js';
import { UsersService } from '../../users/users.service.js';
import { GarageService } from '../garage/garage.service.js';
import { toViolationList } from './violation-view.js';
import { addQuoted, storedViolations } from './violation-store.js';

/**
 * 直通车: the user types in a violation from a ticket the query does not show, and the vendor
 * prices it (《直通车查询报价》). The priced ones join the car's list and can be ordered like the rest.
 */
@Injectable()
export class DirectQuoteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly docloud: DocloudClient,
    private readonly garage: GarageService,
    private readonly users: UsersService,
  ) {}

  async quote(userId: number, carId: number, input: ManualQuoteDto): Promise<ViolationListDto> {
    const { items } = input;
    const car = await this.garage.owned(userId, carId);
    if (input.phone) await this.users.setPhone(userId, input.phone);
    const phone = input.phone ?? (await this.garage.phoneOf(userId));
    if (!phone) {
      throw AppError.badRequest('PHONE_REQUIRED', '报价需要车主手机号，请填写手机号后再提交', {
        phone: '请填写车主手机号',
      });
    }
    let result: DocloudViolationResult;
    try {
      result = await this.docloud.quotePrice({
        plateNumber: car.plateNumber,
        carType: car.carType,
        vin: car.vin ?? undefined,
        engineNo: car.engineNo ?? undefined,
        phone,
        items: items.map((item) => ({
          violationCity: item.city.trim(),
          violationTime: item.time.length === 16 ? `${item.time}:00` : item.time,
          violationLocation: item.location.trim(),
          violationCode: item.lawCode.trim(),
          violationFineFen: item.fineYuan * 100,
          violationMark: item.points,
          violationNum: item.ticketNo,
          violationReason: item.reason.trim(),
        })),
      });
    } catch (error) {
      throw docloudToAppError(error);
    }
    await this.transactions.run((manager) => addQuoted(manager, car, result, new Date()));
    const codes = new Set(result.violations.map((v) => v.code));
    const stored = await storedViolations(this.dataSource.manager, car.id);
    return toViolationList(
      car,
      stored.filter((v) => codes.has(v.code)),
    );
  }
}
