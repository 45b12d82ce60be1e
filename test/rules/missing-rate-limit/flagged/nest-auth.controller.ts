import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login') // expect: missing-rate-limit:3
  login(@Body() body: { email: string; password: string }) {
    return this.auth.login(body.email, body.password);
  }

  @SkipThrottle()
  @Post('forgot-password') // expect: missing-rate-limit:3
  forgot(@Body('email') email: string) {
    return this.auth.sendReset(email);
  }

  @Get('profile')
  profile(@Req() req: { user: unknown }) {
    return req.user;
  }

  @Post('logout')
  logout(@Req() req: { user: { id: string } }) {
    return this.auth.logout(req.user.id);
  }
}
