import express from 'express';
import cookieParser from 'cookie-parser';
import jwt from 'jsonwebtoken';
import { users, posts } from './db';

const app = express();
app.use(express.json());
app.use(cookieParser());

app.post('/login', async (req, res) => {
  const user = await users.verify(req.body.email, req.body.password);
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET!, { expiresIn: '1h' });
  res.cookie('access_token', token, { httpOnly: true, secure: true }); // expect: missing-csrf:3
  res.json({ ok: true });
});

app.post('/posts', async (req, res) => {
  const { sub } = jwt.verify(req.cookies.access_token, process.env.JWT_SECRET!) as { sub: string };
  res.status(201).json(await posts.create({ author: sub, body: req.body.body }));
});

export default app;
