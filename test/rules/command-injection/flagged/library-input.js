const { exec, execSync } = require('child_process');

// A published helper: whatever the caller passes is built into a shell command line.
exports.gitLog = function gitLog(opts, cb) {
  exec('git log --oneline ' + opts.branch, cb); // expect: command-injection:8
};

module.exports.openFile = function openFile(file) {
  return execSync(`xdg-open "${file}"`); // expect: command-injection:19
};

function killPort(port) {
  exec(`lsof -ti tcp:${port} | xargs kill`); // expect: command-injection:8
}

module.exports.killPort = killPort;

// Built over several statements: appended to the function's own start.
exports.logBranch = function logBranch(opts) {
  let cmd = 'git log ';
  cmd += opts.branch;
  exec(cmd); // expect: command-injection:8
};

exports.grep = function grep(pattern) {
  const parts = ['grep', '-r'];
  parts.push(pattern);
  return execSync(parts.join(' ')); // expect: command-injection:19
};
