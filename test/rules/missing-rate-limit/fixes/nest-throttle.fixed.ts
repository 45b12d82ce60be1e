// fix: Add @Throttle (needs ThrottlerGuard)
import { Body, Controller, Post } from '@nestjs/common';
import { ThrottlerGuard, Throttle } from '@nestjs/throttler';

@Controller('auth')
export class AuthController {
  @Throttle({ default: { limit: 5, ttl: 60000 } })
  @Post('login')
  login(@Body() body: { email: string; password: string }) {
    return body;
  }

  @Throttle({ default: { limit: 5, ttl: 60000 } })
  @Post('verify-code')
  verify(@Body('code') code: string) {
    return code;
  }
}

export const guard = ThrottlerGuard;
