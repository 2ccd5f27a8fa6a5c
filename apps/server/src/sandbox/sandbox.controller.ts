import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WechatSimulator } from '@banshi/vendor-clients/wechat';
import { SandboxCodeDto, SandboxCodeRequestDto } from '../auth/dto/auth.dto.js';
import { SandboxService } from './sandbox.service.js';

/**
 * Sandbox-only routes. This controller is registered only when VENDOR_MODE=sandbox, so a live
 * server has no way to mint a login code: there is no login bypass in live mode.
 */
@ApiTags('sandbox')
@Controller('sandbox')
export class SandboxController {
  constructor(private readonly sandbox: SandboxService) {}

  @Post('wechat/code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox: mint a WeChat login code, as wx.login does on a device' })
  @ApiOkResponse({ type: SandboxCodeDto })
  mintWechatCode(@Body() body: SandboxCodeRequestDto): SandboxCodeDto {
    return { code: this.sandbox.get<WechatSimulator>('wechat').mintLoginCode(body.deviceId) };
  }
}
