const sh = require('execa').shell;
const cp = require('mz/child_process');
const { exec: run } = require('child-process-promise');
const { exec } = require('child_process');
const shell = require('shelljs');
const util = require('util');

// execa before 2.0: `shell` runs its command line through the system shell.
module.exports.killPort = function killPort(port) {
  return sh(`lsof -i tcp:${port} | xargs kill -9`); // expect: command-injection:13
};

// child_process's promise wrappers run `exec` through a shell too.
exports.arp = function arp(address) {
  return cp.exec('arp -n ' + address); // expect: command-injection:18
};
exports.ping = function ping(host) {
  return run(`ping -c 1 ${host}`); // expect: command-injection:14
};

// A format of the function's own, filled with the caller's values.
exports.resolve = function resolve(hostname, type) {
  const cmd = util.format('"%s" lookup %s %s', process.execPath, hostname, type || '');
  return shell.exec(cmd, { silent: true }); // expect: command-injection:21
};

// `quote` here is JSON.stringify: double quotes leave `$(…)` and backticks to the shell.
var quote = JSON.stringify;
exports.notify = function notify(msg) {
  var args;
  args = ['notify-send'];
  args.push(quote(msg));
  exec(args.join(' ')); // expect: command-injection:8
};
