// expect: none
import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authLimiter } from './middleware/limits';
import * as auth from './controllers/auth';

const app = express();
const authRouter = express.Router();
const accountRouter = Router();
const apiRouter = Router();

app.use(express.json());
app.use('/auth', authLimiter, authRouter);
authRouter.post('/login', auth.login);
authRouter.post('/register', auth.register);

accountRouter.use(rateLimit({ windowMs: 60_000, limit: 10 }));
accountRouter.post('/password/reset', auth.resetPassword);
app.use('/account', accountRouter);

app.use('/api/v1', rateLimit({ windowMs: 60_000, limit: 100 }));
app.use('/api/v1', apiRouter);
apiRouter.post('/oauth/token', auth.token);

app.post('/auth/refresh', auth.refresh);

export default app;
