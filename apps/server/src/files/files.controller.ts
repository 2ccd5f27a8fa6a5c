import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { optionalViewer } from '../auth/guards.js';
import { AppError } from '../common/errors/app-error.js';
import { StoredObjectMissing } from '../common/storage/storage-driver.js';
import { StorageService } from '../common/storage/storage.service.js';

/**
 * Serves stored files to their owner or a merchant only: either with a signed URL (for `<image>`
 * tags, which send no header) or with the owner's or a merchant's bearer token.
 */
@ApiExcludeController()
@Controller('files')
export class FilesController {
  constructor(
    private readonly storage: StorageService,
    private readonly jwt: JwtService,
  ) {}

  @Get(':id')
  async serve(
    @Param('id') id: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = /^[0-9a-f-]{36}$/.test(id) ? await this.storage.find(id) : null;
    // A file past its deletion time (ended retention, or withdrawn) is gone for viewers at once,
    // even before the retention job removes its bytes.
    if (!file || (file.deleteAfter && file.deleteAfter.getTime() <= Date.now())) {
      throw AppError.notFound('文件不存在或已过期删除');
    }
    const signed = exp && sig ? this.storage.verifySignature(id, Number(exp), sig) : false;
    if (!signed) {
      const viewer = await optionalViewer(this.jwt, request);
      const allowed = viewer?.typ === 'merchant' || (viewer?.typ === 'user' && viewer.sub === file.ownerUserId);
      if (!allowed) throw AppError.notFound('文件不存在或链接已过期');
    }
    const body = await this.storage.read(file).catch((error: unknown) => {
      if (error instanceof StoredObjectMissing) throw AppError.notFound('文件不存在或已过期删除');
      throw error;
    });
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Cache-Control', 'private, max-age=300');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.send(body);
  }
}
