// Front-end code: the page navigates to a value another site chose by linking here or posting a message.
const params = new URLSearchParams(location.search);
const next = params.get('next');

function afterLogin() {
  location.href = next; // expect: open-redirect:19
}

window.location = location.hash.slice(1); // expect: open-redirect:19
document.location.href = `${params.get('to')}`; // expect: open-redirect:26
window.open(params.get('popup')); // expect: open-redirect:13
location.replace(new URL(next, location.origin).href); // expect: open-redirect:18
location.assign(window.name); // expect: open-redirect:17

window.addEventListener('message', (e) => {
  window.location.href = e.data.url; // expect: open-redirect:26
});

afterLogin();
