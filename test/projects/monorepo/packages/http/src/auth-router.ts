// expect: none
import { Router } from 'express';

const authRouter = Router();

authRouter.post('/login', (req, res) => {
  res.json({ user: req.body.email });
});

export default authRouter;
