/**
 * The modules a value of this file can come from, as libraries.ts finds them: a library reference starts at a
 * module the file names (`import`, `import x = require()`, `require()`), at a type name the catalogue hints at
 * (`pool: Pool`), or at a database handle the project says another module exports. A rule that looks for a few
 * libraries (CORS, cookies, XML parsers, HTTP clients) asks once per file, and a file that cannot reach them
 * costs it no library lookup of every call: the lookup would find nothing it looks for.
 */
import * as ts from 'typescript';
import { LibraryId, isDatabaseHandleLibrary, isModelBaseLibrary, libraryIdOf, typeNameHints } from '../catalog';
import { isProjectModule } from './libraries';

const hintedLibraries: ReadonlySet<string> = new Set(typeNameHints.map(([, library]) => library));

/** A library whose handles the project index passes between modules (project/exported-values.ts). */
function isHandleLibrary(library: LibraryId | undefined): boolean {
  return isDatabaseHandleLibrary(library) || isModelBaseLibrary(library);
}

export class ReachableModules {
  private readonly modules = new Set<string>();
  private readonly libraries = new Set<LibraryId | undefined>();
  private fromProject = false;

  /** `withProjectExports`: the project index answers for this file's imports of its own modules. */
  constructor(private readonly withProjectExports: boolean) {}

  /** A module named by an import, an `import x = require()` or a `require()` of this file. */
  add(module: string): void {
    this.modules.add(module);
    this.libraries.add(libraryIdOf(module));
    if (this.withProjectExports && isProjectModule(module)) this.fromProject = true;
  }

  /** `import x = require('m')`: named like an import, though not one of the file's imports. */
  addImportEquals(decl: ts.ImportEqualsDeclaration): void {
    const ref = decl.moduleReference;
    if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) this.add(ref.expression.text);
  }

  /** Whether a library reference of this file can name `module` (as written where it is imported). */
  module(module: string): boolean {
    // A hinted type's reference names its library as its module.
    if (this.modules.has(module) || hintedLibraries.has(module)) return true;
    return this.fromProject && isHandleLibrary(libraryIdOf(module));
  }

  /** Whether a library reference of this file can be of `library`. */
  library(library: LibraryId): boolean {
    if (this.libraries.has(library) || hintedLibraries.has(library)) return true;
    return this.fromProject && isHandleLibrary(library);
  }
}
