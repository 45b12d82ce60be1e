// expect: none
import { Body, Controller, Param, Post } from '@nestjs/common';

export function createUser(email: string, role: 'member' | 'admin' = 'member') {
  return { email, role };
}

export const retry = (attempts = 3, delayMs = 100) => ({ attempts, delayMs });

export function now() {
  return Date.now();
}

/**
 * Sends the invitation mail.
 * @param {string} email whom to invite
 */
export function invite(email) {
  return email;
}

export class UsersService {
  constructor(private readonly prefix: string) {}

  find(id: string) {
    return `${this.prefix}${id}`;
  }

  private audit(event) {
    return event;
  }

  protected log(message) {
    return message;
  }
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post(':id')
  update(@Param('id') id: string, @Body() body: { name: string }) {
    return { id, name: body.name };
  }
}

export class AdminService extends UsersService {
  override find(id) {
    return super.find(id);
  }
}

export async function GET(request) {
  return new Response(request.url);
}

function internalHelper(value) {
  return value;
}

export const version = internalHelper('1.0');
