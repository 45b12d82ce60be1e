import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { buildFacts } from '../../server/src/core/facts/facts';
import type { LibraryRef } from '../../server/src/core/facts/libraries';
import { parse } from '../../server/src/core/parse';
import { expressionAt, factsOf } from '../harness/facts-of';

describe('facts: the modules a file can reach (mayReference)', () => {
  const reached: [string, string, string][] = [
    ['an ES import', "import cors from 'cors'; cors({});", 'cors'],
    ['a require anywhere in the file', "function f() { return require('cors')({}); }", 'cors'],
    ['`import x = require()`', "import libxml = require('libxmljs'); libxml.parseXml('');", 'libxmljs'],
    ['a type name the catalogue hints at', 'function f(pool: Pool) { return pool; }', 'pg'],
  ];
  for (const [name, source, module] of reached) {
    it(`reaches the module of ${name}`, () => assert.ok(factsOf(source).mayReference(module)));
  }

  it('reaches no module the file does not name', () => {
    const facts = factsOf("import express from 'express'; const app = express(); app.use(x);");
    assert.equal(facts.mayReference('cors'), false);
    assert.equal(facts.mayReferenceLibrary('axios'), false);
    assert.ok(facts.mayReferenceLibrary('express'));
  });

  it('reaches the library of a module by its catalogue id', () => {
    const facts = factsOf("const bcrypt = require('bcryptjs');");
    assert.ok(facts.mayReferenceLibrary('bcrypt'));
    assert.equal(facts.mayReference('bcrypt'), false);
  });

  it('reaches the database libraries the project says an imported module exports, and only those', () => {
    const text = "import { db } from './db'; import { go } from './client'; db.query(x); go(y);";
    const handle: LibraryRef = { library: 'pg', module: 'pg', isModule: false };
    const facts = buildFacts(parse(text, 'file.ts'), 'file.ts', undefined, undefined, (module) => (module === './db' ? handle : undefined));
    assert.equal(facts.libraryOf(expressionAt(facts, 'db'))?.module, 'pg');
    assert.ok(facts.mayReference('pg'));
    assert.ok(facts.mayReferenceLibrary('pg'));
    // Only database handles cross modules: another module's HTTP client is not seen here.
    assert.equal(facts.mayReference('axios'), false);
    assert.equal(facts.mayReferenceLibrary('axios'), false);
  });

  it('answers yes for every module libraryOf finds in a file', () => {
    const text = [
      "import cors from 'cors';",
      "import * as yaml from 'js-yaml';",
      "import fetcher = require('node-fetch');",
      "const { Pool } = require('pg');",
      'class S { constructor(private readonly ds: DataSource) {} run() { return this.ds.query(q); } }',
      'cors({}); yaml.load(t); fetcher(u); new Pool().query(q);',
    ].join('\n');
    const facts = factsOf(text);
    const modules = new Set<string>();
    const visit = (n: ts.Node): void => {
      const ref = ts.isExpression(n) ? facts.libraryOf(n) : undefined;
      if (ref) modules.add(ref.module);
      ts.forEachChild(n, visit);
    };
    visit(facts.sourceFile);
    assert.deepEqual([...modules].sort(), ['cors', 'js-yaml', 'node-fetch', 'pg', 'typeorm']);
    for (const module of modules) assert.ok(facts.mayReference(module), module);
  });
});
