import { Module } from '@nestjs/common';
import { PhoneBindingService } from '../users/phone-binding.service.js';
import { UsersController } from './users.controller.js';

/**
 * The signed-in user's own account (`/me`: profile, bound phone). Its own folder because it needs
 * both `auth/` (the guard) and `users/` (the records), and `auth/` already depends on `users/`.
 */
@Module({ controllers: [UsersController], providers: [PhoneBindingService] })
export class AccountModule {}
