import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { Merchant } from '../../auth/merchant.entity.js';
import { hashPassword } from '../../auth/password.js';
import { AppError } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../database/transactions.js';
import { MerchantAuditService } from '../audit/merchant-audit.service.js';
import type { CreateMerchantAccountDto, MerchantAccountDto, UpdateMerchantAccountDto } from './account.dto.js';

/** The owner's management of merchant accounts: create staff, reset a password, disable or enable. */
@Injectable()
export class MerchantAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: MerchantAuditService,
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
  ): Promise<MerchantAccountDto> {
    const account = await this.find(id);
    if (input.password === undefined && input.disabled === undefined) {
      throw AppError.badRequest('NOTHING_TO_CHANGE', '请填写新密码或选择停用/启用');
    }
    if (input.disabled === true && id === owner.id) {
      throw AppError.conflict('CANNOT_DISABLE_SELF', '不能停用自己的账号，请用另一个管理员账号操作');
    }
    const patch: Partial<Merchant> = { updatedAt: new Date() };
    if (input.password !== undefined) patch.passwordHash = await hashPassword(input.password);
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    await this.dataSource.getRepository(Merchant).update({ id }, patch);
    const changes = {
      username: account.username,
      ...(input.password !== undefined ? { passwordReset: true } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    };
    await this.audit.recordFor(owner, 'account_update', `merchant:${id}`, changes, ip);
    return toAccountDto(await this.find(id));
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
