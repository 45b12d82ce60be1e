/**
 * Which calls send an outgoing HTTP request, and which expressions choose where it goes: the URL argument, or
 * the URL and host keys of an options object. The libraries and their signatures are the catalogue's
 * (catalog/http-clients.ts); this module only matches a call against them through the file's imports.
 */
import * as ts from 'typescript';
import { type Facts, factKey } from './facts';
import { HttpClientFunction, httpClientFunction, httpClientModules } from '../catalog/http-clients';
import { objectProperty, unwrap } from './syntax';

export interface OutgoingRequest {
  call: ts.CallExpression;
  client: HttpClientFunction;
  /** The URL argument itself, when it is one (not an options object): where a fix can wrap it. */
  urlArgument: ts.Expression | undefined;
  /** Every expression that chooses the URL or the host. */
  targets: ts.Expression[];
}

/** The outgoing request `call` sends, if it sends one. */
export function outgoingRequestOf(call: ts.CallExpression, facts: Facts): OutgoingRequest | undefined {
  const client = clientOf(call, facts);
  if (!client) return undefined;
  const arg = call.arguments[client.urlArgument];
  if (!arg || ts.isSpreadElement(arg)) return undefined;
  const value = unwrap(arg);
  if (client.optionKeys && ts.isObjectLiteralExpression(value)) {
    const targets = client.optionKeys.flatMap((key) => {
      const p = objectProperty(value, key);
      return p && ts.isPropertyAssignment(p) ? [p.initializer] : p && ts.isShorthandPropertyAssignment(p) ? [p.name] : [];
    });
    return { call, client, urlArgument: undefined, targets };
  }
  return { call, client, urlArgument: arg, targets: [arg] };
}

const reachesClientFact = factKey<boolean>('reaches an HTTP client');

/** Whether the file can reach a client module at all: most cannot, and their calls need no library lookup. */
function reachesClient(facts: Facts): boolean {
  return facts.memo(reachesClientFact, facts.sourceFile, () => httpClientModules.some((m) => facts.mayReference(m)));
}

function clientOf(call: ts.CallExpression, facts: Facts): HttpClientFunction | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee) && callee.text === 'fetch' && facts.resolve(callee) === undefined) return httpClientFunction('', 'fetch');
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  if (!reachesClient(facts)) return undefined;
  const ref = facts.libraryOf(callee);
  // Instances (`axios.create({ baseURL })`, `got.extend(…)`) carry their own base URL: only the module's own functions count.
  if (!ref || !ref.isModule) return undefined;
  return httpClientFunction(ref.module, ref.exportName ?? '');
}
