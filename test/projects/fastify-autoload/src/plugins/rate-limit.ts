// expect: none
import rateLimit from '@fastify/rate-limit';

export const autoConfig = { max: 100, timeWindow: '1 minute' };

export default rateLimit;
