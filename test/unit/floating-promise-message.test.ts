import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';

describe('floating-promise message', () => {
  const code = "import axios from 'axios';\nexport function f() {\n  axios.post('/api/x', {});\n}\n";
  const message = (fileName: string, text = code) => analyze({ text, fileName }).findings.find((f) => f.ruleId === 'floating-promise')?.message ?? '';

  it('speaks of the process stopping in server code', () => {
    assert.match(message('src/server/jobs.ts'), /Node stops the process/);
  });

  it('speaks of the user in UI code', () => {
    assert.match(message('src/components/Form.tsx'), /the user is never told/);
    assert.match(message('src/hooks/use-save.ts', `'use client';\n${code}`), /the user is never told/);
    assert.doesNotMatch(message('src/components/Form.tsx'), /Node/);
  });
});
