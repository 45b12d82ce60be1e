/**
 * What a name says about passwords, without types: `password`, `newPwd`, `confirm_password` and `pass` hold a
 * password someone typed; `passwordHash`, `hashed_password` and `password_digest` hold its hash; and
 * `passwordResetToken`, `passwordLength`, `isPasswordValid`, `showPassword` are about something else. Shared by
 * the password rules and any rule that needs to know a value is a password (logging, secrets).
 */

export type PasswordNameKind = 'plain' | 'hashed';

/** Words that name a password. `pass` and `pw` are short enough to mean other things, so they are held stricter. */
const passwordWords = new Set(['password', 'passwd', 'pwd', 'passphrase', 'pass', 'pw']);
const shortPasswordWords = new Set(['pass', 'pw']);
const hashWords = new Set(['hash', 'hashed', 'digest', 'encrypted', 'crypted', 'bcrypt', 'bcrypted', 'enc']);
/** Words that make the name about something other than the password itself. */
const otherThings = new Set([
  'reset', 'token', 'length', 'len', 'valid', 'invalid', 'validity', 'is', 'has', 'should', 'can', 'show', 'shown',
  'visible', 'visibility', 'hidden', 'hide', 'toggle', 'field', 'label', 'placeholder', 'policy', 'rule', 'rules',
  'strength', 'score', 'min', 'max', 'regex', 'regexp', 'pattern', 'error', 'errors', 'message', 'msg', 'expires',
  'expiry', 'expiration', 'expired', 'changed', 'updated', 'at', 'date', 'time', 'count', 'attempts', 'attempt',
  'enabled', 'required', 'match', 'matches', 'matching', 'ref', 'el', 'element', 'type', 'schema', 'validator',
  'validation', 'mode', 'hint', 'icon', 'state', 'status', 'salt', 'rounds', 'cost', 'iterations', 'requirement',
  'requirements', 'complexity', 'history', 'manager', 'service', 'module', 'form', 'dialog', 'modal', 'page',
  'component', 'route', 'url', 'path', 'endpoint', 'forgot', 'recovery', 'less', 'key', 'set', 'version', 'id',
  'sent', 'email', 'mail', 'link', 'code', 'otp', 'generator', 'options', 'config', 'secret', 'env', 'strategy',
  'through', 'rate', 'fail', 'failed', 'number', 'word', 'words', 'list', 'file', 'store',
]);
/** Words that may stand next to `pass` / `pw` in a password's name: `userPass`, `newPw`, `confirm_pass`. */
const passQualifiers = new Set([
  'user', 'new', 'old', 'current', 'confirm', 'confirmed', 'plain', 'raw', 'input', 'my', 'the', 'entered', 'given',
  'provided', 'candidate', 'admin', 'account', 'str', 'string', 'text', 'hash', 'hashed', 'stored', 'saved', 'db',
  'existing', 'verify', 'repeat', 'repeated', 'retype', 'retyped', 'again', 'temp', 'tmp', 'initial', 'default',
]);

/** `newPasswordHash` → new, password, hash; `DB_PASSWORD` → db, password; `confirmpassword` → confirm, password. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
  // All-lowercase compounds (`hashedpassword`, `newpassword`): split around the unambiguous long forms only.
  return words.flatMap((w) => {
    const m = /^(.*?)(password|passwd)(.*)$/.exec(w);
    if (!m || (m[1] === '' && m[3] === '')) return [w];
    return [m[1], m[2], m[3]].filter((x) => x.length > 0);
  });
}

/**
 * Every password word contains `pass` or `pw`, and every word of a name is a piece of it, lower-cased: a name
 * without either cannot hold a password word. Most names asked about are not about passwords, and this one test
 * answers for them without splitting the name into words.
 */
const mayNamePassword = /pass|pw/i;

/** Whether a name holds a password ('plain'), a password's hash ('hashed'), or neither. */
export function passwordNameKind(name: string): PasswordNameKind | undefined {
  if (!mayNamePassword.test(name)) return undefined;
  const words = nameWords(name);
  const found = words.find((w) => passwordWords.has(w));
  if (found === undefined) return undefined;
  if (words.some((w) => otherThings.has(w))) return undefined;
  if (shortPasswordWords.has(found) && !words.every((w) => passwordWords.has(w) || passQualifiers.has(w))) return undefined;
  return words.some((w) => hashWords.has(w)) ? 'hashed' : 'plain';
}

export function isPlainPasswordName(name: string): boolean {
  return passwordNameKind(name) === 'plain';
}

/** Words naming a stored record: `user.password`, `dbUser.password`, `existingAccount.pwd`, `rows[0].password`. */
const recordWords = new Set([
  'user', 'users', 'account', 'accounts', 'admin', 'admins', 'member', 'members', 'customer', 'customers', 'row',
  'rows', 'record', 'records', 'existing', 'found', 'stored', 'saved', 'db', 'profile', 'owner', 'employee', 'staff',
  'entity', 'doc', 'document', 'person', 'student', 'teacher', 'patient', 'author', 'subscriber', 'operator',
]);
/** Words naming incoming data, never a stored record, even when they also say `user`: `userDto`, `userInput`. */
const inputWords = new Set([
  'body', 'dto', 'input', 'form', 'request', 'req', 'payload', 'credentials', 'creds', 'args', 'params', 'values',
  'fields', 'new', 'data', 'login', 'signup', 'register', 'registration', 'command', 'cmd', 'query', 'event',
  'props', 'options', 'opts', 'config', 'settings', 'env',
]);

/** Whether a variable or member name stands for a stored record (a user row or document). */
export function isRecordName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => recordWords.has(w)) && !words.some((w) => inputWords.has(w));
}

/** `storedPassword`, `hashedPassword`, `dbPwd`, `passwordHash`: a local that holds what the database has. */
export function isStoredPasswordName(name: string): boolean {
  const kind = passwordNameKind(name);
  if (kind === 'hashed') return true;
  return kind === 'plain' && nameWords(name).some((w) => w === 'stored' || w === 'saved' || w === 'existing');
}
