/**
 * Which calls decode, verify or sign a JSON Web Token, matched against the catalogue (catalog/jwt-libraries.ts)
 * through the file's imports, injected `JwtService` instances, and an undeclared `jwt`/`jsonwebtoken` name (a
 * snippet whose import is elsewhere).
 */
import * as ts from 'typescript';
import { type Facts, factKey } from './facts';
import { JwtFunction, jsonwebtokenGlobalName, jwtFunction, jwtModules } from '../catalog/jwt-libraries';
import { memberName, unwrap } from './syntax';

export interface JwtCall {
  call: ts.CallExpression;
  fn: JwtFunction;
}

const reachesJwt = factKey<boolean>('reaches a JWT module');

/** The JWT function `call` calls, if any. */
export function jwtCallOf(call: ts.CallExpression, facts: Facts): JwtCall | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  // Following a callee back to its declaration is most of this fact's cost, and most files cannot reach a JWT library.
  const importable = facts.memo(reachesJwt, facts.sourceFile, () => jwtModules.some((module) => facts.mayReference(module)));
  const ref = importable ? facts.libraryOf(callee) : undefined;
  let fn: JwtFunction | undefined;
  if (ref?.isModule) fn = jwtFunction(ref.module, ref.exportName ?? '');
  else if (ref?.exportName !== undefined) fn = jwtFunction(ref.module, memberName(callee) ?? '', ref.exportName);
  else if (!ref && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && jsonwebtokenGlobalName.test(callee.expression.text) && facts.resolve(callee.expression) === undefined) {
    fn = jwtFunction('jsonwebtoken', callee.name.text);
  }
  return fn ? { call, fn } : undefined;
}
