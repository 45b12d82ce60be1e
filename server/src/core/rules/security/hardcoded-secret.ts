import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import { LibraryId, connectionFactories, connectionGlobals, connectionLibraries, jsonwebtokenGlobalName } from '../../catalog';
import type { LibraryRef } from '../../facts/libraries';
import type { OffsetFix, Rule } from '../../rule';
import { calleeName, calleeObject, dottedName, isConstDeclaration, memberName, unwrap } from '../../facts/syntax';
import { credentialFormatOf, credentialUrlOf, isIssuedCredential, isLocalContainerUrl, privateKeyHeader } from '../../facts/credential-formats';
import { isSetupScript } from '../../facts/setup-scripts';

/** A place whose value is a secret, known from the API that receives it. */
interface SecretSite {
  expr: ts.Expression;
  /** "JWT signing secret", for messages. */
  what: string;
  /** What someone holding the value can do: "forge a token for any user". */
  impact: string;
  envName: string;
  /** The API accepts `undefined` there (optional options), so a TypeScript fix needs no `!`. */
  acceptsUndefined?: boolean;
  /** Only values of this shape are secrets here: a connection URL with a password (a database name is not). */
  accepts?: (text: string) => boolean;
}

/** A literal found behind a site: where to report, what to replace, and how it got there. */
interface Hit {
  literal: ts.StringLiteralLike;
  /** The span the fix replaces: the literal, or the whole `x || 'literal'`. */
  replace: ts.Node;
  /** The name the literal is bound to (`const SECRET = …`, `{ jwtSecret: … }`), when it is not written in place. */
  boundTo?: string;
  /** For `left || 'literal'`: the left side, which the fix keeps. */
  fallbackOf?: ts.Expression;
}

const jwt = { what: 'JWT signing secret', impact: 'forge a token for any user', envName: 'JWT_SECRET' };
const session = { what: 'session secret', impact: 'forge a session cookie for any user', envName: 'SESSION_SECRET' };
const cookie = { what: 'cookie-signing secret', impact: 'forge signed cookies', envName: 'COOKIE_SECRET' };
const hmac = { what: 'HMAC key', impact: 'forge signatures that this code accepts', envName: 'HMAC_KEY' };
const cipher = { what: 'encryption key', impact: 'decrypt everything it protects', envName: 'ENCRYPTION_KEY' };
const dbPassword = { what: 'database password', impact: 'log in to the database', envName: 'DB_PASSWORD', acceptsUndefined: true };
const dbUrl = { what: 'database connection string with its password', impact: 'log in to the database', envName: 'DATABASE_URL', accepts: (text: string) => credentialUrlOf(text) !== undefined };

/** The password of a client's config: a database's, or a mail server's, or a Redis's. */
function passwordSite(library: LibraryId): Omit<SecretSite, 'expr'> {
  return { ...dbPassword, ...connectionLibraries[library]?.password };
}

/** Middleware and plugins configured with `{ secret }` (or cookie-session's `keys`). */
const secretOptionLibraries: ReadonlyMap<LibraryId | undefined, Omit<SecretSite, 'expr'>> = new Map<LibraryId, Omit<SecretSite, 'expr'>>([
  ['express-session', session],
  ['cookie-session', session],
  ['koa-session', session],
  ['@fastify/session', session],
  ['@fastify/secure-session', session],
  ['@fastify/cookie', cookie],
  ['express-jwt', jwt],
  ['koa-jwt', jwt],
  ['@fastify/jwt', jwt],
  ['fastify-jwt', jwt],
]);

/** Database and broker clients: the names that make a client from a config object or a URL. */
const dbLibraries = new Set(Object.keys(connectionLibraries) as LibraryId[]);
/** Libraries whose default export or named functions take a secret: a file importing none has only method calls to check. */
const secretLibraries = new Set<LibraryId | undefined>([...dbLibraries, ...secretOptionLibraries.keys(), 'jsonwebtoken', 'jose', 'crypto', 'cookie-parser', 'stripe', 'koa', 'nestjs']);
/** Method names through which a secret reaches an API; any other method call is skipped before resolving names. */
const secretMethods = new Set([
  ...connectionFactories,
  'sign', 'verify', 'signAsync', 'verifyAsync', 'encrypt', 'jwtVerify', 'jwtDecrypt', 'register', 'registerAsync', 'forRoot', 'forRootAsync',
  'createHmac', 'createCipheriv', 'createDecipheriv', 'scrypt', 'scryptSync', 'pbkdf2', 'pbkdf2Sync', 'createSecretKey',
  'session', 'cookieSession', 'cookieParser', 'expressjwt', 'Stripe',
]);

/** Properties whose name alone says the value is a secret. */
const secretProperties: ReadonlyMap<string, Omit<SecretSite, 'expr'>> = new Map(Object.entries({
  secretOrKey: { ...jwt, acceptsUndefined: true },
  secretAccessKey: { what: 'AWS secret access key', impact: 'act as this AWS account', envName: 'AWS_SECRET_ACCESS_KEY' },
  clientSecret: { what: 'OAuth client secret', impact: 'impersonate this application to the identity provider', envName: 'CLIENT_SECRET' },
}));

/** Keys that make an object a database connection config when it also has a `password`. */
const dbConfigKeys = new Set(['host', 'hostname', 'database', 'dialect', 'server', 'socketPath', 'connectString', 'connectionString']);
const passwordKeys = new Set(['password', 'pass', 'passwd', 'pwd']);
const urlKeys = new Set(['connectionString', 'url', 'uri', 'datasourceUrl', 'connection']);

/** `process.env.JWT_SECRET`-like names: what follows `||` there is a literal secret. */
const secretEnvName = /(?:^|_)(?:SECRET|PASSWORD|PASSWD|PASS|PWD|TOKEN|(?:SECRET|PRIVATE|API|ACCESS|ENCRYPTION|SIGNING|HMAC|MASTER|SESSION|CRYPTO|AUTH|APP|COOKIE)_?KEYS?|CREDENTIALS?)$/;
const publicName = /PUBLIC|PUBLISHABLE/;
/** Names like `jwtSecret`, `SESSION_SECRET`, `clientSecret` bound to a literal: a config module's secret. */
const secretBindingName = /(?:^|_|[a-z0-9])(?:SECRET|Secret)$|^secret$/;
/** A value that names a secret rather than being one: `'JWT_SECRET'`, `'auth.jwtSecret'`. */
const keyLikeValue = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{1,15}$|^[A-Za-z]\w*(?:\.\w+)+$/;
/** A label (`'Secret'`), a secret manager's name for the secret (`'prod/api/jwt'`, an ARN) or an env reference (`'env:JWT'`). */
const labelLikeValue = /^[A-Z][a-z]+(?: [a-z]+)*$|^[a-z0-9_-]+(?:\/[\w.-]+)+$|^arn:|^(?:env|secret|vault|ssm):/;
const genericNames = /^(?:secret|key|password|pass|pwd|token|s|k|value|str)$/i;

const anyText = (): boolean => true;
const apiToken = { what: 'API token', impact: 'call the API as this application', envName: 'API_TOKEN' };
const apiKeyHeaders = new Set(['x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token']);
const apiKeyValue = /^[\w+/=.~-]{16,}$/;

/** `headers: { … }` or `new Headers({ … })`: the object is a request's headers. */
function isHeadersObject(obj: ts.Node): boolean {
  const parent = obj.parent;
  if (ts.isPropertyAssignment(parent)) return propertyName(parent)?.toLowerCase() === 'headers';
  return ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Headers';
}
/** The HTTP scheme written before a token in an `Authorization` value. */
const authScheme = /^(Bearer|Basic|Token|token|Bot) \S/;
/** An `Authorization` header carrying a literal credential: a scheme, then at least 16 token characters. */
const literalAuthorization = /^(?:Bearer|Basic|Token|token|Bot) [\w+/=.~-]{16,}$/;

function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

function normalizedName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function isTypeScript(fileName: string): boolean {
  return /\.[cm]?tsx?$/i.test(fileName);
}

/** `process.env.NAME` or `process.env['NAME']`: the NAME. */
function envNameOf(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  return dottedName(e.expression) === 'process.env' ? memberName(e) : undefined;
}

function isFallbackOperator(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  return n !== undefined && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined;
}

/** The value of a property: the initializer, or the name itself for `{ password }`. */
function propertyValue(p: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** The object literal an expression is, a `const` bound to one, or a property of one (`config.jwt`). */
function objectLiteralOf(expr: ts.Expression | undefined, facts: Facts, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (!expr || depth > 4) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isPropertyAccessExpression(e)) {
    const prop = objectLiteralOf(e.expression, facts, depth + 1)?.properties.find((p) => propertyName(p) === e.name.text);
    return prop ? objectLiteralOf(propertyValue(prop), facts, depth + 1) : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const declared = facts.constInitializer(e);
  return declared && objectLiteralOf(declared, facts, depth + 1);
}

/** Names of lists of values to refuse: `PLACEHOLDER_SECRETS`, `exampleKeys`, `KNOWN_WEAK_SECRETS`. */
const refusedValuesName = /placeholder|example|sample|denylist|blocklist|blacklist|forbidden|disallowed|weak/i;

/**
 * A value in an object bound to such a name (`const PLACEHOLDER_SECRETS = { AUTH_JWT_SECRET: 'secret' }`): the app
 * lists the env-example values in order to refuse them, it does not use them.
 */
function isInPlaceholderList(value: ts.Node): boolean {
  const property = value.parent;
  if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.parent)) return false;
  let holder: ts.Node = property.parent.parent;
  while (ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder) || ts.isParenthesizedExpression(holder)) holder = holder.parent;
  return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && refusedValuesName.test(holder.name.text);
}

/** The objects a `useFactory: () => ({ … })` returns. */
function returnedObjects(fn: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  if (!fn) return [];
  const f = unwrap(fn);
  if (!ts.isArrowFunction(f) && !ts.isFunctionExpression(f)) return [];
  if (!ts.isBlock(f.body)) {
    const body = unwrap(f.body);
    return ts.isObjectLiteralExpression(body) ? [body] : [];
  }
  const out: ts.ObjectLiteralExpression[] = [];
  for (const s of f.body.statements) {
    if (ts.isReturnStatement(s) && s.expression && ts.isObjectLiteralExpression(unwrap(s.expression))) out.push(unwrap(s.expression) as ts.ObjectLiteralExpression);
  }
  return out;
}

/** A call on a library's module or export, or on an undeclared name of the usual spelling (a snippet). */
function libraryCall(call: ts.CallExpression | ts.NewExpression, facts: Facts, library: string, globalName: RegExp): boolean {
  const ref = facts.libraryOf(call.expression);
  if (ref) return ref.library === library && ref.isModule;
  const receiver = calleeObject(call);
  const root = receiver && ts.isIdentifier(unwrap(receiver)) ? (unwrap(receiver) as ts.Identifier) : undefined;
  return root !== undefined && globalName.test(root.text) && facts.resolve(root) === undefined;
}

/** `.sign(key)` / `.encrypt(key)` at the end of a jose builder chain that starts with `new SignJWT(…)` and kin. */
function isJoseBuilderCall(call: ts.CallExpression, facts: Facts): boolean {
  let e: ts.Expression | undefined = calleeObject(call);
  for (let i = 0; e && i < 12; i++) {
    const u = unwrap(e);
    if (ts.isNewExpression(u)) return facts.libraryOf(u.expression)?.library === 'jose';
    e = ts.isCallExpression(u) ? calleeObject(u) : undefined;
  }
  return false;
}

export const hardcodedSecret: Rule = {
  meta: {
    id: 'hardcoded-secret',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Secret written into the source code',
    description:
      'A secret in the source is readable by everyone who can read the repository, a published bundle or a backup, and it cannot be rotated without a deploy. Read secrets from the environment or a secret manager.',
    fixable: 'suggestion',
    sources: ['CWE-798', 'CWE-321', 'OWASP A07:2021', 'eslint-plugin-no-secrets', 'semgrep javascript.jsonwebtoken.security.jwt-hardcode'],
    // A literal is reached from the API that uses it, which may be in another unit (`jwt.sign(p, SECRET)` in a
    // function, `const SECRET = '…'` at the top), and by its own name or shape: the analysis keeps the first report.
    // What else a report reads of another unit is reached through the names that unit declares.
    scope: 'declaration',
    firstReportPerSpan: true,
  },
  create(context) {
    const { facts, sourceFile, fileName } = context;
    const typescript = isTypeScript(fileName);
    // Findings known only by a name (`const JWT_SECRET = …`, `process.env.API_KEY || …`) wait for the end of the
    // walk, so that an API using the same literal (`jwt.sign(p, JWT_SECRET)`) reports it in its own words first.
    const byName: (() => void)[] = [];
    const importsSecretLibrary = facts.imports.some((i) => secretLibraries.has(i.library));
    const setupScript = isSetupScript(fileName, sourceFile.text);

    /** The literals behind an expression: in place, in a `const`, an object's property, `Buffer.from(…)`, a fallback. */
    const literalsIn = (expr: ts.Expression, accepts: (text: string) => boolean, depth: number, boundTo?: string): Hit[] => {
      if (depth > 8) return [];
      const e = unwrap(expr);
      if (ts.isStringLiteralLike(e)) {
        if (e.text === '' || !accepts(e.text)) return [];
        return [{ literal: e, replace: e, boundTo }];
      }
      if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((x) => literalsIn(x, accepts, depth + 1, boundTo));
      if (isFallbackOperator(e)) {
        const right = unwrap(e.right);
        if (!ts.isStringLiteralLike(right) || right.text === '' || !accepts(right.text)) return [];
        if (ts.isStringLiteralLike(unwrap(e.left))) return literalsIn(e.left, accepts, depth + 1, boundTo);
        return [{ literal: right, replace: e, boundTo, fallbackOf: e.left }];
      }
      if ((ts.isCallExpression(e) || ts.isNewExpression(e)) && e.arguments && e.arguments.length > 0) {
        // Buffer.from('key'), new TextEncoder().encode('key'), Buffer.from('…', 'hex'): the key is the literal.
        const callee = dottedName(e.expression);
        const encoder = ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'encode' && /TextEncoder/.test(e.expression.expression.getText(sourceFile));
        if (callee === 'Buffer.from' || encoder) return literalsIn(e.arguments[0], accepts, depth + 1, boundTo);
        return [];
      }
      if (ts.isIdentifier(e)) {
        const declared = facts.constInitializer(e);
        return declared ? literalsIn(declared, accepts, depth + 1, e.text) : [];
      }
      if (ts.isPropertyAccessExpression(e)) {
        const init = memberInitializer(e);
        return init ? literalsIn(init, accepts, depth + 1, e.name.text) : [];
      }
      return [];
    };

    /** `config.jwtSecret` on a `const config = { … }`, or `this.secret` on a class field with an initializer. */
    const memberInitializer = (access: ts.PropertyAccessExpression): ts.Expression | undefined => {
      const name = access.name.text;
      if (access.expression.kind === ts.SyntaxKind.ThisKeyword) {
        let cls: ts.Node | undefined = access.parent;
        while (cls && !ts.isClassLike(cls)) cls = cls.parent;
        if (!cls) return undefined;
        for (const m of cls.members) {
          if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) return m.initializer;
        }
        return undefined;
      }
      const obj = objectLiteralOf(access.expression, facts);
      const prop = obj?.properties.find((p) => propertyName(p) === name);
      return prop ? propertyValue(prop) : undefined;
    };

    const report = (hit: Hit, site: Omit<SecretSite, 'expr'>, extra?: { testMode?: boolean; noFix?: boolean; description?: string; message?: string; fix?: OffsetFix }): void => {
      // Tests sign and connect with dummies made up for them ('test-secret', a fake server's password); only a
      // credential some issuer handed out (a provider token, a private key) is a leak there.
      if (facts.isTestFile && !isIssuedCredential(hit.literal.text)) return;
      if (setupScript && isLocalContainerUrl(hit.literal.text)) return;
      const boundName = hit.boundTo !== undefined && !genericNames.test(hit.boundTo) ? upperSnake(hit.boundTo) : undefined;
      const leftEnv = hit.fallbackOf ? envNameOf(hit.fallbackOf) : undefined;
      const envName = leftEnv ?? boundName ?? site.envName;
      const env = `process.env.${envName}`;
      const where = hit.boundTo !== undefined ? `\`${hit.boundTo}\` holds` : 'This is';
      const kind = extra?.description ?? `a hard-coded ${site.what}`;
      const message = extra?.message !== undefined
        ? extra.message
        : hit.fallbackOf
        ? `\`${hit.fallbackOf.getText(sourceFile)}\` falls back to ${kind}: wherever the value is unset (a new server, a typo in the variable's name) the code quietly uses a secret anyone with the source knows, and anyone who has it can ${site.impact}. Remove the fallback so a missing value fails loudly.`
        : `${where} ${kind}: anyone who can read the source (the repository, a bundle, a backup) can ${site.impact}, and it cannot be rotated without a deploy. ${extra?.description ? 'Revoke it, and read' : 'Read'} it from the environment (\`${env}\`) or a secret manager.`;
      const fixes: OffsetFix[] = [];
      if (extra?.fix) fixes.push(extra.fix);
      else if (!extra?.noFix) fixes.push(fixFor(hit, site, envName));
      context.report({
        at: hit.literal,
        message,
        fixes,
        severity: facts.isTestFile || extra?.testMode ? 'info' : undefined,
      });
    };

    const fixFor = (hit: Hit, site: Omit<SecretSite, 'expr'>, envName: string): OffsetFix => {
      // A `!` keeps the type `string` the literal had, so strict TypeScript still compiles where a string is required;
      // a missing variable then fails where the secret is used, as it would at runtime anyway.
      const bang = typescript && (hit.boundTo !== undefined || !site.acceptsUndefined) ? '!' : '';
      const left = hit.fallbackOf;
      let text: string;
      if (left) text = envNameOf(left) !== undefined ? `${left.getText(sourceFile)}${bang}` : left.getText(sourceFile);
      else {
        // 'Bearer ghp_…' keeps its scheme: only the token moves to the environment.
        const scheme = authScheme.exec(hit.literal.text)?.[1];
        text = scheme ? `\`${scheme} \${process.env.${envName}}\`` : `process.env.${envName}${bang}`;
      }
      if (ts.isJsxAttribute(hit.replace.parent)) text = `{${text}}`;
      const title = left && envNameOf(left) === undefined ? 'Remove the literal fallback' : `Read from environment (process.env.${envName})`;
      return { title, safe: false, edits: [{ start: hit.replace.getStart(sourceFile), end: hit.replace.getEnd(), text }] };
    };

    const check = (site: SecretSite): void => {
      for (const hit of literalsIn(site.expr, site.accepts ?? anyText, 0)) {
        // A recognisable credential names its own variable: a GitHub token in an Authorization header is GITHUB_TOKEN.
        const format = credentialFormatOf(hit.literal.text);
        const testMode = format?.testMode === true || /^[sr]k_test_/.test(hit.literal.text);
        const envName = format?.envName ?? credentialUrlOf(hit.literal.text)?.envName;
        report(hit, envName ? { ...site, envName } : site, { testMode });
      }
    };

    const checkSecretOptions = (obj: ts.ObjectLiteralExpression | undefined, site: Omit<SecretSite, 'expr'>, keys: readonly string[]): void => {
      if (!obj) return;
      for (const p of obj.properties) {
        const name = propertyName(p);
        const value = propertyValue(p);
        if (name !== undefined && value && keys.includes(name)) check({ ...site, expr: value });
      }
    };

    /** A database client's config: passwords, connection URLs, and nested `connection` / `auth` / `datasources` objects. */
    const checkDbConfig = (obj: ts.ObjectLiteralExpression, library: LibraryId, depth: number): void => {
      for (const p of obj.properties) {
        const name = propertyName(p);
        const value = propertyValue(p);
        if (name === undefined || !value) continue;
        if (passwordKeys.has(name)) check({ ...passwordSite(library), expr: value });
        else if (urlKeys.has(name)) check({ ...dbUrl, expr: value });
        const nested = depth < 3 ? objectLiteralOf(value, facts) : undefined;
        if (nested) checkDbConfig(nested, library, depth + 1);
      }
    };

    const checkDbCall = (call: ts.CallExpression | ts.NewExpression, library: LibraryId): void => {
      const args = call.arguments ?? [];
      args.forEach((arg, i) => {
        const obj = objectLiteralOf(arg, facts);
        if (obj) checkDbConfig(obj, library, 0);
        // new Sequelize('db', 'user', 'password', …): the third argument is the password.
        else if (i === connectionLibraries[library]?.passwordArgument) check({ ...dbPassword, expr: arg });
        else check({ ...dbUrl, expr: arg });
      });
    };

    const dbLibraryOf = (call: ts.CallExpression | ts.NewExpression, ref: LibraryRef | undefined): LibraryId | undefined => {
      if (ref) {
        if (ref.library === undefined || !dbLibraries.has(ref.library)) return undefined;
        const name = calleeName(call);
        // knex(config), new Redis(url): the module's default export is the factory.
        const isDefault = ref.isModule && (ref.exportName === undefined || ref.exportName === 'default') && (ts.isIdentifier(unwrap(call.expression)) || ts.isCallExpression(unwrap(call.expression)));
        return isDefault || (name !== undefined && connectionFactories.has(name)) ? ref.library : undefined;
      }
      const callee = unwrap(call.expression);
      const root = ts.isIdentifier(callee) ? callee : calleeObject(call);
      if (!root || !ts.isIdentifier(unwrap(root))) return undefined;
      const id = unwrap(root) as ts.Identifier;
      const name = calleeName(call);
      const global = connectionGlobals.get(id.text);
      if (!global || facts.resolve(id) !== undefined || name === undefined || !(connectionFactories.has(name) || (global.callable === true && name === id.text))) return undefined;
      return global.library;
    };

    const onCall = (call: ts.CallExpression | ts.NewExpression): void => {
      const args = call.arguments;
      if (!args || args.length === 0) return;
      const name = calleeName(call);
      // Cheap first: a method call matters only by its name; a plain or curried call (`session(…)`,
      // `require('stripe')(…)`) may be a library's default export and is resolved.
      const callee = unwrap(call.expression);
      if (ts.isIdentifier(callee) || ts.isCallExpression(callee)) {
        if (!importsSecretLibrary && !(name !== undefined && (secretMethods.has(name) || connectionGlobals.has(name)))) return;
      } else if (name === undefined || !secretMethods.has(name)) return;
      if (ts.isCallExpression(call) && (name === 'sign' || name === 'verify') && args.length >= 2) {
        if (libraryCall(call, facts, 'jsonwebtoken', jsonwebtokenGlobalName)) return check({ ...jwt, expr: args[1] });
      }
      if (ts.isCallExpression(call) && (name === 'sign' || name === 'encrypt') && args.length >= 1 && isJoseBuilderCall(call, facts)) {
        return check({ ...jwt, expr: args[0] });
      }
      if (name === 'register' && args.length >= 2) {
        // fastify.register(require('@fastify/jwt'), { secret: … }): the instance is often a plugin's parameter.
        const plugin = facts.libraryOf(args[0]);
        const site = plugin && plugin.isModule ? secretOptionLibraries.get(plugin.library) : undefined;
        if (site) return checkSecretOptions(objectLiteralOf(args[1], facts), site, ['secret', 'key', 'keys']);
      }
      const ref = facts.libraryOf(call.expression);
      if (ref) {
        if ((name === 'jwtVerify' || name === 'jwtDecrypt') && ref.library === 'jose' && args.length >= 2) return check({ ...jwt, expr: args[1] });
        if (ref.library === 'crypto' || ref.library === 'cookie-parser' || ref.library === 'stripe' || secretOptionLibraries.has(ref.library) || ref.library === 'nestjs') {
          if (onLibraryCall(call, ref, name, args)) return;
        }
      } else if (ts.isCallExpression(call) && name !== undefined && /^create(Hmac|Cipheriv|Decipheriv)$/.test(name)) {
        if (libraryCall(call, facts, 'crypto', /^crypto$/)) return void cryptoSite(name, args);
      }
      const db = dbLibraryOf(call, ref);
      if (db) checkDbCall(call, db);
    };

    const cryptoSite = (name: string, args: ts.NodeArray<ts.Expression>): boolean => {
      if (name === 'createHmac' && args.length >= 2) check({ ...hmac, expr: args[1] });
      else if ((name === 'createCipheriv' || name === 'createDecipheriv') && args.length >= 2) check({ ...cipher, expr: args[1] });
      else if ((name === 'scrypt' || name === 'scryptSync' || name === 'pbkdf2' || name === 'pbkdf2Sync') && args.length >= 2) check({ ...cipher, expr: args[0] });
      else if (name === 'createSecretKey' && args.length >= 1) check({ ...jwt, envName: 'SECRET_KEY', expr: args[0] });
      else return false;
      return true;
    };

    const onLibraryCall = (call: ts.CallExpression | ts.NewExpression, ref: LibraryRef, name: string | undefined, args: ts.NodeArray<ts.Expression>): boolean => {
      if (ref.library === 'crypto') return name !== undefined && cryptoSite(name, args);
      if (ref.library === 'cookie-parser' && ref.isModule && args.length >= 1) {
        check({ ...cookie, acceptsUndefined: true, expr: args[0] });
        return true;
      }
      if (ref.library === 'stripe' && ref.isModule && args.length >= 1) {
        check({ what: 'Stripe secret key', impact: 'charge, refund and read this Stripe account', envName: 'STRIPE_SECRET_KEY', expr: args[0] });
        return true;
      }
      const options = secretOptionLibraries.get(ref.library);
      if (options && ref.isModule) {
        checkSecretOptions(objectLiteralOf(args[0], facts), options, ['secret', 'keys', 'key']);
        return true;
      }
      if (ref.library !== 'nestjs') return false;
      const receiver = calleeObject(call);
      if (receiver && ts.isIdentifier(unwrap(receiver)) && (unwrap(receiver) as ts.Identifier).text === 'JwtModule') {
        // JwtModule.register({ secret }) and registerAsync({ useFactory: () => ({ secret }) })
        const obj = objectLiteralOf(args[0], facts);
        if (name === 'register') checkSecretOptions(obj, jwt, ['secret', 'privateKey']);
        else if (name === 'registerAsync' && obj) {
          const factory = obj.properties.find((p) => propertyName(p) === 'useFactory');
          for (const returned of returnedObjects(factory && propertyValue(factory))) checkSecretOptions(returned, jwt, ['secret', 'privateKey']);
        }
        return true;
      }
      if (name !== undefined && /^(sign|verify)(Async)?$/.test(name) && args.length >= 2) {
        // JwtService.sign(payload, { secret })
        checkSecretOptions(objectLiteralOf(args[1], facts), jwt, ['secret', 'privateKey']);
        return true;
      }
      if (name === 'forRoot' || name === 'forRootAsync') {
        // TypeOrmModule.forRoot({ password }), MongooseModule.forRoot('mongodb://user:pass@…')
        const obj = objectLiteralOf(args[0], facts);
        if (obj && name === 'forRootAsync') {
          const factory = obj.properties.find((p) => propertyName(p) === 'useFactory');
          for (const returned of returnedObjects(factory && propertyValue(factory))) checkDbConfig(returned, 'nestjs', 0);
        } else if (obj) checkDbConfig(obj, 'nestjs', 0);
        else if (args.length >= 1) check({ ...dbUrl, expr: args[0] });
        return true;
      }
      return false;
    };

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      PropertyAssignment(p) {
        const name = propertyName(p);
        if (name === undefined) return;
        const named = secretProperties.get(name);
        if (named) return check({ ...named, accepts: (text) => !labelLikeValue.test(text) && !keyLikeValue.test(text), expr: p.initializer });
        const header = name.toLowerCase();
        if (header === 'authorization') return check({ ...apiToken, accepts: (text) => literalAuthorization.test(text), expr: p.initializer });
        if (apiKeyHeaders.has(header) && isHeadersObject(p.parent)) return check({ ...apiToken, envName: 'API_KEY', accepts: (text) => apiKeyValue.test(text), expr: p.initializer });
        // `{ host, user, password: 'hunter2' }`: a connection config, whichever client it is for.
        if (passwordKeys.has(name) && ts.isObjectLiteralExpression(p.parent) && p.parent.properties.some((q) => dbConfigKeys.has(propertyName(q) ?? ''))) {
          const value = unwrap(p.initializer);
          if (ts.isStringLiteralLike(value) && !/\s/.test(value.text) && !labelLikeValue.test(value.text)) check({ ...dbPassword, expr: p.initializer });
          return;
        }
        if (secretBindingName.test(name)) byName.push(() => checkNamedSecret(p.initializer, name));
      },
      VariableDeclaration(decl) {
        const init = decl.initializer;
        if (init && ts.isObjectBindingPattern(decl.name) && dottedName(init) === 'process.env') return checkEnvDefaults(decl.name);
        if (init && ts.isIdentifier(decl.name) && isConstDeclaration(decl) && secretBindingName.test(decl.name.text)) {
          const name = decl.name.text;
          byName.push(() => checkNamedSecret(init, name));
        }
      },
      BinaryExpression(node) {
        if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return onAssignment(node);
        if (!isFallbackOperator(node)) return;
        const env = envNameOf(node.left);
        if (env === undefined || !secretEnvName.test(env) || publicName.test(env)) return;
        const right = unwrap(node.right);
        if (!ts.isStringLiteralLike(right) || right.text === '') return;
        byName.push(() => check({ what: 'secret', impact: 'use it as this application does', envName: env, expr: node }));
      },
      StringLiteral: onString,
      NoSubstitutionTemplateLiteral: onString,
      end() {
        for (const f of byName) f();
      },
    };

    /** `const { JWT_SECRET = 'dev' } = process.env`: a default is a fallback like `||`. */
    function checkEnvDefaults(pattern: ts.ObjectBindingPattern): void {
      for (const element of pattern.elements) {
        const key = element.propertyName ?? element.name;
        const value = element.initializer && unwrap(element.initializer);
        if (!ts.isIdentifier(key) || !value || !ts.isStringLiteralLike(value) || value.text === '') continue;
        if (!secretEnvName.test(key.text) || publicName.test(key.text)) continue;
        const message = `\`${key.text}\` from \`process.env\` defaults to a hard-coded secret: wherever the variable is unset (a new server, a typo in its name) the code quietly uses a value anyone with the source knows. Remove the default so a missing value fails loudly.`;
        const fix: OffsetFix = { title: `Read from environment (process.env.${key.text})`, safe: false, edits: [{ start: element.name.getEnd(), end: value.getEnd(), text: '' }] };
        report({ literal: value, replace: value }, { what: 'secret', impact: '', envName: key.text }, { message, fix });
      }
    }

    /** `const JWT_SECRET = 'abc'`, `{ sessionSecret: 'abc' }`: the name says secret, the value is written in. */
    function checkNamedSecret(init: ts.Expression, name: string): void {
      const value = unwrap(init);
      if (!ts.isStringLiteralLike(value) || value.text.length < 4 || /\s/.test(value.text) || keyLikeValue.test(value.text) || labelLikeValue.test(value.text)) return;
      // `CLIENT_SECRET = 'client_secret'`, `invalidSecret = 'invalid_secret'`: a parameter name or an error code.
      if (normalizedName(value.text) === normalizedName(name)) return;
      if (isInPlaceholderList(value)) return;
      report({ literal: value, replace: value, boundTo: name }, { what: 'secret', impact: 'use it as this application does', envName: upperSnake(name), acceptsUndefined: true });
    }

    function onAssignment(node: ts.BinaryExpression): void {
      const left = node.left;
      // process.env.JWT_SECRET = '…': the environment is filled in from the source.
      const env = envNameOf(left);
      if (env !== undefined) {
        if (!secretEnvName.test(env) || publicName.test(env)) return;
        const message = `\`${left.getText(sourceFile)}\` is set from a literal in the source: the secret is known to anyone who can read the code. Set it in the environment the process starts with (a secret store, the deployment's variables) and delete this assignment.`;
        for (const hit of literalsIn(node.right, anyText, 0)) report(hit, { what: 'secret', impact: '', envName: env }, { noFix: true, message });
        return;
      }
      // Koa: `app.keys = ['…']` signs the app's cookies.
      if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'keys') return;
      if (facts.libraryOf(left.expression)?.library !== 'koa') return;
      check({ ...cookie, envName: 'COOKIE_KEYS', acceptsUndefined: true, expr: node.right });
    }

    function onString(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): void {
      if (node.text.length < 20) return;
      const parent = node.parent;
      if (ts.isLiteralTypeNode(parent) || ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return;
      if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isEnumMember(parent)) && parent.name === node) return;
      const format = credentialFormatOf(node.text);
      if (format) {
        const site = { what: format.description, impact: 'use the credential', envName: format.envName, acceptsUndefined: false };
        report({ literal: node, replace: node }, site, { testMode: format.testMode, description: format.description, noFix: ts.isEnumMember(parent) });
        return;
      }
      // A key written as '-----BEGIN … PRIVATE KEY-----\n' + 'MIIE…' + …: the header starts the key material.
      if (privateKeyHeader.test(node.text) && ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteralLike(unwrap(parent.right))) {
        const site = { what: 'private key', impact: 'sign and decrypt as its owner', envName: 'PRIVATE_KEY' };
        report({ literal: node, replace: node }, site, { description: 'the start of a private key', noFix: true });
      }
    }
  },
};
