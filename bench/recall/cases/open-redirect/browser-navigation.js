const query = new URLSearchParams(window.location.search);
const returnUrl = query.get('returnUrl');

document.location = returnUrl; // fault: open-redirect
window.location.replace(location.hash.substring(1)); // fault: open-redirect
top.location.href = decodeURIComponent(query.get('r')); // fault: open-redirect
window.open(new URL(returnUrl, location.href).toString()); // fault: open-redirect

window.onmessage = function (event) {
  location.assign(event.data.redirect); // fault: open-redirect
};

location.href = location.pathname + '?tab=' + encodeURIComponent(query.get('tab')); // safe: open-redirect
if (['/home', '/settings'].includes(returnUrl)) location.href = returnUrl; // safe: open-redirect
location.href = location.href.split('#')[0]; // safe: open-redirect
const target = new URL(returnUrl, window.location.origin);
if (target.origin === window.location.origin) location.href = target.href; // safe: open-redirect
