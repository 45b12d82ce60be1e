// expect: none
const sh = require('execa').shell;
const { execFile } = require('child-process-promise');
const { exec } = require('child_process');
const shell = require('shelljs');
const util = require('util');

// The whole command is the wrapper's contract.
exports.run = function run(command) {
  return sh(command);
};
exports.runFormatted = function runFormatted(command) {
  return shell.exec(util.format(command), { silent: true });
};

// A program and an argument array: no shell.
exports.ping = function ping(host) {
  return execFile('ping', ['-c', '1', host]);
};

// A quoting helper of the file's own is a shell quote, unlike JSON.stringify.
var quote = function (s) {
  return "'" + String(s).replace(/'/g, "'\\''") + "'";
};
exports.notify = function notify(msg) {
  var args;
  args = ['notify-send'];
  args.push(quote(msg));
  exec(args.join(' '));
};

// A list started empty and given the caller's command: still the whole command.
exports.runAll = function runAll(command) {
  var parts;
  parts = [];
  parts.push(command);
  exec(parts.join(' '));
};
