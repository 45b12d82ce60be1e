// expect: none
const { exec, execFile } = require('child_process');

/** Runs a command line. */
exports.run = (command) => exec(command);

/** Lists a folder. */
exports.list = (dir) => execFile('ls', ['-l', dir]);
