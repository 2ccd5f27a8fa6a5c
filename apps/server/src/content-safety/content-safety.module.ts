import { Module } from '@nestjs/common';
import { ContentSafetyService } from './content-safety.service.js';
import { ContentWithdrawal } from './content-withdrawal.js';
import { WechatPushController } from './wechat-push.controller.js';
import { WechatPushHandler } from './wechat-push.handler.js';

/** WeChat content security of uploaded images, and WeChat's message push that brings its verdicts. */
@Module({
  controllers: [WechatPushController],
  providers: [ContentSafetyService, ContentWithdrawal, WechatPushHandler],
})
export class ContentSafetyModule {}
