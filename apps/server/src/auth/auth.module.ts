import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SECRETS } from '../config/config.tokens.js';
import type { Secrets } from '../config/secrets.js';
import { UsersService } from '../users/users.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { MerchantAuthGuard, UserAuthGuard } from './guards.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTH_ENTITIES } from './auth.entities.js';
import { USERS_ENTITIES } from '../users/users.entities.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([...AUTH_ENTITIES, ...USERS_ENTITIES]),
    JwtModule.registerAsync({
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => ({ secret: secrets.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, UsersService, UserAuthGuard, MerchantAuthGuard],
  exports: [JwtModule, UsersService, UserAuthGuard, MerchantAuthGuard],
})
export class AuthModule {}
