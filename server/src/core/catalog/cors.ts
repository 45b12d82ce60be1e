/**
 * CORS middleware and how each takes its options: which call, which argument, what its `origin` option
 * accepts, and how an allow-list from configuration is written for it. The response headers themselves
 * (`Access-Control-Allow-Origin`, `…-Credentials`) are the standard's, the same whatever sets them.
 */

export type CorsLibrary = 'cors' | '@koa/cors' | '@fastify/cors' | 'hono/cors' | 'nestjs' | 'socket.io';

/**
 * How the middleware is installed: called as a function (`cors(options)`), registered as a Fastify plugin
 * (`app.register(cors, options)`), through a method of the app whose name is the framework's own
 * (NestJS `app.enableCors(options)`), or as an option of a server (Socket.IO).
 */
export type CorsInstall =
  | { kind: 'call'; exportName?: string }
  | { kind: 'plugin' }
  | { kind: 'method'; method: string }
  /** A server made with its options, its CORS options under a key of them (`new Server(http, { cors })`). */
  | { kind: 'server'; exportName: string; optionKey: string };

/**
 * What an `origin` callback receives first: the request's origin (cors, @fastify/cors, hono/cors), or the
 * context it is read from (@koa/cors).
 */
export type OriginCallbackInput = 'origin' | 'context';

/**
 * The allow-list a fix writes: a list of origins (the middleware matches each request against it), or a
 * function returning the request's origin when listed (for @koa/cors, whose `origin` takes no list).
 */
export type AllowListForm = 'list' | 'context-function';

export interface CorsMiddleware {
  library: CorsLibrary;
  /** Modules it is imported from. */
  modules: readonly string[];
  install: CorsInstall;
  /** The argument holding the options; -1 for the last one. */
  optionsArg: number;
  callbackInput: OriginCallbackInput;
  /** `origin: true` sends back whatever origin the request names. */
  trueReflects: boolean;
  allowList: AllowListForm;
}

export const corsMiddlewares: readonly CorsMiddleware[] = [
  { library: 'cors', trueReflects: true, modules: ['cors'], install: { kind: 'call' }, optionsArg: 0, callbackInput: 'origin', allowList: 'list' },
  { library: '@koa/cors', trueReflects: false, modules: ['@koa/cors', 'koa2-cors'], install: { kind: 'call' }, optionsArg: 0, callbackInput: 'context', allowList: 'context-function' },
  { library: '@fastify/cors', trueReflects: true, modules: ['@fastify/cors', 'fastify-cors'], install: { kind: 'plugin' }, optionsArg: 1, callbackInput: 'origin', allowList: 'list' },
  { library: 'hono/cors', trueReflects: false, modules: ['hono/cors'], install: { kind: 'call', exportName: 'cors' }, optionsArg: 0, callbackInput: 'origin', allowList: 'list' },
  // Socket.IO passes its `cors` option to the cors package: `origin: true` reflects the same way. The options
  // are the last argument: `new Server(httpServer, options)`, `new Server(options)`, `require('socket.io')(http, options)`.
  { library: 'socket.io', trueReflects: true, modules: ['socket.io'], install: { kind: 'server', exportName: 'Server', optionKey: 'cors' }, optionsArg: -1, callbackInput: 'origin', allowList: 'list' },
  { library: 'nestjs', trueReflects: true, modules: ['@nestjs/core'], install: { kind: 'method', method: 'enableCors' }, optionsArg: 0, callbackInput: 'origin', allowList: 'list' },
];

/** The response headers that grant a cross-origin page access, lower-cased. */
export const allowOriginHeader = 'access-control-allow-origin';
export const allowCredentialsHeader = 'access-control-allow-credentials';

/** The environment variable the allow-list fix reads, comma-separated origins. */
export const allowListVariable = 'CORS_ORIGINS';
