import * as assert from 'node:assert/strict';
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
