// expect: none
import DOMPurify from 'dompurify';

const params = new URLSearchParams(window.location.search);
document.getElementById('greeting').textContent = 'Welcome back, ' + params.get('user');

const tab = location.hash.slice(1);
document.querySelector('#tab').innerHTML = DOMPurify.sanitize(`<h2>${tab}</h2>`);

const items = ['Home', 'About', 'Contact'];
document.getElementById('menu').innerHTML = items.map((i) => `<li>${i}</li>`).join('');

document.getElementById('count').innerHTML = `<b>${params.get('page') ? 1 : 0}</b>`;

const input = document.getElementById('comment');
document.getElementById('length').innerHTML = `<span>${input.value.length}</span>`;
