/**
 * Which functions send an outgoing HTTP request, and where their target URL is: the global `fetch`, node-fetch,
 * undici, axios, got, ky, ofetch, superagent, needle and Node's `http`/`https`. A request's target is either an
 * argument (a string or a `URL`), or an options object whose keys name the URL or the host.
 */

/** The outgoing-request libraries Vigil knows; `fetch` is the global of Node 18+, browsers and edge runtimes. */
export type HttpClientLibrary = 'fetch' | 'node-fetch' | 'undici' | 'axios' | 'got' | 'ky' | 'ofetch' | 'superagent' | 'needle' | 'http' | 'https';

export interface HttpClientFunction {
  library: HttpClientLibrary;
  /** The module it is imported from. */
  module: string;
  /** The export called: `''` for the module itself or its default export (`axios(…)`, `got(…)`), else its name. */
  name: string;
  /** The argument holding the URL, or an options object when `optionKeys` is given. */
  urlArgument: number;
  /** Keys of an options object in that argument that carry the URL or the host (`{ url }`, `{ hostname }`). */
  optionKeys?: readonly string[];
}

const verbs = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

function each(library: HttpClientLibrary, module: string, names: readonly string[], urlArgument: number, optionKeys?: readonly string[]): HttpClientFunction[] {
  return names.map((name) => ({ library, module, name, urlArgument, ...(optionKeys ? { optionKeys } : {}) }));
}

const axiosConfig = ['url', 'baseURL'] as const;
const gotOptions = ['url', 'prefixUrl'] as const;
const nodeOptions = ['host', 'hostname'] as const;

export const httpClientFunctions: readonly HttpClientFunction[] = [
  { library: 'fetch', module: '', name: 'fetch', urlArgument: 0 },
  { library: 'node-fetch', module: 'node-fetch', name: '', urlArgument: 0 },
  ...each('undici', 'undici', ['fetch', 'request', 'stream'], 0),
  { library: 'axios', module: 'axios', name: '', urlArgument: 0, optionKeys: axiosConfig },
  ...each('axios', 'axios', [...verbs, 'postForm', 'putForm', 'patchForm'], 0),
  { library: 'axios', module: 'axios', name: 'request', urlArgument: 0, optionKeys: axiosConfig },
  { library: 'got', module: 'got', name: '', urlArgument: 0, optionKeys: gotOptions },
  ...each('got', 'got', [...verbs, 'stream'], 0),
  { library: 'ky', module: 'ky', name: '', urlArgument: 0 },
  ...each('ky', 'ky', verbs, 0),
  ...each('ofetch', 'ofetch', ['ofetch', '$fetch'], 0),
  ...each('superagent', 'superagent', [...verbs, 'del'], 0),
  { library: 'needle', module: 'needle', name: '', urlArgument: 1 },
  ...each('needle', 'needle', [...verbs], 0),
  ...each('http', 'http', ['request', 'get'], 0, nodeOptions),
  ...each('https', 'https', ['request', 'get'], 0, nodeOptions),
];

const byModule = new Map<string, HttpClientFunction[]>();
for (const f of httpClientFunctions) {
  let list = byModule.get(f.module);
  if (!list) byModule.set(f.module, (list = []));
  list.push(f);
}

/** The modules the clients are imported from, as written (Node's also with `node:`); `fetch` is a global. */
export const httpClientModules: readonly string[] = [...byModule.keys()].filter((m) => m !== '').flatMap((m) => [m, `node:${m}`]);

/** The request function `name` of `module` is (`''` for the module or its default export), if it is one. */
export function httpClientFunction(module: string, name: string): HttpClientFunction | undefined {
  const m = module.startsWith('node:') ? module.slice(5) : module;
  return byModule.get(m)?.find((f) => f.name === name);
}

/** Whether a module is an HTTP client the table knows: the cheap first filter. */
export function isHttpClientModule(module: string): boolean {
  return byModule.has(module.startsWith('node:') ? module.slice(5) : module);
}

/**
 * The names a client is called by in code (`fetch(…)`, `axios.get(…)`, `got(…)`, `request(…)`): for code sinks a
 * response is remote data, whoever the client is, so the name alone is enough.
 */
const remoteClientNames: ReadonlySet<string> = new Set(['fetch', 'got', 'axios', 'ky', 'request', 'superagent', 'needle', 'undici']);

/** Whether `name` is how code calls an HTTP client. */
export function isRemoteClientName(name: string): boolean {
  return remoteClientNames.has(name);
}
