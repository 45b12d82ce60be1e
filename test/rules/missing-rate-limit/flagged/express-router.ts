import { Router } from 'express';
import { authController } from '../controllers/auth';
import { validate } from '../middleware/validate';

const router = Router();
const accountRouter = Router();

accountRouter.use(async (req, res, next) => next());

router.post('/login', validate('login'), authController.login); // expect: missing-rate-limit:8
router.post('/register', validate('register'), authController.register); // expect: missing-rate-limit:8
router.put('/password/reset', authController.resetPassword); // expect: missing-rate-limit:8
router.post('/oauth/token', authController.token); // expect: missing-rate-limit:8
router.post('/refresh', authController.refresh); // expect: missing-rate-limit:8
router.post('/logout', authController.logout);
router.get('/me', authController.me);

router.route('/magic-link').post(authController.sendMagicLink); // expect: missing-rate-limit:29

accountRouter.patch('/users/:id/password', authController.changePassword); // expect: missing-rate-limit:15

export { router, accountRouter };
