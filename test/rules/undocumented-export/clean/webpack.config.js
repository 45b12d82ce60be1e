// expect: none
// A tool's configuration file: webpack calls the exported function with its own arguments.
const path = require('path');

module.exports = (env, argv) => ({
  mode: argv.mode,
  entry: './src/index.js',
  output: { path: path.resolve(__dirname, env.outDir || 'dist') },
});
