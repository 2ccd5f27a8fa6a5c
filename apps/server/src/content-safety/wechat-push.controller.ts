import { Controller, Get, Req, Res, type OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SignatureVerificationError } from '@banshi/vendor-clients';
import { verifyWechatPushEcho } from '@banshi/vendor-clients/wechat';
import type { Request, Response } from 'express';
import { CallbackRouter } from '../callbacks/callback-router.js';
import { WechatPushHandler } from './wechat-push.handler.js';

/** The message-push URL set in 小程序后台 → 开发管理 → 消息推送配置. */
@ApiExcludeController()
@Controller('callbacks/wechat')
export class WechatPushController implements OnModuleInit {
  constructor(
    private readonly router: CallbackRouter,
    private readonly handler: WechatPushHandler,
  ) {}

  /** WeChat's check when the URL is saved: answer `echostr` if the signature is ours. */
  @Get('push')
  echo(@Req() request: Request, @Res() response: Response): void {
    const url = request.originalUrl ?? request.url;
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    try {
      response.status(200).type('text/plain').send(verifyWechatPushEcho(query, this.handler.pushSettings));
    } catch (error) {
      if (!(error instanceof SignatureVerificationError)) throw error;
      response.status(401).type('text/plain').send('invalid signature');
    }
  }

  /** The pushes themselves go through the callback router, as every vendor's do. */
  onModuleInit(): void {
    this.router.mount({ path: 'wechat/push', handler: this.handler, contentType: 'text/plain' });
  }
}
