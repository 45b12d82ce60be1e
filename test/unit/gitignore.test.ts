/** .gitignore lines as git reads them, and the glob matching under them. */
import * as assert from 'node:assert/strict';
import { globToRegExp, matchesAnyGlob } from '../../server/src/core/glob';
import { IgnoreFile, isGitignored, parseGitignore } from '../../server/src/cli/gitignore';

const root = '/repo';
function ignored(gitignore: string, file: string, isFolder = false, nested?: IgnoreFile): boolean {
  const stack: IgnoreFile[] = [{ folder: root, lines: parseGitignore(gitignore) }];
  if (nested) stack.push(nested);
  return isGitignored(stack, `${root}/${file}`, isFolder);
}

describe('globToRegExp', () => {
  const cases: [string, string, boolean][] = [
    ['*.ts', 'a.ts', true],
    ['*.ts', 'src/deep/a.ts', true],
    ['*.ts', 'a.tsx', false],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'lib/src/a.ts', false],
    ['/dist', 'dist', true],
    ['/dist', 'src/dist', false],
    ['**/gen/**', 'a/gen/b/c.ts', true],
    ['a/**/b.ts', 'a/b.ts', true],
    ['a/**/b.ts', 'a/x/y/b.ts', true],
    ['file?.js', 'file1.js', true],
    ['file?.js', 'file10.js', false],
    ['[ab].js', 'b.js', true],
    ['[!ab].js', 'c.js', true],
    ['*.{js,ts}', 'x.ts', true],
    ['*.{js,ts}', 'x.md', false],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${file}`, () => {
      assert.equal(globToRegExp(pattern).test(file), expected);
    });
  }

  it('covers what is under a matched folder by default, and not with matchDescendants: false', () => {
    assert.ok(matchesAnyGlob('node_modules/lib/index.js', [globToRegExp('node_modules')]));
    assert.ok(!globToRegExp('node_modules', { matchDescendants: false }).test('node_modules/lib/index.js'));
    assert.ok(globToRegExp('node_modules', { matchDescendants: false }).test('packages/a/node_modules'));
  });
});

describe('gitignore', () => {
  it('skips blank lines and comments, and reads escapes', () => {
    assert.equal(parseGitignore('\n# comment\n   \n').length, 0);
    assert.ok(ignored('\\#hash.js\n', '#hash.js'));
    assert.ok(ignored('\\!bang.js\n', '!bang.js'));
    assert.ok(ignored('trailing.js   \n', 'trailing.js'));
    assert.ok(ignored('crlf.js\r\n', 'crlf.js'));
  });

  it('matches a name without a slash at any depth, and anchors a pattern with one', () => {
    assert.ok(ignored('secret.ts\n', 'a/b/secret.ts'));
    assert.ok(ignored('/secret.ts\n', 'secret.ts'));
    assert.ok(!ignored('/secret.ts\n', 'a/secret.ts'));
    assert.ok(ignored('a/secret.ts\n', 'a/secret.ts'));
    assert.ok(!ignored('a/secret.ts\n', 'b/a/secret.ts'));
  });

  it('matches a trailing-slash pattern on folders only', () => {
    assert.ok(ignored('logs/\n', 'logs', true));
    assert.ok(!ignored('logs/\n', 'logs', false));
  });

  it('lets the last matching line win, so ! re-includes', () => {
    assert.ok(!ignored('*.gen.ts\n!keep.gen.ts\n', 'keep.gen.ts'));
    assert.ok(ignored('*.gen.ts\n!keep.gen.ts\n', 'drop.gen.ts'));
    assert.ok(ignored('!keep.gen.ts\n*.gen.ts\n', 'keep.gen.ts'));
  });

  it('reads a nested file relative to its own folder, after the outer one', () => {
    const nested: IgnoreFile = { folder: `${root}/pkg`, lines: parseGitignore('/local.ts\n!shared.ts\n') };
    assert.ok(ignored('', 'pkg/local.ts', false, nested));
    assert.ok(!ignored('', 'local.ts', false, nested));
    assert.ok(!ignored('shared.ts\n', 'pkg/shared.ts', false, nested));
    assert.ok(ignored('shared.ts\n', 'shared.ts', false, nested));
  });

  it('tests the path itself, not its folders: pruning is the walk\'s job', () => {
    assert.ok(!ignored('node_modules/\n', 'node_modules/typeorm/index.js'));
    assert.ok(ignored('node_modules/\n', 'node_modules', true));
  });
});
