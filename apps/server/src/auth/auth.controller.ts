import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service.js';
import { MerchantLoginDto, MerchantTokenDto, UserTokenDto, WechatLoginDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/wechat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with a wx.login code' })
  @ApiOkResponse({ type: UserTokenDto })
  loginWithWechat(@Body() body: WechatLoginDto): Promise<UserTokenDto> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('merchant/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merchant login with username and password' })
  @ApiOkResponse({ type: MerchantTokenDto })
  loginMerchant(@Body() body: MerchantLoginDto, @Ip() ip: string): Promise<MerchantTokenDto> {
    return this.auth.loginMerchant(body.username, body.password, ip);
  }
}
