// expect: none
import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.use(express.json());

function requireToken(req: express.Request, res: express.Response, next: express.NextFunction) {
  const header = req.headers.authorization ?? '';
  try {
    (req as any).user = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET!);
    next();
  } catch {
    res.sendStatus(401);
  }
}

app.post('/login', async (req, res) => {
  res.json({ token: jwt.sign({ sub: req.body.email }, process.env.JWT_SECRET!, { expiresIn: '1h' }) });
});

app.post('/posts', requireToken, (req, res) => {
  res.status(201).json({ ok: true });
});

export default app;
