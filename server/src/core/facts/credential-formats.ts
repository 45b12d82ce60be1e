/**
 * Strings whose format alone says they are credentials: provider tokens with a registered prefix, private key
 * blocks, and connection URLs carrying a password. Every pattern is anchored and specific, so a random
 * high-entropy string is never taken for a secret by its entropy alone.
 */

export interface CredentialFormat {
  /** What the string is, for messages: "a Stripe live secret key". */
  description: string;
  /** The environment variable such a credential is conventionally read from. */
  envName: string;
  /** True for credentials that only reach a sandbox (Stripe test keys): worth a note, not an alarm. */
  testMode?: boolean;
}

interface TokenFormat extends CredentialFormat {
  pattern: RegExp;
}

/** A token may be written with its HTTP scheme: `'Bearer ghp_…'`, `'token ghp_…'`, `'Bot xoxb-…'`. */
const scheme = '(?:(?:Bearer|token|Bot) )?';

const tokenFormats: readonly TokenFormat[] = [
  { pattern: new RegExp(`^${scheme}(?:AKIA|ASIA)[0-9A-Z]{16}$`), description: 'an AWS access key id', envName: 'AWS_ACCESS_KEY_ID' },
  { pattern: new RegExp(`^${scheme}[sr]k_live_[0-9A-Za-z]{16,}$`), description: 'a Stripe live secret key', envName: 'STRIPE_SECRET_KEY' },
  { pattern: new RegExp(`^${scheme}[sr]k_test_[0-9A-Za-z]{16,}$`), description: 'a Stripe test secret key', envName: 'STRIPE_SECRET_KEY', testMode: true },
  { pattern: new RegExp(`^${scheme}gh[pousr]_[0-9A-Za-z]{36}$`), description: 'a GitHub token', envName: 'GITHUB_TOKEN' },
  { pattern: new RegExp(`^${scheme}github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}$`), description: 'a GitHub fine-grained token', envName: 'GITHUB_TOKEN' },
  { pattern: new RegExp(`^${scheme}glpat-[0-9A-Za-z_-]{20}$`), description: 'a GitLab personal access token', envName: 'GITLAB_TOKEN' },
  { pattern: new RegExp(`^${scheme}xox[baprs]-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){2,}$`), description: 'a Slack token', envName: 'SLACK_TOKEN' },
  { pattern: /^https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]{6,}\/B[0-9A-Z]{6,}\/[0-9A-Za-z]{20,}$/, description: 'a Slack webhook URL', envName: 'SLACK_WEBHOOK_URL' },
  { pattern: new RegExp(`^${scheme}sk-ant-(?:api|admin)\\d\\d-[0-9A-Za-z_-]{80,}$`), description: 'an Anthropic API key', envName: 'ANTHROPIC_API_KEY' },
  { pattern: new RegExp(`^${scheme}sk-(?:proj-|svcacct-)[0-9A-Za-z_-]{40,}$`), description: 'an OpenAI API key', envName: 'OPENAI_API_KEY' },
  { pattern: new RegExp(`^${scheme}sk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20}$`), description: 'an OpenAI API key', envName: 'OPENAI_API_KEY' },
  { pattern: /^SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}$/, description: 'a SendGrid API key', envName: 'SENDGRID_API_KEY' },
  { pattern: /^npm_[0-9A-Za-z]{36}$/, description: 'an npm access token', envName: 'NPM_TOKEN' },
  { pattern: /^GOCSPX-[0-9A-Za-z_-]{28}$/, description: 'a Google OAuth client secret', envName: 'GOOGLE_CLIENT_SECRET' },
];

/** Documentation's stand-ins: `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`, `sk_live_0000…`. */
const placeholderToken = /EXAMPLE|example|x{8}|X{8}|0{8}|(.)\1{15}|1234567890|abcdefghij/;

/** `-----BEGIN RSA PRIVATE KEY-----` and its EC, DSA, OPENSSH, ENCRYPTED and PGP kin. */
export const privateKeyHeader = /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----|-----BEGIN PGP PRIVATE KEY BLOCK-----/;
/** A header followed by key material (not just the header a PEM parser compares against). */
const privateKeyBlock = new RegExp(`(?:${privateKeyHeader.source})\\s*(?:[A-Za-z-]+: [^\\n]*\\s*)*[0-9A-Za-z+/=]{40}`);

/** The credential `text` is by its format alone, if any. */
export function credentialFormatOf(text: string): CredentialFormat | undefined {
  if (text.length < 20) return undefined;
  if (text.includes('PRIVATE KEY') && privateKeyBlock.test(text)) return { description: 'a private key', envName: 'PRIVATE_KEY' };
  if (text.length > 300) return undefined;
  for (const format of tokenFormats) {
    if (format.pattern.test(text)) {
      if (placeholderToken.test(text)) return undefined;
      return { description: format.description, envName: format.envName, testMode: format.testMode };
    }
  }
  const url = credentialUrlOf(text);
  if (url && !isPlaceholderPassword(url.password)) return { description: `a ${url.kind} connection string with its password`, envName: url.envName };
  return undefined;
}

export interface CredentialUrl {
  /** "PostgreSQL", "MongoDB"…, for messages. */
  kind: string;
  password: string;
  envName: string;
}

const urlSchemes: Readonly<Record<string, { kind: string; envName: string }>> = {
  postgres: { kind: 'PostgreSQL', envName: 'DATABASE_URL' },
  postgresql: { kind: 'PostgreSQL', envName: 'DATABASE_URL' },
  mysql: { kind: 'MySQL', envName: 'DATABASE_URL' },
  mariadb: { kind: 'MariaDB', envName: 'DATABASE_URL' },
  mssql: { kind: 'SQL Server', envName: 'DATABASE_URL' },
  sqlserver: { kind: 'SQL Server', envName: 'DATABASE_URL' },
  mongodb: { kind: 'MongoDB', envName: 'MONGODB_URI' },
  'mongodb+srv': { kind: 'MongoDB', envName: 'MONGODB_URI' },
  redis: { kind: 'Redis', envName: 'REDIS_URL' },
  rediss: { kind: 'Redis', envName: 'REDIS_URL' },
  amqp: { kind: 'AMQP', envName: 'AMQP_URL' },
  amqps: { kind: 'AMQP', envName: 'AMQP_URL' },
};

/** `scheme://user:password@host…` (the user may be empty, as Redis URLs have it), with a non-empty password. */
const credentialUrl = /^([a-z+]+):\/\/([^:/@\s]*):([^@/\s]+)@(\[[^\]\s]*\]|[^\s@:/?,]+)[^\s@]*$/;
const loopbackHost = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/;
/** The passwords the official database and broker images document for a local container. */
const containerDefaultPassword = /^(?:postgres|password|root|mysql|example|secret|admin|pass|test|mongo|guest|redis|docker)$/i;

/** A database or broker URL with a password in it. */
export function credentialUrlOf(text: string): CredentialUrl | undefined {
  if (!text.includes('://') || !text.includes('@')) return undefined;
  const m = credentialUrl.exec(text);
  const known = m ? urlSchemes[m[1]] : undefined;
  return m && known ? { kind: known.kind, password: m[3], envName: known.envName } : undefined;
}

/**
 * `postgres://postgres:postgres@localhost`: a container on the developer's machine, started with the image's
 * documented default credentials. In a setup script that is no secret: whoever can use it already has the machine.
 */
export function isLocalContainerUrl(text: string): boolean {
  const m = credentialUrl.exec(text);
  if (!m) return false;
  const [, , user, password, host] = m;
  return loopbackHost.test(host) && (password === user || containerDefaultPassword.test(password));
}

/** A credential an issuer handed out (a provider token, a private key), as opposed to one a developer made up. */
export function isIssuedCredential(text: string): boolean {
  const format = credentialFormatOf(text);
  return format !== undefined && credentialUrlOf(text) === undefined;
}

/** `user:password@`, `:<password>@`, `${PASSWORD}`: a template for the reader to fill in, not a credential. */
export function isPlaceholderPassword(password: string): boolean {
  return /^(?:pass(?:word)?|pwd|secret|changeme|\*+|x+|\.\.\.|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\$\{[^}]*\}|%[^%]*%|:\w+|\$\w+)$/i.test(password);
}
