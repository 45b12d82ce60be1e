import * as assert from 'node:assert';
import * as path from 'node:path';
import { countLines, isCodeFile, listCorpus } from '../../bench/corpus';

describe('bench corpus listing', () => {
  const nodeModules = path.resolve(__dirname, '..', '..', '..', 'node_modules');
  const files = listCorpus(nodeModules);

  it('finds the pinned packages\' code, JavaScript and TypeScript', () => {
    for (const pkg of ['typeorm', 'sequelize', 'express', path.join('@nestjs', 'core'), 'rxjs']) {
      assert.ok(files.some((f) => f.relativePath.startsWith(pkg + path.sep)), `no files from ${pkg}`);
    }
    assert.ok(files.some((f) => f.javaScript) && files.some((f) => !f.javaScript));
    assert.ok(files.every((f) => f.lines > 0 || f.bytes === 0));
  });

  it('leaves out declarations, minified files, nested node_modules and duplicate builds', () => {
    for (const f of files) {
      assert.ok(!/\.d\.[mc]?ts$|\.min\.js$/.test(f.relativePath), f.relativePath);
      assert.ok(!f.relativePath.includes(`${path.sep}node_modules${path.sep}`), f.relativePath);
      assert.ok(!f.relativePath.startsWith(path.join('typeorm', 'browser') + path.sep), f.relativePath);
    }
    assert.strictEqual(isCodeFile('index.d.mts'), false);
    assert.strictEqual(isCodeFile('Observable.ts'), true);
  });

  it('counts lines as wc -l does, with or without a final newline', () => {
    assert.strictEqual(countLines(''), 0);
    assert.strictEqual(countLines('a\nb\n'), 2);
    assert.strictEqual(countLines('a\nb'), 2);
  });
});
