/**
 * Where a web framework hands a handler the data its client sent: the request object's members and readers
 * (Express, Fastify, Koa, Hono, Next.js, Remix), NestJS's parameter decorators, Next.js entry points' route
 * props, and the socket events that carry a peer's payload. The flow facts (facts/request-data.ts) follow
 * the data from here.
 */

/** Members of a request object that hold client data: `req.body`, `ctx.request.query`, `c.req.param`. */
export const requestMembers: ReadonlySet<string> = new Set([
  'body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody',
  // The raw URL (Node's own server, Express, Koa, Fastify): the static-file server's `path.join(root, req.url)`.
  'url', 'originalUrl', 'path', 'querystring',
]);
/**
 * The request's own URL: where it sends a redirect, the path keeps the site's host (`'https://' + host +
 * req.url`); only its parsed query names another site.
 */
export const rawUrlMembers: ReadonlySet<string> = new Set(['url', 'originalUrl', 'path', 'querystring']);
/** Request members that are always strings: path parameters, headers and the URL. */
export const textRequestMembers: ReadonlySet<string> = new Set(['params', 'headers', 'url', 'originalUrl', 'path', 'querystring']);
/** Parameter names a handler gives its request, when its type does not say. */
export const requestParameterNames = /^(req|request|ctx|context|c|event)$/;
/** Type names of a request object. */
export const requestTypeNames = /^(Request|NextRequest|FastifyRequest|IncomingMessage|Context|HonoRequest)$/;
/** Body readers on a fetch-style request (Next.js, Hono, Remix) and Hono's accessors. */
export const requestReaders: ReadonlySet<string> = new Set(['json', 'formData', 'text', 'parseBody', 'query', 'queries', 'param', 'header', 'valid']);
/** Readers whose result is always text (or form fields of text and files). */
export const textRequestReaders: ReadonlySet<string> = new Set(['formData', 'text', 'parseBody', 'query', 'queries', 'param', 'header']);
/** NestJS parameter decorators that inject client data. */
export const nestSourceDecorators: ReadonlySet<string> = new Set(['Body', 'Query', 'Param', 'Params', 'Headers', 'Req', 'Request', 'Cookies', 'Args', 'Arg', 'MessageBody']);
/** NestJS decorators whose value is always text. */
export const nestTextDecorators: ReadonlySet<string> = new Set(['Param', 'Params', 'Headers']);
/** multer's and formidable's members of an uploaded file that the server chose (`originalname` and `originalFilename` are the client's). */
export const uploadStorageMembers: ReadonlySet<string> = new Set(['path', 'filename', 'destination', 'filepath', 'newFilename']);
/** Next.js entry points whose props or second argument carry the URL's `params` and `searchParams`. */
export const nextEntryNames = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|generateMetadata|generateViewport)$/;
/** The route props of a Next.js entry point. */
export const nextRouteProps: ReadonlySet<string> = new Set(['params', 'searchParams']);
/** Parts of a parsed URL that cannot hold a path separator: a host name, a port, a scheme. */
export const urlHostParts: ReadonlySet<string> = new Set(['hostname', 'host', 'port', 'protocol']);
/** Socket events that carry no payload from the peer. */
export const socketLifecycleEvents: ReadonlySet<string> = new Set(['connection', 'connect', 'disconnect', 'disconnecting', 'close', 'error', 'open', 'end', 'ping', 'pong', 'upgrade', 'listening', 'headers', 'drain', 'timeout', 'finish']);
/** `message` receivers that talk to the process's own workers, not to a peer. */
export const localMessageChannels = /worker|process|port|child|cluster|emitter|bus/i;
/** The root types of a GraphQL resolver map: their resolvers' second parameter is the client's `args`. */
export const graphqlRootTypes = /^(Query|Mutation|Subscription)$/;
/** tRPC procedure builders whose resolver receives `{ input }`, the client's validated input. */
export const trpcResolverMethods: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);
