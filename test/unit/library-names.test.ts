/**
 * Library knowledge lives in the catalogue (DESIGN.md "The catalogue"): no module under server/src outside
 * server/src/core/catalog names an ORM in a string, a template or a regular expression. Fixes are the exception:
 * they write code for the library (`import { Op } from 'sequelize'`). Comments may name libraries; the scan reads
 * the literals of the parsed source only.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../harness/paths';

const sourceRoot = path.join(repoRoot, 'server/src');
const catalog = path.join(sourceRoot, 'core/catalog');
const ormNames = /\b(sequelize|mongoose|typeorm|prisma|knex)\b/i;

/** Modules that write code for a library: the shared fixers and a rule's own fix module (`<name>-fix.ts`). */
function writesCode(file: string): boolean {
  return file.startsWith(path.join(sourceRoot, 'core/fixers') + path.sep) || /-fix\.ts$/.test(file);
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.ts$/.test(e.name) ? [full] : [];
  });
}

/** `line: literal` for every string, template piece or regular expression of `text` that names an ORM. */
function ormLiterals(fileName: string, text: string): string[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || node.kind === ts.SyntaxKind.RegularExpressionLiteral;
    if (literal && ormNames.test(node.getText(sourceFile))) {
      found.push(`${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}: ${node.getText(sourceFile)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('library names stay in the catalogue', () => {
  it('no module outside core/catalog names an ORM as a string, except fixes', () => {
    const files = sources(sourceRoot).filter((f) => !f.startsWith(catalog + path.sep) && !writesCode(f));
    assert.ok(files.length > 100, 'the scan reads the server sources');
    const named = files.flatMap((f) => ormLiterals(f, fs.readFileSync(f, 'utf8')).map((hit) => `${path.relative(repoRoot, f)}:${hit}`));
    assert.deepEqual(named, []);
  });

  it('catches a name in a string, a template or a regular expression, and not in a comment', () => {
    const forms = [
      "if (ref.library === 'prisma') {}",
      'const m = `${x}.sequelize`;',
      'const methods = /^(find|findOne)$/.test(m) && /mongoose/i.test(module);',
      "const t = `${a} and knex(${b})`;",
      "import { In } from 'typeorm';",
    ];
    for (const form of forms) assert.equal(ormLiterals('probe.ts', form).length, 1, form);
    assert.deepEqual(ormLiterals('probe.ts', "// Prisma and Knex write through `db`\nconst orm = catalog.prisma.id; const knexLike = 'knexfile';"), []);
  });

  it('exempts the modules that write code for a library', () => {
    assert.ok(writesCode(path.join(sourceRoot, 'core/fixers/wrap-in-transaction.ts')));
    assert.ok(writesCode(path.join(sourceRoot, 'core/rules/performance/batch-queries-fix.ts')));
    assert.ok(!writesCode(path.join(sourceRoot, 'core/rules/performance/n-plus-one-query.ts')));
  });
});
