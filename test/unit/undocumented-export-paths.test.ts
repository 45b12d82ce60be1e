import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { undocumentedExport } from '../../server/src/core/rules/maintainability/undocumented-export';

const exported = `module.exports = {
  description: 'Adds a component',
  actions: (answers) => [{ type: 'add', path: answers.folder }],
};
`;

describe('undocumented-export and the modules tools load', () => {
  const count = (fileName: string): number => analyze({ text: exported, fileName }, [undocumentedExport]).findings.length;

  it('reports a module of the application', () => assert.equal(count('src/components/index.js'), 1));
  for (const name of ['generators/component/index.cjs', 'apps/web/generators/page/index.js', 'plopfile.js', 'next.config.mjs', 'tailwind.config.ts', 'karma.conf.js', '.eslintrc.js', 'webpack.config.prod.js', 'Gulpfile.js']) {
    it(`is quiet in ${name}`, () => assert.equal(count(name), 0));
  }
  for (const name of ['src/config.js', 'src/configuration/load.js', 'src/code-generators.js']) {
    it(`still reports ${name}`, () => assert.equal(count(name), 1));
  }
});

describe('undocumented-export and a declaration file beside the module', () => {
  const plugin = 'module.exports = (o, c, d) => {\n  c.prototype.tz = function (zone) { return zone; };\n};\n';
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dts-'));
    for (const folder of ['typed', 'untyped', 'esm']) fs.mkdirSync(path.join(dir, folder));
    fs.writeFileSync(path.join(dir, 'typed/index.d.ts'), 'declare const plugin: (o: unknown, c: unknown, d: unknown) => void;\nexport = plugin;\n');
    fs.writeFileSync(path.join(dir, 'untyped/other.d.ts'), 'export {};\n');
    fs.writeFileSync(path.join(dir, 'esm/tz.d.mts'), 'export default function plugin(o: unknown): void;\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const count = (relative: string): number => analyze({ text: plugin, fileName: path.join(dir, relative) }, [undocumentedExport]).findings.length;

  it('is quiet on index.js typed by the index.d.ts beside it', () => assert.equal(count('typed/index.js'), 0));
  it('is quiet on tz.mjs typed by tz.d.mts', () => assert.equal(count('esm/tz.mjs'), 0));
  it('reports a module whose folder has only an unrelated declaration file', () => assert.equal(count('untyped/index.js'), 1));
  it('reports tz.js, which tz.d.mts does not type', () => assert.equal(count('esm/tz.js'), 1));
  it('still reports a TypeScript module with untyped parameters beside a declaration file', () => {
    const text = 'export function tz(zone) {\n  return zone;\n}\n';
    assert.equal(analyze({ text, fileName: path.join(dir, 'typed/index.ts') }, [undocumentedExport]).findings.length, 1);
  });
});
