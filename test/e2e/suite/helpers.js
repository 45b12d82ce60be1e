// What both in-host suites need: bounded polling, and Vigil's diagnostics with their rule ids.
'use strict';
const vscode = require('vscode');

async function waitFor(what, probe, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const vigilDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vigil');
const ruleOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

module.exports = { waitFor, vigilDiagnostics, ruleOf };
