// expect: none
// Front-end helpers whose parameter is markup by contract, or is written as text.
export function setHtml(el, html) {
  el.innerHTML = html;
}
export function card(el, bodyHtml) {
  el.innerHTML = `<div class="card">${bodyHtml}</div>`;
}
export function count(el, n) {
  el.innerHTML = '<b>' + Number(n) + '</b>';
}
export function greet(el, name) {
  el.textContent = 'Hello ' + name;
}
export function label(el, text) {
  el.innerHTML = '<b>' + text.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</b>';
}

// Not exported: only this module calls it, with its own text.
function badge(el, text) {
  el.innerHTML = '<i>' + text + '</i>';
}
badge(document.body, 'new');
