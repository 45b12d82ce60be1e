import * as ts from 'typescript';
import type { Rule } from '../../rule';
import { lineIndent } from '../../facts/syntax';
import { frameworkCallbackSignatures, frameworkEntryPoints } from '../../catalog/framework-entry-points';
import { ExportedFunction, exportedFunctions } from '../../facts/exported-functions';
import { jsdocSkeleton } from './jsdoc-skeleton';
import { preorder } from '../../traverse';

const generatedPath = /(^|[\\/])(generated|__generated__|dist|build|vendor)[\\/]|\.(min|generated|gen)\.[cm]?[jt]sx?$/;
/**
 * Modules a tool loads and calls by a fixed shape, not an API other code calls: migrations and seeders
 * (`up(queryInterface, Sequelize)`), code generators' prompts and actions (plop, Yeoman and Nx keep them in
 * `generators/`), the configuration of tools kept in dot-folders (`.hygen/`, `.storybook/`), and tools' configuration
 * files (`next.config.js`, `webpack.config.js`, `karma.conf.js`, `.eslintrc.js`, `gulpfile.js`).
 */
const toolModulePath = /(^|[\\/])(migrations?|seeders?|seeds|generators|\.(hygen|storybook|github|husky|vscode|yarn|changeset|devcontainer))[\\/]/;
const toolConfigFile = /(^|[\\/])([\w.-]*\.(config|conf)(\.[\w-]+)*|\.[\w-]+rc|gruntfile|gulpfile|plopfile)\.[cm]?[jt]s$/i;
const generatedHeader = /@generated|auto-?generated|do not edit/i;
/** What tsc and Babel write into the CommonJS they compile: the file is the output of a source kept elsewhere. */
const compiledOutput = /Object\.defineProperty\(exports,\s*["']__esModule["']|\bexports\.__esModule\s*=/;
const javascript = /\.[cm]?jsx?$/;

/** A `/** … *\/` comment right above `node`. */
function hasDocComment(node: ts.Node, source: ts.SourceFile): boolean {
  return (ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []).some((r) => source.text.startsWith('/**', r.pos));
}

function holdsJsx(node: ts.Node): boolean {
  let found = false;
  preorder(node, (n) => {
    if (found) return false;
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true;
    return !found;
  });
  return found;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/**
 * A function whose parameters take their types from where it stands: the initializer of a variable with a declared
 * type (`const plugin: FastifyPluginAsync = async (fastify) => …`, `const Card: React.FC<Props> = ({ title }) => …`),
 * or under `satisfies`, `as` or `<T>`.
 */
function isContextuallyTyped(fn: ts.FunctionLikeDeclaration): boolean {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent) || ts.isTypeAssertionExpression(node.parent)) {
    if (!ts.isParenthesizedExpression(node.parent)) return true;
    node = node.parent;
  }
  return ts.isVariableDeclaration(node.parent) && node.parent.initializer === node && node.parent.type !== undefined;
}

/** A parameter list a library fills in by convention: a reducer's `(state = initialState, action)`. */
function hasCallbackSignature(fn: ts.FunctionLikeDeclaration, source: ts.SourceFile): boolean {
  const texts = fn.parameters.map((p) => p.getText(source));
  return frameworkCallbackSignatures.some((signature) => signature.length === texts.length && signature.every((pattern, i) => pattern.test(texts[i])));
}

export const undocumentedExport: Rule = {
  meta: {
    id: 'undocumented-export',
    category: 'maintainability',
    defaultSeverity: 'info',
    title: 'Exported function with untyped parameters and no documentation',
    description:
      'An exported function, class or method whose parameters have no types (implicitly `any` in TypeScript, untyped in JavaScript) and that has no doc comment: callers, reviewers and assistants must read its body to know what to pass. Type the parameters or document them with JSDoc.',
    fixable: 'safe',
    sources: ['CWE-1059', 'typescript-eslint explicit-module-boundary-types', 'eslint-plugin-jsdoc require-jsdoc'],
    // Which functions the file exports is said at the top level, outside any function body. A finding reads its
    // function (parameters, body, doc comment); a constructor's, reported on its class, also the class's.
    scope: 'declaration',
  },
  create(context) {
    const { facts, sourceFile, projectPath } = context;
    if (facts.isTestFile || sourceFile.isDeclarationFile || [generatedPath, toolModulePath, toolConfigFile].some((p) => p.test(projectPath))) return {};
    if (generatedHeader.test(sourceFile.text.slice(0, 600)) || compiledOutput.test(sourceFile.text.slice(0, 2000))) return {};
    const isJs = javascript.test(projectPath);
    // `// @ts-check` makes TypeScript check this JavaScript file: its parameters are inferred and checked.
    if (isJs && /^\s*(\/\/|\/\*)\s*@ts-check/m.test(sourceFile.text.slice(0, 600))) return {};

    const isFrameworkCallback = (e: ExportedFunction): boolean => {
      const first = e.fn.parameters[0];
      if (first && facts.isRequestParameter(first)) return true;
      if (frameworkEntryPoints.has(e.label) || isContextuallyTyped(e.fn) || hasCallbackSignature(e.fn, sourceFile)) return true;
      // A React component: its props are described by its use in JSX, and its name is capitalised.
      return /^[A-Z]/.test(e.label) && !e.label.includes('.') && !ts.isConstructorDeclaration(e.fn) && e.fn.body !== undefined && holdsJsx(e.fn.body);
    };

    const check = (e: ExportedFunction): void => {
      const untyped = e.fn.parameters.filter((p) => !p.type && !p.initializer && !(ts.isIdentifier(p.name) && p.name.text === 'this'));
      if (untyped.length === 0) return;
      if (hasDocComment(e.docTarget, sourceFile) || (e.docTarget !== e.fn && hasDocComment(e.fn, sourceFile))) return;
      if (hasModifier(e.fn, ts.SyntaxKind.OverrideKeyword) || isFrameworkCallback(e)) return;
      const names = untyped.map((p) => (ts.isIdentifier(p.name) ? `\`${p.name.text}\`` : 'a destructured object')).join(', ');
      const advice = isJs ? 'Document it with a JSDoc comment (`@param {type} name`).' : 'Give its parameters types, or document it with a JSDoc comment.';
      const start = e.docTarget.getStart(sourceFile);
      const indent = lineIndent(sourceFile, start);
      context.report({
        at: e.name,
        message: `\`${e.label}\` is exported with untyped parameters (${names}) and no doc comment: callers must read its body to know what to pass. ${advice}`,
        fixes: [{ title: 'Add a JSDoc comment', safe: true, edits: [{ start, end: start, text: jsdocSkeleton(e.fn, sourceFile, indent, facts) }] }],
      });
    };

    // Each function is checked where the walk meets it, a constructor where it meets its class: the unit that runs
    // again when the constructor's body or the class's doc comment changes.
    let byNode: Map<ts.Node, ExportedFunction> | undefined;
    const onNode = (node: ts.Node): void => {
      if (!byNode) {
        byNode = new Map();
        const exported = exportedFunctions(sourceFile, facts);
        // The API is declared, typed and documented where TypeScript reads it: the `.d.ts` beside this file.
        const declared = exported.length > 0 && isJs && context.project.declarationFile() !== undefined;
        for (const e of declared ? [] : exported) byNode.set(ts.isConstructorDeclaration(e.fn) ? e.fn.parent : e.fn, e);
      }
      const e = byNode.get(node);
      if (e) check(e);
    };
    return {
      FunctionDeclaration: onNode,
      FunctionExpression: onNode,
      ArrowFunction: onNode,
      MethodDeclaration: onNode,
      ClassDeclaration: onNode,
      ClassExpression: onNode,
    };
  },
};
