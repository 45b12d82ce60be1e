/**
 * The guards a NestJS file applies to every route of its app, by name as written (`ThrottlerGuard`,
 * `JwtAuthGuard`): module providers under the app-guard token and the bootstrap's global guards. The project
 * index carries them to the controllers of other files (ProjectFacts.globalGuards).
 */
import * as ts from 'typescript';
import { nestGlobalGuards } from '../catalog';
import type { Facts } from './facts';
import { dottedName, memberName, objectProperty, unwrap } from './syntax';

export function globalGuardNames(facts: Facts): string[] {
  const text = facts.sourceFile.text;
  if (!text.includes(nestGlobalGuards.providerToken) && !text.includes(nestGlobalGuards.appMethod)) return [];
  const names = new Set<string>();
  facts.walk(facts.sourceFile, (node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'provide' && dottedName(node.initializer) === nestGlobalGuards.providerToken) {
      for (const key of nestGlobalGuards.providerKeys) {
        const guard = objectProperty(node.parent, key);
        const name = guard && ts.isPropertyAssignment(guard) ? dottedName(guard.initializer) : undefined;
        if (name !== undefined) names.add(name);
      }
    } else if (ts.isCallExpression(node) && memberName(node.expression) === nestGlobalGuards.appMethod) {
      for (const arg of node.arguments) {
        const e = unwrap(arg);
        const name = dottedName(ts.isNewExpression(e) ? e.expression : e);
        if (name !== undefined) names.add(name);
      }
    }
  });
  return [...names];
}
