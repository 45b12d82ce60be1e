import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { ProjectFacts } from '../../project/project-facts';
import type { Facts } from '../../facts/facts';
import { Deserializer, deserializers, yamlFullSchemas, yamlVersion3Exports } from '../../catalog/deserializers';
import { singleMajor } from '../../project/package-manifests';
import { addNamedImport } from '../../fixers/add-import';
import { calleeName, memberName, objectProperty, unwrap } from '../../facts/syntax';
import { preorder } from '../../traverse';

/** What a deserialiser's call is named: a call by any other name is not one, whatever its callee comes from. */
const deserializerNames = new Set(deserializers.map((d) => d.exportName));

/** The deserialiser a call is, by the library and export its callee comes from. */
function deserializerOf(call: ts.CallExpression, facts: Facts): Deserializer | undefined {
  const name = calleeName(call);
  if (name === undefined || !deserializerNames.has(name)) return undefined;
  // A deserialiser is never a database handle: the file's own imports say all there is (Facts.ownLibraryOf).
  const ref = facts.ownLibraryOf(call.expression);
  if (!ref || ref.exportName === undefined || name !== ref.exportName) return undefined;
  return deserializers.find((d) => d.library === ref.library && d.exportName === ref.exportName);
}

/** An object literal written in place, or a `const` bound to one. */
function literalOf(expr: ts.Expression | undefined, facts: Facts): ts.ObjectLiteralExpression | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

/** The file calls an export js-yaml 4 removed (`safeLoad`): it is written against version 3. */
function usesYamlVersion3(facts: Facts): boolean {
  let found = false;
  preorder(facts.sourceFile, (n) => {
    if (found) return false;
    if (callsYamlVersion3(n, facts)) found = true;
    return true;
  });
  return found;
}

function callsYamlVersion3(node: ts.Node, facts: Facts): boolean {
  // Asked of every node of the units an edit reaches: most files cannot reach js-yaml at all.
  if (!ts.isCallExpression(node) || !facts.mayReferenceLibrary('js-yaml')) return false;
  const ref = facts.ownLibraryOf(node.expression);
  return ref?.library === 'js-yaml' && ref.exportName !== undefined && yamlVersion3Exports.has(ref.exportName);
}

/**
 * Whether this js-yaml `load` builds `!!js/function` values: an explicit full schema, or the default schema
 * of version 3 (known from the file's own v3-only calls or the project's declared range). A safe or custom
 * schema, options Vigil cannot see, or an unknown version: quiet.
 */
function yamlLoadIsUnsafe(call: ts.CallExpression, facts: Facts, project: ProjectFacts): boolean {
  const options = call.arguments[1];
  if (options) {
    const literal = literalOf(options, facts);
    if (!literal) return false;
    const schema = objectProperty(literal, 'schema');
    if (schema) {
      if (!ts.isPropertyAssignment(schema)) return false;
      const value = unwrap(schema.initializer);
      const name = ts.isIdentifier(value) ? value.text : memberName(value);
      if (name !== undefined && yamlFullSchemas.has(name)) return true;
      // Only `DEFAULT_SCHEMA` depends on the version; a safe or custom schema builds no functions.
      if (name !== 'DEFAULT_SCHEMA') return false;
    } else if (literal.properties.some((p) => ts.isSpreadAssignment(p))) {
      return false;
    }
  }
  if (usesYamlVersion3(facts)) return true;
  const range = project.declaredRange('js-yaml');
  const major = range === undefined ? undefined : singleMajor(range);
  return major !== undefined && major < 4;
}

function needsParens(e: ts.Expression): boolean {
  return !(ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e) || ts.isParenthesizedExpression(e));
}

function fixFor(call: ts.CallExpression, d: Deserializer, facts: Facts): OffsetFix | undefined {
  const sourceFile = facts.sourceFile;
  const data = call.arguments[d.dataArg];
  const dataText = data.getText(sourceFile);
  const whole = { start: call.getStart(sourceFile), end: call.getEnd() };
  switch (d.fix.kind) {
    case 'json-parse':
      return { title: 'Parse with JSON.parse', safe: false, edits: [{ ...whole, text: `JSON.parse(${dataText})` }] };
    case 'use-value': {
      const parens = needsParens(data) && !ts.isExpressionStatement(call.parent);
      return { title: 'Use the value without reviving functions', safe: false, edits: [{ ...whole, text: parens ? `(${dataText})` : dataText }] };
    }
    case 'safe-loader': {
      const callee = unwrap(call.expression);
      const edits: OffsetEdit[] = [];
      let calleeText: string;
      if (ts.isPropertyAccessExpression(callee)) {
        calleeText = `${callee.expression.getText(sourceFile)}.${d.fix.method}`;
      } else {
        const imported = addNamedImport(facts, { module: 'js-yaml', name: d.fix.method });
        if (!imported) return undefined;
        if (imported.edit) edits.push(imported.edit);
        calleeText = imported.name;
      }
      edits.push({ ...whole, text: `${calleeText}(${dataText})` });
      return { title: `Load with js-yaml's ${d.fix.method}`, safe: false, edits };
    }
  }
}

export const insecureDeserialization: Rule = {
  meta: {
    id: 'insecure-deserialization',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Untrusted data given to a deserialiser that runs code',
    description:
      "node-serialize's `unserialize`, serialize-to-js's `deserialize`, funcster, cryo and js-yaml 3's `load` rebuild functions from their input, so a crafted request runs code on the server. Parse untrusted data with `JSON.parse` or js-yaml's safe loader.",
    fixable: 'suggestion',
    scope: 'declaration',
    // A js-yaml `load` anywhere is unsafe by default once the file calls a version 3 export anywhere.
    unitInputs: { of: [ts.SyntaxKind.CallExpression], read: (node, facts) => (callsYamlVersion3(node, facts) ? 'js-yaml 3' : undefined) },
    sources: ['CWE-502', 'OWASP A08:2021', 'CodeQL js/unsafe-deserialization', 'semgrep javascript.lang.security.audit.unsafe-deserialization'],
  },
  create(context) {
    const { facts } = context;
    return {
      CallExpression(call) {
        const d = deserializerOf(call, facts);
        const data = d && call.arguments[d.dataArg];
        if (!d || !data || facts.isConstant(data)) return;
        const origin = facts.requestOrigin(data, { sink: 'code' });
        if (!origin) return;
        if (d.unsafe === 'js-yaml-3' && !yamlLoadIsUnsafe(call, facts, context.project)) return;
        const fix = fixFor(call, d, facts);
        const name = call.expression.getText(context.sourceFile);
        context.report({
          at: call,
          message: `\`${origin.source}\` is deserialised by \`${name}\`, which ${d.danger}: whoever sends it runs code on this server. Parse it as data (JSON.parse${d.library === 'js-yaml' ? ", or js-yaml's safe loader" : ''}).`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
};
