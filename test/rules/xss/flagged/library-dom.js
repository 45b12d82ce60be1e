// A front-end helper module: the caller's text is built into markup and written to the DOM.
export function showTooltip(el, label) {
  el.innerHTML = '<span class="tip">' + label + '</span>'; // expect: xss:41
}

export function addRow(table, row) {
  table.insertAdjacentHTML('beforeend', `<tr><td>${row.name}</td></tr>`); // expect: xss:52
}

export function banner(message) {
  document.write('<div class="banner">' + message + '</div>'); // expect: xss:43
}
