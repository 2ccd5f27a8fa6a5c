import { Injectable, Logger } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import { WECHAT_ERRORS, WechatClient } from '@banshi/vendor-clients/wechat';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import type { MeDto } from './dto/me.dto.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/**
 * 我的 → 绑定手机号: the code of WeChat's phone-number button is exchanged on the server for the
 * number WeChat holds (never typed, never sent by the app), stored encrypted with its blind index.
 */
@Injectable()
export class PhoneBindingService {
  private readonly logger = new Logger(PhoneBindingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly users: UsersService,
  ) {}

  async bind(userId: number, code: string): Promise<MeDto> {
    let phone: string;
    try {
      const info = await this.wechat.getPhoneNumber(code);
      if (info.countryCode !== '86') {
        throw AppError.badRequest('PHONE_NOT_MAINLAND', '暂只支持中国大陆手机号，请在微信中更换绑定的手机号后重试');
      }
      phone = info.purePhoneNumber;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof VendorApiError && error.code === WECHAT_ERRORS.INVALID_CODE) {
        throw AppError.badRequest('PHONE_CODE_INVALID', '手机号授权已过期，请重新点击获取手机号');
      }
      this.logger.warn({ err: error }, 'getPhoneNumber failed');
      throw AppError.vendorUnavailable('微信暂时无法获取手机号，请稍后再试');
    }
    await this.users.setPhone(userId, phone);
    return this.users.me(userId);
  }

  /** The owner's own number, in full, for prefilling a form they are filling in. */
  async myPhone(userId: number): Promise<string | null> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, select: { id: true, phone: true } });
    return user?.phone ?? null;
  }
}
