import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/auth-tokens.js';
import { CurrentUser, UserAuthGuard } from '../auth/guards.js';
import { User } from '../users/user.entity.js';
import { SandboxPhoneCodeRequestDto, SandboxSubscribeDto } from './sandbox.dto.js';
import { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import { SandboxCodeDto, SandboxCodeRequestDto } from '../auth/dto/auth.dto.js';
import { SandboxService } from './sandbox.service.js';

/**
 * Sandbox-only routes. This controller is registered only when VENDOR_MODE=sandbox, so a live
 * server has no way to mint a login code: there is no login bypass in live mode.
 */
@ApiTags('sandbox')
@Controller('sandbox')
export class SandboxController {
  constructor(
    private readonly sandbox: SandboxService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('wechat/code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox: mint a WeChat login code, as wx.login does on a device' })
  @ApiOkResponse({ type: SandboxCodeDto })
  mintWechatCode(@Body() body: SandboxCodeRequestDto): SandboxCodeDto {
    return { code: this.sandbox.get<WechatSimulator>('wechat').mintLoginCode(body.deviceId) };
  }

  @Post('wechat/phone-code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox: the code the phone-number button gives when the user allows it' })
  @ApiOkResponse({ type: SandboxCodeDto })
  mintPhoneCode(@Body() body: SandboxPhoneCodeRequestDto): SandboxCodeDto {
    return { code: this.sandbox.get<WechatSimulator>('wechat').mintPhoneCode(body.phone) };
  }

  @Post('wechat/subscribe')
  @HttpCode(204)
  @UseGuards(UserAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Sandbox: plays WeChat's side of requestSubscribeMessage (the user ticked 允许)" })
  @ApiNoContentResponse()
  async acceptSubscription(@CurrentUser() user: AuthenticatedUser, @Body() body: SandboxSubscribeDto): Promise<void> {
    const { openid } = await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    for (const templateId of body.templateIds)
      this.sandbox.get<WechatSimulator>('wechat').subscriptions.accept(openid, templateId);
  }
}
