/**
 * How handlers name the signed-in user, and the words that mark access control around a record: the shapes
 * missing-authorization needs to tell a query scoped to its owner, or checked after it is read, from one that
 * serves any record to anyone who is signed in.
 */

/**
 * The signed-in user as handlers reach it: `req.user`, `req.auth`, `req.session.userId`, `ctx.state.user`,
 * Hono's `c.get('user')`, NextAuth's `session.user`, `getServerSession()`, `auth()`, `currentUser`, a
 * NestJS `@CurrentUser()`/`@User()`. Its presence in a handler says the app signs users in.
 */
export const signedInUser =
  /\b(req|request|ctx|context)\??\.(user|auth|session|userId|currentUser|account)\b|\bctx\.state\.(user|auth|account)\b|\bc\.get\(\s*['"`](user|jwtPayload|session|auth|account)|\bsession\??\.(user|userId)\b|\bgetServerSession\s*\(|\bauth\s*\(\s*\)|\bcurrentUser\b|\bgetCurrentUser\s*\(|@(CurrentUser|User|AuthUser|GetUser)\s*\(|\bres\.locals\.user\b/;

/** The signed-in user, or a `userId` taken from it: what a scoped query or an ownership comparison mentions. */
export const currentUserReference = new RegExp(`${signedInUser.source}|\\buserId\\b`);

/** Calls and paths of machine-to-machine endpoints (signed webhooks, cron jobs), which have no signed-in user. */
export const machineEndpoint = /signature|webhook|cron|qstash|constructEvent/i;

/** Record fields that name an owner: `userId`, `user`, `owner_id`, `authorId`, `tenantId`, `createdBy`. */
export const ownerField = /^(user|owner|author|creator|account|tenant|org|organization|organisation|team|workspace|company|member|customer|seller|buyer|profile|created_?by|uploaded_?by)(_?id|Id|_?ID)?$/i;

/** Middleware, guards and decorators that check a role or a policy, not only who the user is. */
export const roleGuard = /admin|role|permission|authori[sz]|polic|abilit|owner|acl|restrict|casl|access|staff|superuser|isSelf|sameUser/i;

/** Middleware and guards that sign the user in: their presence says the app has users. */
export const authenticationGuard = /auth|protect|passport|jwt|login|session|guard|verify|requireUser|ensure|signedIn|loggedIn|isAuthenticated|token|clerk|withUser/i;

/** Calls whose name says they check access to a record. */
export const accessCheckCall = /authori[sz]e|^can[A-Z]|^can$|abilit|permi|polic|owner|^ensure|^assert\w*(Access|Owner|Permission|Member)|checkAccess|isAdmin|hasRole|forbid|^verify\w*(Access|Owner|Member)/i;

/** Records that are commonly public to read (a catalogue, a blog), where a read by id is no leak. */
export const publicContent = /post|article|product|categor|blog|comment|page|tag|course|lesson|event|movie|film|book|recipe|listing|review|video|song|track|album|photo|image|faq|news|question|answer|topic|thread|forum|game|menu|plan|country|city|brand/i;
