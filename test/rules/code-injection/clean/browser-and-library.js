// expect: none
const vm = require('vm');

// A worker's messages come from this page's own code.
const worker = new Worker('w.js');
worker.addEventListener('message', (event) => {
  console.log(event.data);
});

const params = new URLSearchParams(location.search);
const n = Number(params.get('n'));
setTimeout('tick(' + n + ')', 5);
const settings = JSON.parse(localStorage.getItem('settings') || '{}');
console.log(settings);

// The whole code is the sandbox's contract.
exports.runCode = function runCode(code) {
  return vm.runInThisContext(code);
};
