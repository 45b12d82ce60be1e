import * as ts from 'typescript';
import type { Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { XmlParser, xmlParsers } from '../../catalog/xml-parsers';
import { removePropertyEdit } from '../../fixers/remove-property';
import { calleeName, objectProperty, unwrap } from '../../facts/syntax';

/** The parser a call is: `libxmljs.parseXml(…)`, `parseXml(…)` imported by name, `libxmljs.Document.fromXml(…)`. */
function parserOf(call: ts.CallExpression, facts: Facts): XmlParser | undefined {
  const ref = facts.libraryOf(call.expression);
  if (!ref || ref.exportName === undefined) return undefined;
  const method = calleeName(call);
  return xmlParsers.find(
    (p) => p.library === ref.library && p.exportName === ref.exportName && (p.method === undefined ? method === ref.exportName : method === p.method),
  );
}

/** The options object literal, written in place or bound to a `const`. */
function optionsLiteral(expr: ts.Expression | undefined, facts: Facts): ts.ObjectLiteralExpression | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

export const xxe: Rule = {
  meta: {
    id: 'xxe',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Untrusted XML parsed with external entities expanded',
    description:
      'libxml2 (libxmljs, libxmljs2) substitutes entities when `noent: true` is set, so a document with `<!ENTITY x SYSTEM "file:///etc/passwd">` reads server files into the result or makes the server fetch internal URLs. Parse untrusted XML without `noent`.',
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-611', 'CWE-776', 'OWASP A05:2021', 'CodeQL js/xxe', 'semgrep javascript.lang.security.audit.detect-libxmljs-noent'],
  },
  create(context) {
    const { facts } = context;
    // A file that reaches no XML parser has no call to look up.
    if (!xmlParsers.some((p) => facts.mayReferenceLibrary(p.library))) return {};
    return {
      CallExpression(call) {
        const parser = parserOf(call, facts);
        if (!parser) return;
        const optionsArg = call.arguments[parser.optionsArg];
        const options = optionsLiteral(optionsArg, facts);
        const text = call.arguments[parser.textArg];
        if (!options || !text) return;
        const option = parser.entityOptions.map((name) => objectProperty(options, name)).find((p) => p && ts.isPropertyAssignment(p) && unwrap(p.initializer).kind === ts.SyntaxKind.TrueKeyword);
        if (!option || !option.name) return;
        const origin = facts.requestOrigin(text, { sink: 'code' });
        if (!origin) return;
        const name = option.name.getText(context.sourceFile);
        context.report({
          // Options bound to a name elsewhere: reported at the call that uses them.
          at: options === unwrap(optionsArg) ? option : optionsArg,
          message: `\`${origin.source}\` is parsed as XML with \`${name}: true\`: a document declaring \`<!ENTITY x SYSTEM "file:///etc/passwd">\` reads server files into the result or makes the server fetch internal URLs (XXE). Drop \`${name}\`.`,
          fixes: [{ title: `Drop ${name}`, safe: true, edits: [removePropertyEdit(context.sourceFile, options, option)] }],
        });
      },
    };
  },
};
