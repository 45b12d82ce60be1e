/** Builds a file's facts and finds nodes in it by their text, for unit tests of the facts. */
import * as ts from 'typescript';
import { buildFacts, Facts } from '../../server/src/core/facts/facts';
import { parse } from '../../server/src/core/parse';

export function factsOf(text: string, fileName = 'file.ts'): Facts {
  return buildFacts(parse(text, fileName), fileName);
}

/** The last expression whose text is exactly `snippet` (the last, so a use is found after its declaration). */
export function expressionAt(facts: Facts, snippet: string): ts.Expression {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isExpression(n) && n.getText(facts.sourceFile) === snippet) found = n;
    ts.forEachChild(n, visit);
  };
  visit(facts.sourceFile);
  if (!found) throw new Error(`no expression \`${snippet}\` in the test source`);
  return found;
}
