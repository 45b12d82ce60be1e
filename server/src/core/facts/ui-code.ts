/**
 * UI code: a component or page that runs in the browser (or renders for it), where an unhandled rejection is a
 * console message and a user left waiting, not a process that stops. Messages about failures speak of that.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';

const uiModules = /^(react|react-dom|react-dom\/client|preact|vue|svelte|solid-js|@angular\/core|next\/navigation|next\/router)$/;

export function isUiCode(facts: Facts, fileName: string): boolean {
  if (/\.[jt]sx$/.test(fileName)) return true;
  const first = facts.sourceFile.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use client') return true;
  return facts.imports.some((i) => uiModules.test(i.module));
}
