// expect: none
// Front-end navigation that stays on the site, or goes where the page itself decided.
const params = new URLSearchParams(location.search);
const next = params.get('next');

// The page's own address, the way back, and what the page stored itself.
location.href = location.href.replace('http:', 'https:');
location.href = document.referrer;
location.href = localStorage.getItem('returnTo');

// A same-origin check, in an `if` and as an early exit on a parsed URL.
if (new URL(next, location.origin).origin === location.origin) location.href = next;
function go() {
  const url = new URL(next, location.origin);
  if (url.origin !== location.origin) throw new Error('leaves the site');
  location.assign(url.href);
}

// An allow-list and a local-path check.
const ALLOWED = ['/account', '/billing'];
if (ALLOWED.includes(next)) location.href = next;
if (next && next.startsWith('/') && !next.startsWith('//')) window.location.href = next;

// A fixed host or path in front, an encoded parameter.
location.href = '/users/' + params.get('id');
location.href = 'https://example.com/search?q=' + encodeURIComponent(params.get('q'));

// A message handler that checks who sent it.
window.addEventListener('message', (e) => {
  if (e.origin !== 'https://app.example.com') return;
  location.href = e.data.url;
});

// A local variable named location is not the page's.
function move(location) {
  location.href = params.get('x');
}
go();
move({});
