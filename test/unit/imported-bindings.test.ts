import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { calledExport, importedBinding } from '../../server/src/core/facts/imported-bindings';
import { exportedFunctions } from '../../server/src/core/facts/exported-functions';
import { reexportsOf } from '../../server/src/core/project/export-summaries';
import { expressionAt, factsOf } from '../harness/facts-of';

function calledIn(source: string, snippet: string): string | undefined {
  const facts = factsOf(source);
  const call = expressionAt(facts, snippet);
  assert.ok(ts.isCallExpression(call), `${snippet} is a call`);
  const b = calledExport(call, facts);
  return b && `${b.specifier} ${b.name}`;
}

describe('facts: imported bindings', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['ES named import', "import { findByEmail } from './accounts';\nfindByEmail(x);", 'findByEmail(x)', './accounts findByEmail'],
    ['ES renamed import', "import { findByEmail as find } from './accounts';\nfind(x);", 'find(x)', './accounts findByEmail'],
    ['ES default import called', "import run from './run';\nrun(x);", 'run(x)', './run default'],
    ['member of an ES default import', "import accounts from './accounts';\naccounts.findByEmail(x);", 'accounts.findByEmail(x)', './accounts default.findByEmail'],
    ['member of a namespace import', "import * as accounts from './accounts';\naccounts.findByEmail(x);", 'accounts.findByEmail(x)', './accounts findByEmail'],
    ['member of a required module', "const accounts = require('../models/accounts');\naccounts.findByEmail(x);", 'accounts.findByEmail(x)', '../models/accounts findByEmail'],
    ['destructured require', "const { findByEmail } = require('./accounts');\nfindByEmail(x);", 'findByEmail(x)', './accounts findByEmail'],
    ['renamed destructured require', "const { findByEmail: find } = require('./accounts');\nfind(x);", 'find(x)', './accounts findByEmail'],
    ['property of a require', "const find = require('./accounts').findByEmail;\nfind(x);", 'find(x)', './accounts findByEmail'],
    ['a required module called', "const run = require('./run');\nrun(x);", 'run(x)', './run default'],
    ['require called in place', "require('./run')(x);", "require('./run')(x)", './run default'],
    ['import = require', "import accounts = require('./accounts');\naccounts.find(x);", 'accounts.find(x)', './accounts find'],
    ['method of an imported class', "import { UserService } from './users';\nUserService.find(x);", 'UserService.find(x)', './users UserService.find'],
    ['instance made with new', "import { UserService } from './users';\nconst users = new UserService();\nusers.find(x);", 'users.find(x)', './users UserService.find'],
    [
      'injected service (this.field typed with an imported class)',
      "import { UsersService } from './users.service';\nclass C { constructor(private readonly users: UsersService) {}\n  get(x) { return this.users.findOne(x); } }",
      'this.users.findOne(x)',
      './users.service UsersService.findOne',
    ],
    ['a library import too (the index tells which are the project\'s)', "import { exec } from 'child_process';\nexec(x);", 'exec(x)', 'child_process exec'],
    ['a call result is not the module', "const db = require('./db')(config);\ndb.query(x);", 'db.query(x)', undefined],
    ['an awaited dynamic import is not followed', "const m = await import('./m');\nm.f(x);", 'm.f(x)', undefined],
    ['a local function', 'function f(a) { return a; }\nf(x);', 'f(x)', undefined],
    ['a member too deep', "import accounts from './accounts';\naccounts.db.pool.query(x);", 'accounts.db.pool.query(x)', undefined],
  ];
  for (const [name, source, snippet, expected] of cases) it(name, () => assert.equal(calledIn(source, snippet), expected));

  it('names a value that is not called', () => {
    const facts = factsOf("const { pool } = require('./db');\nuse(pool);");
    assert.deepEqual(importedBinding(expressionAt(facts, 'pool'), facts), { specifier: './db', name: 'pool' });
  });
});

describe('facts: export keys', () => {
  const keysOf = (source: string): string[] => {
    const facts = factsOf(source);
    return exportedFunctions(facts.sourceFile, facts).map((f) => f.key);
  };
  const cases: [string, string, string[]][] = [
    ['ES named function and const', 'export function a() {}\nexport const b = () => 1;', ['a', 'b']],
    ['ES default function, named or not', 'export default function handler() {}', ['default']],
    ['ES export list with rename', 'function a() {}\nexport { a as b };', ['b']],
    ['ES default by reference', 'const a = () => 1;\nexport default a;', ['default']],
    ['class methods', 'export class UserService { find(id) {} private hidden() {} }', ['UserService.find']],
    ['default class methods', 'export default class { find(id) {} }', ['default.find']],
    ['module.exports object', 'function a() {}\nmodule.exports = { a, b: () => 1, c() {} };', ['a', 'b', 'c']],
    ['module.exports function', 'module.exports = function (x) {};', ['default']],
    ['module.exports by reference', 'function run(x) {}\nmodule.exports = run;', ['default']],
    ['exports.name', 'exports.a = function () {};\nmodule.exports.b = (x) => x;', ['a', 'b']],
  ];
  for (const [name, source, expected] of cases) it(name, () => assert.deepEqual(keysOf(source), expected));
});

describe('project: re-exports', () => {
  const cases: [string, string, object[]][] = [
    ['export *', "export * from './users';", [{ specifier: './users' }]],
    ['export * as', "export * as users from './users';", [{ specifier: './users', name: '', as: 'users' }]],
    ['export { a as b } from', "export { a as b, default as C } from './users';", [{ specifier: './users', name: 'a', as: 'b' }, { specifier: './users', name: 'default', as: 'C' }]],
    ['export of an import', "import { a } from './a';\nexport { a };", [{ specifier: './a', name: 'a', as: 'a' }]],
    ['module.exports = require', "module.exports = require('./impl');", [{ specifier: './impl', name: '', as: '' }]],
    ['module.exports object of requires', "const users = require('./users');\nmodule.exports = { users, posts: require('./posts') };", [{ specifier: './users', name: '', as: 'users' }, { specifier: './posts', name: '', as: 'posts' }]],
    ['exports.name = require', "exports.users = require('./users');", [{ specifier: './users', name: '', as: 'users' }]],
    ['a local export is not one', 'function a() {}\nexport { a };\nmodule.exports = { a };', []],
  ];
  for (const [name, source, expected] of cases) it(name, () => assert.deepEqual(reexportsOf(factsOf(source)), expected));
});
