// expect: none
// `password` as a form field, a label, a validation message or a column: none of these is a credential.
import { z } from 'zod';

export const schema = z.object({
  email: z.string().email(),
  password: z.string().min(8, 'Password must be at least 8 characters'),
});

export const messages = {
  en: { username: 'Username', password: 'Password', secret: 'Secret', host: 'Host' },
  errors: { password: 'Password is required', token: 'Token expired' },
};

export const fields = [
  { name: 'email', type: 'email', label: 'Email' },
  { name: 'password', type: 'password', label: 'Password', autoComplete: 'current-password' },
];

export const connectionForm = { host: 'Host name', database: 'Database name', password: 'Database password' };

export function LoginForm() {
  return (
    <form>
      <input name="password" type="password" placeholder="Your password" />
    </form>
  );
}

export const columns = { password: 'password_hash', passwordResetToken: 'reset_token' };
export const selectUser = { id: true, email: true, password: false };

export const oauthLabels = { clientId: 'Client ID', clientSecret: 'Client secret', secretAccessKey: 'Secret access key' };
export const oauthEnv = { clientSecret: 'GOOGLE_CLIENT_SECRET', secretOrKey: 'auth.jwt.secret' };
