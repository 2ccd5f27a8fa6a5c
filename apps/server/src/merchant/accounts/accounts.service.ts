import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { MERCHANT_SESSION_TTL, merchantPayload, type AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { Merchant } from '../../auth/merchant.entity.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { AppError } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../database/transactions.js';
import { MerchantAuditService } from '../audit/merchant-audit.service.js';
import type {
  CreateMerchantAccountDto,
  MerchantAccountDto,
  UpdateMerchantAccountDto,
  UpdatedMerchantAccountDto,
} from './account.dto.js';

/** The owner's management of merchant accounts: create staff, reset a password, disable or enable. */
@Injectable()
export class MerchantAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: MerchantAuditService,
    private readonly jwt: JwtService,
  ) {}

  async list(): Promise<MerchantAccountDto[]> {
    const rows = await this.dataSource.getRepository(Merchant).find({ order: { id: 'ASC' } });
    return rows.map(toAccountDto);
  }

  async profile(merchant: AuthenticatedMerchant): Promise<MerchantAccountDto> {
    return toAccountDto(await this.find(merchant.id));
  }

  async createStaff(
    owner: AuthenticatedMerchant,
    input: CreateMerchantAccountDto,
    ip: string,
  ): Promise<MerchantAccountDto> {
    const repository = this.dataSource.getRepository(Merchant);
    const username = input.username.trim();
    if (await repository.existsBy({ username })) throw taken();
    const now = new Date();
    let id: number;
    try {
      const inserted = await repository.insert({
        username,
        passwordHash: await hashPassword(input.password),
        role: 'staff',
        disabled: false,
        createdAt: now,
        updatedAt: now,
      });
      id = Number(inserted.identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
    await this.audit.recordFor(owner, 'account_create', `merchant:${id}`, { username, role: 'staff' }, ip);
    return toAccountDto(await this.find(id));
  }

  async update(
    owner: AuthenticatedMerchant,
    id: number,
    input: UpdateMerchantAccountDto,
    ip: string,
  ): Promise<UpdatedMerchantAccountDto> {
    const account = await this.find(id);
    if (input.password === undefined && input.disabled === undefined) {
      throw AppError.badRequest('NOTHING_TO_CHANGE', '请填写新密码或选择停用/启用');
    }
    const self = id === owner.id;
    if (input.disabled === true && self) {
      throw AppError.conflict('CANNOT_DISABLE_SELF', '不能停用自己的账号，请用另一个管理员账号操作');
    }
    // A stolen session must not be enough to take the account for good.
    if (input.password !== undefined && self) await this.checkCurrentPassword(owner, account, input, ip);
    const patch: Partial<Merchant> = { updatedAt: new Date() };
    if (input.password !== undefined) {
      patch.passwordHash = await hashPassword(input.password);
      patch.sessionVersion = account.sessionVersion + 1;
    }
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    await this.dataSource.getRepository(Merchant).update({ id }, patch);
    const changes = {
      username: account.username,
      ...(input.password !== undefined ? { passwordReset: true } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    };
    await this.audit.recordFor(owner, 'account_update', `merchant:${id}`, changes, ip);
    const updated = await this.find(id);
    if (!self || input.password === undefined) return toAccountDto(updated);
    // The caller's own session goes on under the new version; every other one has ended.
    const token = await this.jwt.signAsync(merchantPayload(updated), { expiresIn: MERCHANT_SESSION_TTL });
    return { ...toAccountDto(updated), token };
  }

  private async checkCurrentPassword(
    owner: AuthenticatedMerchant,
    account: Merchant,
    input: UpdateMerchantAccountDto,
    ip: string,
  ): Promise<void> {
    if (!input.currentPassword) {
      throw AppError.badRequest('CURRENT_PASSWORD_REQUIRED', '修改自己的密码需要先填写当前密码');
    }
    if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
      const details = { username: account.username, reason: 'wrong_current_password' };
      await this.audit.recordFor(owner, 'password_change_failed', `merchant:${account.id}`, details, ip);
      throw AppError.badRequest('WRONG_CURRENT_PASSWORD', '当前密码不正确，请重新输入');
    }
  }

  private async find(id: number): Promise<Merchant> {
    const account = await this.dataSource.getRepository(Merchant).findOneBy({ id });
    if (!account) throw AppError.notFound('账号不存在');
    return account;
  }
}

function taken(): AppError {
  return AppError.conflict('USERNAME_TAKEN', '该账号名已被使用，请换一个');
}

function toAccountDto(row: Merchant): MerchantAccountDto {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: Boolean(row.disabled),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
