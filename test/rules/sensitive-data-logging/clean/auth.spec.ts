// expect: none
import { login } from './auth';

it('logs in', async () => {
  const password = 'correct horse';
  const token = await login('a@example.com', password);
  console.log('token', token);
});
