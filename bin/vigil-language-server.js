#!/usr/bin/env node
'use strict';
// The transport comes from the command line; vscode-languageserver reads it from process.argv.
const transports = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || (t.endsWith('=') && a.startsWith(t))))) {
  process.stderr.write('usage: vigil-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n');
  process.exit(2);
}
require('../out/server/src/lsp/server.js');
