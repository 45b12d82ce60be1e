// expect: none
import express from 'express';
import { limiter } from '../middleware/rateLimiter.js';
import { loginHandler, signupHandler } from './handlers.js';

const app = express();
const router = express.Router();

app.use(limiter);

router.post('/signin', loginHandler);
app.post('/signup', signupHandler);

export { app, router };
