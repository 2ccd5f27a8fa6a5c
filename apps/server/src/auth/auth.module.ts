import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SECRETS } from '../config/config.tokens.js';
import type { Secrets } from '../config/secrets.js';
import { UsersController } from '../users/users.controller.js';
import { PhoneBindingService } from '../users/phone-binding.service.js';
import { UsersService } from '../users/users.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { MerchantAuthGuard, UserAuthGuard } from './guards.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => ({ secret: secrets.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, PhoneBindingService, UserAuthGuard, MerchantAuthGuard],
  exports: [JwtModule, UsersService, UserAuthGuard, MerchantAuthGuard],
})
export class AuthModule {}
