/**
 * The file-wide facts a declaration-scoped rule may read about other units without naming them: the file's
 * imports (which libraries it uses, whether it is test code), its routes and its middleware mounts. A function
 * body can hold any of them (`require` inside a function, routes registered in a `setup(app)`), so an edit that
 * changes one of them is analysed afresh.
 */
import type { Facts } from '../facts/facts';

export function fileFactsDigest(facts: Facts): string {
  const text = (node: { getText(): string } | undefined): string => (node ? node.getText() : '');
  return JSON.stringify([
    facts.isTestFile,
    facts.imports.map((i) => i.module),
    facts.routes.map((r) => [r.framework, r.method, r.path, text(r.receiver), r.middleware.map(text), r.handler ? r.handler.parameters.length : -1]),
    facts.mounts.map((m) => [m.receiverName, m.path, m.args.map((a) => a.getText().length)]),
  ]);
}
