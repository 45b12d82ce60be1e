// Front-end widget modules: the caller's text is built into markup.
export function toast(container, message) {
  container.innerHTML = `<div class="toast">${message}</div>`; // fault: xss
}

export function listItem(list, item) {
  list.insertAdjacentHTML('beforeend', '<li>' + item.title + '</li>'); // fault: xss
}

export function renderHtml(container, html) {
  container.innerHTML = html; // safe: xss
}

export function renderCount(container, n) {
  container.innerHTML = `<b>${parseInt(n, 10)}</b>`; // safe: xss
}
