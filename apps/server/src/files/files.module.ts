import { Module } from '@nestjs/common';
import { FilesController } from './files.controller.js';

/**
 * The `/files` route: stored files served to their owner or a merchant. Its own folder because it
 * needs `auth/` (who is asking) while `common/` storage, which `auth/` uses, must not.
 */
@Module({ controllers: [FilesController] })
export class FilesModule {}
