import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import { isFunctionLike, isRequireCall, unwrap } from '../../facts/syntax';
import { NamingStyle, namingStyle, restyle } from './naming-styles';

type BindingKind = 'function' | 'variable' | 'method';

interface Binding {
  name: ts.Identifier;
  declaration: ts.VariableDeclaration | ts.FunctionDeclaration | ts.MethodDeclaration;
  kind: BindingKind;
  style: NamingStyle;
}

const plural: Readonly<Record<BindingKind, string>> = { function: 'functions', variable: 'variables', method: 'methods' };

/** A style needs this many names, and twice as many as the others together, before it is the file's. */
const minDominant = 2;

/** PascalCase is the convention for constructors, components, models and namespaces: it counts only for methods. */
function countedStyle(name: string, kind: BindingKind): NamingStyle | undefined {
  const style = namingStyle(name);
  return style === 'PascalCase' && kind !== 'method' ? undefined : style;
}

/** `const user_id = req.params.user_id`, `const pg_pool = require('pg')`: the name mirrors data or a module. */
function mirrorsExternalName(decl: ts.VariableDeclaration, name: string, sourceFile: ts.SourceFile): boolean {
  if (!decl.initializer) return false;
  let init = unwrap(decl.initializer);
  if (ts.isAwaitExpression(init)) init = unwrap(init.expression);
  if (isRequireCall(init) || (ts.isCallExpression(init) && init.expression.kind === ts.SyntaxKind.ImportKeyword)) return true;
  const text = sourceFile.text.slice(init.getStart(sourceFile), init.end);
  return text.includes(`.${name}`) || text.includes(`'${name}'`) || text.includes(`"${name}"`) || text.includes(`\`${name}\``);
}

/** Where an identifier is a property name or a label rather than a reference to a binding. */
function isReferencePosition(id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && p !== undefined && (ts.isPropertyAccessExpression(p) ? p.name : p.right) === id) return false;
  if ((ts.isBindingElement(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodSignature(p) ||
      ts.isAccessor(p) ||
      ts.isEnumMember(p) ||
      ts.isJsxAttribute(p)) &&
    p.name === id
  ) {
    return false;
  }
  return !(ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p) || ts.isMetaProperty(p));
}

/** `module.exports = { name }` / `exports.name = …`: the name is part of the module's API. */
function isCommonJsExport(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.parent.right === n) {
      const target = n.parent.left.getText();
      return target === 'module.exports' || /^(module\.)?exports\./.test(target);
    }
    if (!ts.isObjectLiteralExpression(n.parent) && !ts.isShorthandPropertyAssignment(n.parent) && !ts.isPropertyAssignment(n.parent)) return false;
  }
  return false;
}

function hasExportModifier(node: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `var` and function declarations hoist out of blocks, which the lexical resolver does not follow. */
function resolvesLexically(decl: Binding['declaration']): boolean {
  const statement = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  const blockScoped = ts.isVariableDeclaration(decl) && (decl.parent.flags & ts.NodeFlags.BlockScoped) !== 0;
  const container = statement.parent;
  return blockScoped || ts.isSourceFile(container) || (ts.isBlock(container) && isFunctionLike(container.parent));
}

/** The block, function or file whose names a declaration joins. */
function scopeOf(decl: Binding['declaration']): ts.Node {
  let n: ts.Node = ts.isVariableDeclaration(decl) ? decl.parent : decl.parent;
  while (n.parent && !(ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n) || isFunctionLike(n) || ts.isIterationStatement(n, false))) {
    n = n.parent;
  }
  return n;
}

/**
 * The new name neither captures another binding (no identifier spelt so inside the declaration's scope) nor is
 * captured (nothing so named is visible where the binding is used).
 */
function renameIsFree(binding: Binding, references: readonly ts.Identifier[], renamed: string, identifiers: readonly ts.Identifier[], facts: Facts): boolean {
  const scope = scopeOf(binding.declaration);
  if (identifiers.some((id) => id.text === renamed && id.pos >= scope.pos && id.end <= scope.end)) return false;
  return [binding.name, ...references].every((site) => facts.resolveName(renamed, site) === undefined);
}

interface Uses {
  references: ts.Identifier[];
  shorthand: boolean;
  exported: boolean;
}

function usesOf(binding: Binding, identifiers: readonly ts.Identifier[], facts: Facts): Uses {
  const uses: Uses = { references: [], shorthand: false, exported: hasExportModifier(binding.declaration) };
  for (const id of identifiers) {
    if (id === binding.name) continue;
    if (!isReferencePosition(id) || facts.resolve(id) !== binding.declaration) continue;
    uses.references.push(id);
    if (ts.isExportSpecifier(id.parent) || ts.isExportAssignment(id.parent)) uses.exported = true;
    if (ts.isShorthandPropertyAssignment(id.parent)) {
      if (isCommonJsExport(id.parent)) uses.exported = true;
      else uses.shorthand = true;
    } else if (isCommonJsExport(id)) uses.exported = true;
  }
  return uses;
}

export const inconsistentNaming: Rule = {
  meta: {
    id: 'inconsistent-naming',
    category: 'maintainability',
    defaultSeverity: 'info',
    title: 'Naming style that differs from the rest of the file',
    description:
      'A file that names its functions `getUserData`, `fetch_user_info` and `loadUserData` makes every name a guess: readers search for the wrong spelling and the next author adds a fourth. Use the style the file already uses.',
    fixable: 'suggestion',
    sources: ['ESLint camelcase', 'typescript-eslint naming-convention', 'SonarJS S100/S117'],
  },
  create(context) {
    const { sourceFile, facts } = context;
    const bindings: Binding[] = [];
    const add = (name: ts.Node | undefined, declaration: Binding['declaration'], kind: BindingKind): void => {
      if (!name || !ts.isIdentifier(name)) return;
      const style = countedStyle(name.text, kind);
      if (style) bindings.push({ name, declaration, kind, style });
    };
    if (sourceFile.isDeclarationFile) return {};
    return {
      FunctionDeclaration(node) {
        add(node.name, node, 'function');
      },
      MethodDeclaration(node) {
        if (ts.isClassLike(node.parent)) add(node.name, node, 'method');
      },
      VariableDeclaration(node) {
        const init = node.initializer && unwrap(node.initializer);
        add(node.name, node, init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? 'function' : 'variable');
      },
      end() {
        const counts = new Map<NamingStyle, number>();
        for (const b of bindings) counts.set(b.style, (counts.get(b.style) ?? 0) + 1);
        const [dominant, dominantCount] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a), ['camelCase', 0] as [NamingStyle, number]);
        const others = bindings.length - dominantCount;
        if (others === 0 || dominantCount < minDominant || dominantCount < 2 * others) return;

        const kindsInStyle = new Set(bindings.filter((b) => b.style === dominant).map((b) => b.kind));
        const candidates = bindings.filter(
          (b) =>
            b.style !== dominant &&
            kindsInStyle.has(b.kind) &&
            !(ts.isVariableDeclaration(b.declaration) && b.kind === 'variable' && mirrorsExternalName(b.declaration, b.name.text, sourceFile)),
        );
        if (candidates.length === 0) return;

        // One walk, only when there is something to report: the references of the candidates.
        const names = new Set(candidates.flatMap((b) => [b.name.text, restyle(b.name.text, dominant)]));
        const identifiers: ts.Identifier[] = [];
        facts.walk(sourceFile, (node) => {
          if (ts.isIdentifier(node) && names.has(node.text)) identifiers.push(node);
        });

        for (const binding of candidates) {
          const uses = usesOf(binding, identifiers, facts);
          if (uses.shorthand) continue;
          const old = binding.name.text;
          const renamed = restyle(old, dominant);
          const examples = bindings.filter((b) => b.style === dominant && b.kind === binding.kind).slice(0, 2).map((b) => `\`${b.name.text}\``);
          const what = `\`${old}\` is ${binding.style}, but this file names its ${plural[binding.kind]} in ${dominant} (${examples.join(', ')}): mixed styles make every name a guess to read and to search for.`;
          let advice: string;
          const fixes: OffsetFix[] = [];
          if (uses.exported) {
            advice = `Rename it \`${renamed}\` together with the files that import it: it is exported, so Vigil does not rename it here (the importers would break).`;
          } else if (binding.kind === 'method') {
            advice = `Rename it \`${renamed}\` and its callers: methods are called through objects Vigil cannot follow, so it does not rename them automatically.`;
          } else {
            advice = `Rename it \`${renamed}\`.`;
            if (resolvesLexically(binding.declaration) && renameIsFree(binding, uses.references, renamed, identifiers, facts)) {
              const edits: OffsetEdit[] = [binding.name, ...uses.references].map((id) => ({ start: id.getStart(sourceFile), end: id.end, text: renamed }));
              fixes.push({ title: `Rename to \`${renamed}\``, safe: false, edits });
            }
          }
          context.report({ at: binding.name, message: `${what} ${advice}`, fixes });
        }
      },
    };
  },
};
