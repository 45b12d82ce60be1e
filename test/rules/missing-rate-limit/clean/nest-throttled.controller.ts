// expect: none
import { Body, Controller, Module, Post, UseGuards } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SkipThrottle, Throttle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';

@Controller('auth')
export class AuthController {
  @Throttle({ default: { limit: 5, ttl: 60000 } })
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return body;
  }

  @UseGuards(ThrottlerGuard)
  @Post('register')
  register(@Body() body: { email: string }) {
    return body;
  }
}

@Throttle({ default: { limit: 3, ttl: 60000 } })
@Controller('password')
export class PasswordController {
  @Post('forgot')
  forgot(@Body('email') email: string) {
    return email;
  }
}

@SkipThrottle()
@Controller('otp')
export class OtpController {
  @SkipThrottle({ default: false })
  @Throttle({ default: { limit: 5, ttl: 300000 } })
  @Post('verify')
  verify(@Body('code') code: string) {
    return code;
  }
}
