import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import type { AuthenticatedMerchant, AuthenticatedUser, TokenPayload } from './auth-tokens.js';
import { Merchant, type MerchantRole } from './merchant.entity.js';

const ROLE_LABELS: Record<MerchantRole, string> = { owner: '管理员', staff: '员工' };

type AuthedRequest = Request & { user?: AuthenticatedUser; merchant?: AuthenticatedMerchant };

function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

async function verify(jwt: JwtService, request: Request): Promise<TokenPayload | undefined> {
  const token = bearer(request);
  if (!token) return undefined;
  try {
    return await jwt.verifyAsync<TokenPayload>(token);
  } catch {
    return undefined;
  }
}

/** End-user routes: a user token, and only a user token. */
@Injectable()
export class UserAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const payload = await verify(this.jwt, request);
    if (!payload) throw AppError.unauthorized('登录已失效，请重新进入小程序');
    if (payload.typ !== 'user') throw AppError.forbidden('请使用用户账号访问');
    request.user = { id: payload.sub };
    return true;
  }
}

export const MERCHANT_ROLES = 'merchantRoles';
/** Restricts a merchant route to some roles (default: any merchant). */
export const Roles = (...roles: MerchantRole[]) => SetMetadata(MERCHANT_ROLES, roles);

/**
 * Merchant routes: a merchant token with one of the required roles. A user token is refused. The
 * account is read on every request, so that disabling an account or changing its password ends its
 * sessions at once and the role is the account's current one.
 */
@Injectable()
export class MerchantAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const payload = await verify(this.jwt, request);
    if (!payload) throw AppError.unauthorized('商户登录已失效，请重新登录');
    if (payload.typ !== 'merchant') throw AppError.forbidden('该功能仅限商户使用');
    const account = await this.dataSource
      .getRepository(Merchant)
      .findOne({ where: { id: payload.sub }, select: { id: true, role: true, disabled: true, sessionVersion: true } });
    if (!account || account.disabled)
      throw AppError.unauthorized('该商户账号已停用，请联系管理员', 'MERCHANT_DISABLED');
    // A password change raises the version: every session opened before it ends here.
    if (payload.ver !== account.sessionVersion) {
      throw AppError.unauthorized('账号密码已修改，请用新密码重新登录', 'SESSION_ENDED');
    }
    const roles = this.reflector.getAllAndOverride<MerchantRole[] | undefined>(MERCHANT_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles?.length && !roles.includes(account.role)) {
      const allowed = roles.map((role) => ROLE_LABELS[role]).join('或');
      throw AppError.forbidden(`此操作仅限${allowed}账号，请联系管理员`, 'ROLE_FORBIDDEN');
    }
    request.merchant = { id: account.id, role: account.role };
    return true;
  }
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<AuthedRequest>().user!,
);

export const CurrentMerchant = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedMerchant =>
    context.switchToHttp().getRequest<AuthedRequest>().merchant!,
);

/** Resolves a file request's viewer from an optional bearer token (user or merchant). */
export async function optionalViewer(jwt: JwtService, request: Request): Promise<TokenPayload | undefined> {
  return verify(jwt, request);
}
