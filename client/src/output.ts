/**
 * The "Vigil" output channel, and the LSP trace routed into it by `vigil.trace.server`.
 *
 * vscode-languageclient 11 only traces when its trace channel's log level is Trace, and a user cannot be asked to
 * change a channel's log level as well as the setting. So the client gets a trace channel whose level follows
 * `vigil.trace.server` and whose lines land in the one "Vigil" channel at info level, where they show.
 */
import * as vscode from 'vscode';

export const traceSetting = 'vigil.trace.server';

export function createOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Vigil', { log: true });
}

function traceLevel(): vscode.LogLevel {
  const value = vscode.workspace.getConfiguration().get<string>(traceSetting, 'off');
  return value === 'off' ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
}

export function createTraceChannel(output: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  let level = traceLevel();
  const watcher = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(traceSetting)) return;
    level = traceLevel();
    levelChanged.fire(level);
  });
  const write = (message: string) => {
    if (level !== vscode.LogLevel.Off) output.info(message);
  };
  return {
    name: output.name,
    get logLevel() {
      return level;
    },
    onDidChangeLogLevel: levelChanged.event,
    trace: write,
    debug: write,
    info: write,
    warn: (message: string) => output.warn(message),
    error: (error: string | Error) => output.error(error),
    append: (value: string) => output.append(value),
    appendLine: (value: string) => output.appendLine(value),
    replace: (value: string) => output.replace(value),
    clear: () => output.clear(),
    show: () => output.show(true),
    hide: () => output.hide(),
    dispose: () => {
      watcher.dispose();
      levelChanged.dispose();
    },
  };
}
