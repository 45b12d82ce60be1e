const { exec, execSync, execFile } = require('child_process');

// A published helper: the caller's options are built into a shell command.
exports.gitLog = function gitLog(opts, cb) {
  exec('git log --oneline ' + opts.branch, cb); // fault: command-injection
};

module.exports.openFile = function openFile(file) {
  return execSync(`xdg-open "${file}"`); // fault: command-injection
};

export function killPort(port) {
  exec(`lsof -ti tcp:${port} | xargs kill`); // fault: command-injection
}

// The whole command by contract: a run(cmd) wrapper is not a fault in itself.
exports.run = function run(cmd) {
  return execSync(cmd); // safe: command-injection
};

exports.version = function version(bin) {
  execFile(bin, ['--version']); // safe: command-injection
};

function notExported(name) {
  exec('echo ' + name); // safe: command-injection
}
notExported('x');

exports.logBranch = function logBranch(opts) {
  let cmd = 'git log ';
  cmd += opts.branch;
  exec(cmd); // fault: command-injection
};

exports.grep = function grep(pattern) {
  const parts = ['grep', '-r'];
  parts.push(pattern);
  return execSync(parts.join(' ')); // fault: command-injection
};

exports.runLater = function runLater(command) {
  let cmd = '';
  cmd += command;
  return execSync(cmd); // safe: command-injection
};
