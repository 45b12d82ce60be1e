// expect: none
import { withRateLimit } from '@/lib/rate-limit';
import { register } from '@/lib/auth';

export const POST = withRateLimit(async (request: Request) => {
  return Response.json(await register(await request.json()));
});
