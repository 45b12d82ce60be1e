const params = new URLSearchParams(location.search);
eval(params.get('callback')); // expect: code-injection:6

window.addEventListener('message', (event) => {
  new Function(event.data.code)(); // expect: code-injection:16
});

const plugin = localStorage.getItem('plugin');
eval(plugin); // expect: code-injection:6

setTimeout(location.hash.slice(1), 10); // expect: code-injection:12
