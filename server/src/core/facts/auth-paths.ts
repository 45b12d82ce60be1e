/**
 * Which URL paths take credentials or hand out sessions: login, sign-up, password reset, one-time codes, magic
 * links and tokens. Judged on whole path segments split into words (`forgotPassword`, `reset-password`,
 * `verify_otp`), never on substrings, so `/blog/login-tips` and `/login-history` are not login routes.
 */

export type AuthRouteKind = 'login' | 'sign-up' | 'password-reset' | 'one-time-code' | 'magic-link' | 'token';

/** Words that qualify a segment without changing what it does: `admin-login`, `login-with-email`, `send-otp`. */
const qualifiers = new Set([
  'admin', 'user', 'users', 'account', 'email', 'phone', 'sms', 'mobile', 'local', 'api', 'web', 'customer', 'staff',
  'member', 'new', 'request', 'send', 'resend', 'submit', 'confirm', 'verify', 'validate', 'check', 'complete',
  'start', 'init', 'initiate', 'begin', 'finish', 'with', 'by', 'via', 'my', 'password', 'basic', 'credentials',
]);

const login = new Set(['login', 'signin', 'logon', 'authenticate']);
const signUp = new Set(['signup', 'createaccount']);
/** `register` also names event sign-ups and device or webhook registration, so it needs an auth context. */
const register = new Set(['register', 'registration']);
const oneTimeCode = new Set(['otp', 'totp', 'mfa', '2fa', 'twofactor', 'twofa', 'passcode', 'onetimecode', 'onetimepassword', 'verificationcode', 'code', 'pin']);
const magicLink = new Set(['magiclink', 'passwordless', 'loginlink', 'signinlink', 'emaillink']);
const token = new Set(['token', 'accesstoken', 'refreshtoken', 'authtoken', 'oauthtoken', 'jwt']);
/** Words a password-reset segment may combine with `password`: `forgot-password`, `passwordReset`. */
const passwordVerbs = new Set(['forgot', 'forgotten', 'reset', 'change', 'update', 'recover', 'recovery', 'lost', 'set', 'new', 'request', 'send', 'confirm', 'verify', 'my', 'user', 'account']);
const loggingOut = new Set(['logout', 'signout', 'logoff']);
/** Last segments that read or configure rather than authenticate: `/login/status`, `/auth/google/callback`. */
const notAuthenticating = new Set(['callback', 'status', 'me', 'providers', 'history', 'settings']);
/** Segments that put an ambiguous word (`refresh`, `token`, `reset`, `auth`) in an authentication context. */
const authContext = new Set(['auth', 'oauth', 'oauth2', 'openid', 'jwt', 'token', 'tokens', 'session', 'sessions', 'login', 'password', 'account', 'accounts', 'identity', 'sso', 'user', 'users']);

/** A path segment as words: `forgotPassword` → ["forgot", "password"], `verify-OTP` → ["verify", "otp"]. */
export function segmentWords(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The literal segments of a route path; parameters, wildcards and interpolations are left out. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/^`|`$/g, '')
    .replace(/\$\{[^}]*\}/g, ':p')
    .split(/[/?#]/)
    .filter((s) => s !== '' && !/^[:*{[(]/.test(s) && !s.includes('*'));
}

function isGeneric(segment: string): boolean {
  return /^(api|rest|public|v\d+(\.\d+)?)$/i.test(segment);
}

/** True when every other segment is a version prefix or says "authentication": `/api/v1/auth/refresh`. */
function inAuthContext(segments: readonly string[], index: number): boolean {
  return segments.every((s, i) => i === index || isGeneric(s) || authContext.has(segmentWords(s).join('')));
}

function kindOfSegment(segments: readonly string[], index: number, endsWithParameter: boolean): AuthRouteKind | undefined {
  const words = segmentWords(segments[index]);
  const joined = words.join('');
  const core = words.filter((w) => !qualifiers.has(w)).join('');
  if (login.has(joined) || login.has(core)) return 'login';
  if (signUp.has(joined) || signUp.has(core)) return 'sign-up';
  if (register.has(joined) || register.has(core)) return inAuthContext(segments, index) ? 'sign-up' : undefined;
  if (magicLink.has(joined) || magicLink.has(core)) return 'magic-link';
  if (words.includes('password') && words.every((w) => w === 'password' || passwordVerbs.has(w))) return 'password-reset';
  // `code` and `pin` alone are too common (`/discount/code`); they need a verb: `verify-code`, `send-pin`.
  if (oneTimeCode.has(joined) && joined !== 'code' && joined !== 'pin') return 'one-time-code';
  if ((core === 'code' || core === 'pin' || oneTimeCode.has(core)) && words.length > 1) return 'one-time-code';
  if (token.has(joined) || token.has(core)) return inAuthContext(segments, index) ? 'token' : undefined;
  if (joined === 'refresh') return inAuthContext(segments, index) ? 'token' : undefined;
  // `POST /api/auth` signs in; `/api/auth/[...nextauth]` and `/auth/:provider` hand over to a library.
  if (joined === 'auth') return index === segments.length - 1 && !endsWithParameter && inAuthContext(segments, index) ? 'login' : undefined;
  if (['reset', 'forgot', 'recover', 'recovery'].includes(joined)) return inAuthContext(segments, index) ? 'password-reset' : undefined;
  return undefined;
}

/** What kind of authentication a route path serves, or undefined for any other path. */
export function authRouteKind(path: string): AuthRouteKind | undefined {
  const segments = pathSegments(path);
  if (segments.length === 0) return undefined;
  const raw = path.replace(/[`/]+$/, '').split('/');
  const endsWithParameter = raw[raw.length - 1] !== segments[segments.length - 1];
  if (segments.some((s) => loggingOut.has(segmentWords(s).join('')))) return undefined;
  if (notAuthenticating.has(segmentWords(segments[segments.length - 1]).join(''))) return undefined;
  // The last segment is the most specific: `/login/2fa` is a one-time-code route.
  for (let i = segments.length - 1; i >= 0; i--) {
    const kind = kindOfSegment(segments, i, endsWithParameter);
    if (kind) return kind;
  }
  return undefined;
}
