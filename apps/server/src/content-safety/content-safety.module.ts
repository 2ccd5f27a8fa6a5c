import { Module } from '@nestjs/common';
import { ContentSafetyService } from './content-safety.service.js';
import { ContentWithdrawal } from './content-withdrawal.js';
import { WechatPushController } from './wechat-push.controller.js';
import { WechatPushHandler } from './wechat-push.handler.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONTENT_SAFETY_ENTITIES } from './content-safety.entities.js';

/** WeChat content security of uploaded images, and WeChat's message push that brings its verdicts. */
@Module({
  imports: [TypeOrmModule.forFeature(CONTENT_SAFETY_ENTITIES)],
  controllers: [WechatPushController],
  providers: [ContentSafetyService, ContentWithdrawal, WechatPushHandler],
})
export class ContentSafetyModule {}
