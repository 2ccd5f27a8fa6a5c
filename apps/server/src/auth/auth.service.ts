import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { VendorApiError, VendorError } from '@banshi/vendor-clients';
import { WECHAT_ERRORS, WechatClient } from '@banshi/vendor-clients/wechat';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { UsersService } from '../users/users.service.js';
import { MERCHANT_SESSION_TTL, merchantPayload, type UserTokenPayload } from './auth-tokens.js';
import type { MerchantTokenDto, UserTokenDto } from './dto/auth.dto.js';
import { MERCHANT_AUDIT, type MerchantAuditSink } from './merchant-audit.js';
import { Merchant } from './merchant.entity.js';
import { verifyPassword } from './password.js';

/** A real scrypt hash of a random password: failed logins for unknown names cost the same time. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$x1EZzN8R0XOuZ0Qw2OC4OBGqYI4c3v2Gq3pH8wz3Rjc=';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly wechat: WechatClient,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Optional() @Inject(MERCHANT_AUDIT) private readonly audit?: MerchantAuditSink,
  ) {}

  /** `wx.login` code → WeChat `code2Session` → our user → a token. No other way in for users. */
  async loginWithWechat(code: string): Promise<UserTokenDto> {
    const session = await this.code2Session(code);
    const user = await this.users.upsertByOpenid(session.openid, session.unionid);
    const payload: UserTokenPayload = { typ: 'user', sub: user.id };
    return { token: await this.jwt.signAsync(payload, { expiresIn: '7d' }), user: await this.users.toDto(user) };
  }

  /** `ip` is for the audit log: a failed login of an existing account is recorded too. */
  async loginMerchant(username: string, password: string, ip?: string): Promise<MerchantTokenDto> {
    const merchant = await this.dataSource.getRepository(Merchant).findOneBy({ username: username.trim() });
    const passwordOk = await verifyPassword(password, merchant?.passwordHash ?? DUMMY_HASH);
    if (!merchant || !passwordOk || merchant.disabled) {
      if (merchant) {
        const reason = merchant.disabled ? 'disabled' : 'bad_password';
        await this.audit?.record({ merchant, action: 'login_failed', details: { reason }, ip });
      }
      throw AppError.unauthorized('用户名或密码错误', 'BAD_CREDENTIALS');
    }
    await this.audit?.record({ merchant, action: 'login', ip });
    return {
      token: await this.jwt.signAsync(merchantPayload(merchant), { expiresIn: MERCHANT_SESSION_TTL }),
      merchant: { id: merchant.id, username: merchant.username, role: merchant.role },
    };
  }

  private async code2Session(code: string) {
    try {
      return await this.wechat.code2Session(code);
    } catch (error) {
      if (error instanceof VendorApiError) {
        if (error.code === WECHAT_ERRORS.INVALID_CODE || error.code === WECHAT_ERRORS.CODE_USED) {
          throw AppError.unauthorized('登录凭证已失效，请重新进入小程序', 'WECHAT_CODE_INVALID');
        }
        if (error.code === WECHAT_ERRORS.RATE_LIMITED) {
          throw AppError.tooManyRequests('WECHAT_RATE_LIMITED', '登录人数较多，请稍后再试');
        }
      }
      if (error instanceof VendorError) {
        this.logger.warn({ code: (error as VendorApiError).code, vendor: error.vendor }, 'wechat login failed');
        throw AppError.vendorUnavailable('微信登录服务暂时不可用，请稍后重试');
      }
      throw error;
    }
  }
}
