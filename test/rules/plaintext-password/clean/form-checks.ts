// expect: none
import { Body, Controller, Post, BadRequestException } from '@nestjs/common';

interface SignupDto {
  email: string;
  password: string;
  confirmPassword: string;
}

@Controller('auth')
export class SignupController {
  @Post('signup')
  async signup(@Body() dto: SignupDto) {
    if (dto.password !== dto.confirmPassword) throw new BadRequestException('Passwords do not match');
    if (dto.password.length < 12) throw new BadRequestException('Password too short');
    if (dto.password === undefined || dto.password === '') throw new BadRequestException('Password required');
    return { ok: true };
  }
}

export function validateReset(body: { newPassword: string; confirm: string; currentPassword: string }) {
  const { newPassword, confirm, currentPassword } = body;
  if (newPassword !== confirm) return 'Passwords do not match';
  if (newPassword === currentPassword) return 'Choose a new password';
  return null;
}

export function tokenMatches(user: { passwordResetToken: string; passwordResetExpires: number }, token: string) {
  return user.passwordResetToken === token && user.passwordResetExpires > Date.now();
}

export function samePasswords(a: { password: string }, b: { password: string }) {
  return a.password === b.password;
}

export function isAdminPassword(password: string) {
  return password === process.env.ADMIN_PASSWORD;
}
