// expect: none
'use server';
// next-safe-action: the limiter is one of the action client's middleware, mounted in the chain.
import { z } from 'zod';
import { actionClient } from '@/lib/safe-action';
import { createRateLimitMiddleware } from '@/features/rate-limit';
import { signIn } from '@/lib/auth';

export const loginAction = actionClient
  .metadata({ actionName: 'login' })
  .use(createRateLimitMiddleware(5, '1 h'))
  .inputSchema(z.object({ email: z.string().email(), password: z.string() }))
  .action(async ({ parsedInput }) => signIn(parsedInput.email, parsedInput.password));
