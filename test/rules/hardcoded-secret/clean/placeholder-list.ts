// expect: none
// The env-example values, listed so the app can refuse to start with them: a denylist, not secrets in use.
const PLACEHOLDER_SECRETS = {
  AUTH_JWT_SECRET: 'secret',
  AUTH_REFRESH_SECRET: 'secret_for_refresh',
  AUTH_CONFIRM_EMAIL_SECRET: 'secret_for_confirm_email',
} as const;

export function checkPlaceholderSecrets(): void {
  const placeholders = Object.entries(PLACEHOLDER_SECRETS).filter(([name, value]) => process.env[name] === value);
  if (placeholders.length > 0 && process.env.NODE_ENV === 'production') throw new Error('placeholder secrets in use');
}
