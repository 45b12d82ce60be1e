const params = new URLSearchParams(location.search);
eval(params.get('cb')); // fault: code-injection

const hash = location.hash.slice(1);
setTimeout(hash, 10); // fault: code-injection

window.addEventListener('message', (event) => {
  eval(event.data.code); // fault: code-injection
});

new Function(document.cookie)(); // fault: code-injection

const stored = localStorage.getItem('plugin');
eval(stored); // fault: code-injection

fetch('/api/plugin').then((r) => r.text()).then((src) => {
  eval(src); // fault: code-injection
});

eval(window.name); // fault: code-injection

const n = Number(params.get('n'));
setTimeout('tick(' + n + ')', 5); // safe: code-injection
