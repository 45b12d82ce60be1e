// fix: Allow only the origins listed in CORS_ORIGINS
import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors({ origin: (ctx) => { const origin: string = ctx.get('Origin'); return (process.env.CORS_ORIGINS?.split(',') ?? []).includes(origin) ? origin : ''; }, credentials: true }));
