import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { maskPhone } from '../common/crypto/masking.js';
import { piiCipher } from '../common/crypto/pii-cipher.js';
import { AppError } from '../common/errors/app-error.js';
import type { MeDto } from './dto/me.dto.js';
import { User } from './user.entity.js';
import { VERIFICATION_STATUS, type VerificationStatusSource } from './verification-status.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(VERIFICATION_STATUS) private readonly verification?: VerificationStatusSource,
  ) {}

  /** Finds or creates the user of an openid; two concurrent first logins end with one row. */
  async upsertByOpenid(openid: string, unionid?: string): Promise<User> {
    const repository = this.dataSource.getRepository(User);
    const existing = await repository.findOneBy({ openid });
    if (existing) return existing;
    const now = new Date();
    try {
      return await repository.save(
        repository.create({
          openid,
          unionid: unionid ?? null,
          // WeChat no longer gives nicknames; it shows 微信用户 itself. A piece of the openid would be an id on screen.
          nickname: '微信用户',
          createdAt: now,
          updatedAt: now,
        }),
      );
    } catch (error) {
      if (error instanceof QueryFailedError) {
        const raced = await repository.findOneBy({ openid });
        if (raced) return raced;
      }
      throw error;
    }
  }

  async setPhone(userId: number, phone: string): Promise<void> {
    const normalised = phone.replace(/\D/g, '');
    await this.dataSource.getRepository(User).update(userId, {
      phone: normalised,
      phoneIndex: piiCipher().blindIndex(normalised),
      phoneLast4: normalised.slice(-4),
      updatedAt: new Date(),
    });
  }

  async me(userId: number): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw AppError.unauthorized('账号不存在，请重新进入小程序');
    return this.toDto(user);
  }

  async toDto(user: User): Promise<MeDto> {
    return {
      id: user.id,
      nickname: user.nickname,
      phone: maskPhone(user.phone),
      verified: (await this.verification?.isVerified(user.id)) ?? false,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
