/**
 * Which library a local name stands for: `import`, `require`, destructuring, `new Pool()`, `pool.connect()`,
 * `knex(...)`, `new PrismaClient()`, `drizzle()`, and constructor-injected services by their type name.
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex, bindingPath } from './scopes';
import { isRequireCall, memberName, unwrap } from './syntax';
import { LibraryId, libraryIdOf, typeNameHints } from '../catalog';

export interface LibraryRef {
  /** The catalogue's id for the module; undefined for a module it does not know. */
  library: LibraryId | undefined;
  /** The module specifier as written. */
  module: string;
  /** The export the name came from, when it was a named import or a destructured property (`Pool`, `SignJWT`). */
  exportName?: string;
  /** True when the value is the module (or an export of it) itself, false for something made from it. */
  isModule: boolean;
  /** The module's namespace (`import * as db`): its members are its exports; it is not its default export. */
  isNamespace?: boolean;
}

/**
 * What the project says an export of one of its modules is (`module`, as written in this file; `exportName`
 * undefined for the default export): a database handle of a library, as a reference to that library.
 */
export type ProjectExports = (module: string, exportName: string | undefined) => LibraryRef | undefined;

/**
 * A module of the project itself or an alias into it (`./db`, `../lib/db`, `@/lib/db`, `~/server/db`, `#db`),
 * whose exports Vigil cannot see from this file.
 */
export function isProjectModule(module: string): boolean {
  return /^(\.|@\/|~\/|#)/.test(module);
}

export class LibraryIndex {
  private readonly cache = new Map<ts.Node, LibraryRef | null>();
  /**
   * The answers of `of` and `ownOf` per expression: most rules ask about the same callees (a file's calls are asked
   * about by a dozen rules each), and a lookup climbs the member chain and resolves its root every time. Only the
   * outermost questions are kept, never one asked inside a declaration's computation, where a cycle guard may
   * have cut it short; an outermost answer is the same whenever it is asked, as the declarations it reads are.
   */
  private readonly answers = new Map<ts.Expression, LibraryRef | null>();
  private readonly ownAnswers = new Map<ts.Expression, LibraryRef | null>();

  constructor(
    private readonly scopes: ScopeIndex,
    private readonly projectExports?: ProjectExports,
  ) {}

  /**
   * The library an expression's value comes from, following names back to their declarations, and into the
   * project's other modules when the project index says what their exports are (`require('../models/User')` is
   * a Mongoose model).
   */
  of(expr: ts.Expression): LibraryRef | undefined {
    const known = this.answers.get(expr);
    if (known !== undefined) return known ?? undefined;
    const ref = this.answer(expr);
    this.answers.set(expr, ref ?? null);
    return ref;
  }

  private answer(expr: ts.Expression): LibraryRef | undefined {
    const ref = this.ownOf(expr);
    if (!ref || !this.projectExports || !isProjectModule(ref.module) || (ref.isNamespace && ref.exportName === undefined)) return ref;
    const exported = this.projectExports(ref.module, ref.exportName);
    return exported ? { ...exported, isModule: exported.isModule && ref.isModule } : ref;
  }

  /** The library an expression's value comes from as this file alone says it (what the file's summary records). */
  ownOf(expr: ts.Expression): LibraryRef | undefined {
    const known = this.ownAnswers.get(expr);
    if (known !== undefined) return known ?? undefined;
    const ref = this.lookup(expr, 0);
    this.ownAnswers.set(expr, ref ?? null);
    return ref;
  }

  private lookup(expr: ts.Expression, depth: number): LibraryRef | undefined {
    if (depth > 12) return undefined;
    const e = unwrap(expr);
    if (isRequireCall(e)) return moduleRef(e.arguments[0].text);
    if (ts.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      return decl ? this.ofDeclaration(decl, depth + 1) : undefined;
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      const base = this.lookup(e.expression, depth + 1);
      return base ? { ...base, isModule: false } : undefined;
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const name = memberName(e);
        return name === undefined ? undefined : this.ofThisMember(e, name);
      }
      const base = this.lookup(e.expression, depth + 1);
      if (!base) return undefined;
      const name = memberName(e);
      // `require('pg').Pool` and `mysql.createPool` keep naming the export they reach.
      return base.isModule && base.exportName === undefined && name !== undefined ? { ...base, exportName: name } : base;
    }
    return undefined;
  }

  private ofDeclaration(decl: Declaration, depth: number): LibraryRef | undefined {
    const cached = this.cache.get(decl);
    if (cached !== undefined) return cached ?? undefined;
    this.cache.set(decl, null); // guards cycles such as `let db = db || connect()`
    const ref = this.computeDeclaration(decl, depth);
    this.cache.set(decl, ref ?? null);
    return ref;
  }

  private computeDeclaration(decl: Declaration, depth: number): LibraryRef | undefined {
    if (ts.isImportClause(decl)) return moduleRef(specifierOf(decl.parent));
    if (ts.isNamespaceImport(decl)) {
      const ref = moduleRef(specifierOf(decl.parent.parent));
      return ref && { ...ref, isNamespace: true };
    }
    if (ts.isImportSpecifier(decl)) {
      const module = specifierOf(decl.parent.parent.parent);
      return module === undefined ? undefined : { ...moduleRef(module)!, exportName: (decl.propertyName ?? decl.name).text };
    }
    if (ts.isImportEqualsDeclaration(decl)) {
      const ref = decl.moduleReference;
      return ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression) ? moduleRef(ref.expression.text) : undefined;
    }
    if (ts.isVariableDeclaration(decl)) return decl.initializer ? this.lookup(decl.initializer, depth) : this.ofTypeNode(decl.type);
    if (ts.isParameter(decl)) return this.ofTypeNode(decl.type);
    if (ts.isBindingElement(decl)) {
      const path = bindingPath(decl);
      if (!path || !ts.isVariableDeclaration(path.root) || !path.root.initializer) return undefined;
      const base = this.lookup(path.root.initializer, depth);
      if (!base) return undefined;
      return base.isModule && base.exportName === undefined ? { ...base, exportName: path.path[0] } : base;
    }
    return undefined;
  }

  private ofTypeNode(type: ts.TypeNode | undefined): LibraryRef | undefined {
    if (!type || !ts.isTypeReferenceNode(type)) return undefined;
    const typeName = type.typeName;
    const simple = ts.isIdentifier(typeName) ? typeName : typeName.right;
    const root = ts.isIdentifier(typeName) ? typeName : leftmost(typeName);
    const imported = this.scopes.resolve(root);
    if (imported && (ts.isImportSpecifier(imported) || ts.isImportClause(imported) || ts.isNamespaceImport(imported))) {
      const ref = this.computeDeclaration(imported, 0);
      if (ref) return { ...ref, isModule: false };
    }
    for (const [pattern, library] of typeNameHints) {
      if (pattern.test(simple.text)) return { library, module: library, isModule: false };
    }
    return undefined;
  }

  /** `this.pool` in a class: the field's initializer or type, or a constructor parameter property. */
  private ofThisMember(node: ts.Node, name: string): LibraryRef | undefined {
    let cls: ts.Node | undefined = node.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls) return undefined;
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === name) {
        return member.initializer ? this.lookup(member.initializer, 1) : this.ofTypeNode(member.type);
      }
      if (ts.isConstructorDeclaration(member)) {
        const param = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
        if (param) return this.ofTypeNode(param.type);
      }
    }
    return undefined;
  }
}

function leftmost(name: ts.QualifiedName): ts.Identifier {
  let n: ts.EntityName = name;
  while (ts.isQualifiedName(n)) n = n.left;
  return n;
}

function specifierOf(decl: ts.ImportDeclaration | ts.JSDocImportTag): string | undefined {
  return ts.isStringLiteral(decl.moduleSpecifier) ? decl.moduleSpecifier.text : undefined;
}

function moduleRef(module: string | undefined): LibraryRef | undefined {
  return module === undefined ? undefined : { library: libraryIdOf(module), module, isModule: true };
}
