import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { PackageManifests, singleMajor } from '../../server/src/core/project/package-manifests';

describe('project: dependency versions declared by the file\'s package', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-deps-'));
    const write = (dir: string, pkg: object): void => {
      fs.mkdirSync(path.join(root, dir, 'src'), { recursive: true });
      fs.writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify(pkg));
    };
    write('v3', { dependencies: { 'js-yaml': '^3.14.1' } });
    write('v4', { devDependencies: { 'js-yaml': '~4.1.0' } });
    write('none', { dependencies: { express: '^4.0.0' } });
    write('v3/packages/api', { name: 'api' });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the nearest package.json that lists the dependency', () => {
    const manifests = new PackageManifests();
    const declaredRange = (file: string, dependency: string) => manifests.declaredRange(file, dependency);
    assert.equal(declaredRange(path.join(root, 'v3/src/app.js'), 'js-yaml'), '^3.14.1');
    assert.equal(declaredRange(path.join(root, 'v4/src/app.js'), 'js-yaml'), '~4.1.0');
    assert.equal(declaredRange(path.join(root, 'v3/packages/api/src/app.js'), 'js-yaml'), '^3.14.1');
    assert.equal(declaredRange(path.join(root, 'none/src/app.js'), 'js-yaml'), undefined);
  });

  it('knows the major version only when the range allows one', () => {
    assert.equal(singleMajor('^3.14.1'), 3);
    assert.equal(singleMajor('~3.13'), 3);
    assert.equal(singleMajor('3.x'), 3);
    assert.equal(singleMajor('4.1.0'), 4);
    assert.equal(singleMajor('>=3'), undefined);
    assert.equal(singleMajor('*'), undefined);
    assert.equal(singleMajor('latest'), undefined);
  });

  it("decides whether js-yaml's load is unsafe by the project's version", () => {
    const code = "const yaml = require('js-yaml');\napp.post('/c', (req, res) => res.json(yaml.load(req.body)));\n";
    const found = (dir: string): number =>
      analyze({ text: code, fileName: path.join(root, dir, 'src/app.js') }).findings.filter((f) => f.ruleId === 'insecure-deserialization').length;
    assert.equal(found('v3'), 1);
    assert.equal(found('v4'), 0);
    assert.equal(found('none'), 0);
  });
});
